// THE contract between the engine (worker), the main process and the renderer.
// Imports nothing at run time: every tree may import this file.

/** Hidden-layer activation: the book's Relu (5.5.1) or Sigmoid (5.5.2). */
export type Activation = 'relu' | 'sigmoid'

/** Hyperparameters of one training run (5.7.4). */
export interface TrainSettings {
  /** width of the hidden layer; book: 50 */
  hiddenSize: number
  /** SGD step size; book: 0.1 */
  learningRate: number
  /** samples per mini-batch, drawn with replacement; book: 100 */
  batchSize: number
  /** SGD steps in the run; book: 10,000 */
  iterations: number
  /** standard deviation of the initial weights; book: 0.01 */
  weightInitStd: number
  activation: Activation
  /** seed of the run's RNG (weights and batches); an unsigned 32-bit integer */
  seed: number
}

/** Which digits a run trains and tests on. */
export interface DatasetInfo {
  /** 'default': the mnist package's 10,000 digits split 80/20; 'idx': original MNIST IDX files */
  kind: 'default' | 'idx'
  /** human-readable name, e.g. "mnist package, 10,000 digits" */
  name: string
  trainSize: number
  testSize: number
  /** test accuracy the book's settings reach on this data, e.g. 0.93; for the UI's expectation line */
  expectedTestAccuracy: number
  /** how many of the user's own digits (My digits) were added to the training set, when any */
  myDigits?: number
  /** issue 13 §1: the downloaded data set these files are (from the lab's cache); absent for a folder the user chose */
  source?: 'mnist' | 'fashion'
  /** issue 13 §1: what each label means when not the digit itself (Fashion-MNIST's ten classes) */
  labelNames?: string[]
}

/** One file handed to the worker, e.g. `train-images-idx3-ubyte.gz`; raw or gzip bytes. */
export interface NamedBytes {
  name: string
  bytes: Uint8Array
}

/** The four MNIST IDX files. */
export interface IdxFiles {
  trainImages: NamedBytes
  trainLabels: NamedBytes
  testImages: NamedBytes
  testLabels: NamedBytes
}

/** Mean |backprop − numerical| per parameter (5.7.3). */
export interface GradientDiffs {
  W1: number
  b1: number
  W2: number
  b2: number
}

/** The four parameters of the two-layer net (5.7.2), in the book's order. */
export type ParamName = 'W1' | 'b1' | 'W2' | 'b2'

/** |numerical − backprop| for every element of one parameter (5.7.3), row-major: values[row * cols + col]. */
export interface GradientDiffMap {
  rows: number
  cols: number
  values: Float64Array
}

/**
 * A ReLU input that the central difference straddles: perturbing the parameter by ±h moves the input of hidden
 * unit `unit` (sample `sample`) by ±shift, and |input| < shift, so f(x+h) and f(x−h) sit on both sides of the kink.
 */
export interface ReluKink {
  /** hidden unit (column of W1, b1) */
  unit: number
  /** row of the batch */
  sample: number
  /** the pre-activation (x·W1 + b1)[sample, unit] */
  input: number
  /** how far ±h on the parameter moves that input: h·|x[sample, row]| for W1, h for b1 */
  shift: number
}

/** The element where backprop and the numerical gradient differ most, over all four parameters. */
export interface LargestGradientDiff {
  parameter: ParamName
  /** 0-based; 0 for a bias */
  row: number
  col: number
  numerical: number
  backprop: number
  /** |numerical − backprop| */
  diff: number
  /** set when the hidden input of this element's unit lies within the perturbation of the ReLU kink; null otherwise (and always for Sigmoid, W2, b2) */
  kink: ReluKink | null
}

/** What a finished run reports; also the CLI's `--json` summary line. */
export interface RunSummary {
  iterations: number
  seed: number
  /** loss on the last mini-batch, after its update (the book's train_loss_list[-1]) */
  finalLoss: number
  trainAccuracy: number
  testAccuracy: number
  /** median-free mean: training-step time only, evaluation excluded; milliseconds */
  msPerIteration: number
  /** wall time of the whole run including evaluation; seconds */
  totalSeconds: number
}

/** One per-epoch evaluation (and one at iteration 0). */
export interface EpochPoint {
  /** whole epochs completed; 0 for the evaluation at iteration 0 (after that iteration's update, as in the book's loop); fractional for a final evaluation after a partial epoch (train.ts) */
  epoch: number
  /** 0-based iteration index at which it was measured */
  iteration: number
  trainAccuracy: number
  testAccuracy: number
}

/** A 28×28 digit with what the network makes of it. */
export interface DigitView {
  /** 784 values in [0, 1], row-major */
  pixels: Float32Array
  label: number
  predicted: number
}

/** One of the user's own drawings, kept from Predict with the label the user gave it (My digits). */
export interface MyDigit {
  /** unique, [A-Za-z0-9-]{1,64} */
  id: string
  /** 0–9 */
  label: number
  /** ISO 8601 */
  keptAt: string
  /** 784 bytes, row-major, 0 = background, 255 = ink, as in MNIST's IDX files */
  pixels: Uint8Array
}

/** n digits as commands carry them: n × 784 image bytes and n labels. */
export interface DigitBatch {
  images: Uint8Array
  labels: Uint8Array
}

/** Which digits one stepped iteration (the Step pane) runs on. */
export type StepSource =
  /** batchSize training digits drawn at random (the step's own RNG, never a run's) */
  | { kind: 'batch'; batchSize: number }
  /** one test digit */
  | { kind: 'test'; index: number }
  /** one drawing, with the label the user says it is */
  | { kind: 'pixels'; pixels: Float32Array; label: number }

/** One matrix of a step: shape and row-major values, full float64. */
export interface StepMatrix {
  shape: number[]
  values: number[]
}

/** One stepped iteration as the worker reports it: the same object `npm run step -- --json` prints (step/one-step.ts). */
export interface StepRecord {
  /** the CLI: the run's TrainSettings; the Step pane: the network's hidden size, activation and where the digits came from */
  settings: object
  batchIndices: number[]
  x: number[][]
  t: number[]
  params: Record<'W1' | 'b1' | 'W2' | 'b2', StepMatrix>
  forward: ({ layer: string; code: string; out?: StepMatrix; mask?: { shape: number[]; values: boolean[] }; y?: StepMatrix; loss?: number })[]
  backward: ({ layer: string; code: string; dx: StepMatrix; dW?: StepMatrix; db?: StepMatrix })[]
  grads: Record<'W1' | 'b1' | 'W2' | 'b2', StepMatrix>
  lossBefore: number
  lossAfter: number
  learningRate: number
}

// ---------------------------------------------------------------------------
// Commands: host → worker. Imperative names.

export type WorkerCommand =
  /** extraTrain: the user's own digits, appended to the training set for this run */
  | { type: 'start'; settings: TrainSettings; extraTrain?: DigitBatch }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** pixels: 784 values in [0, 1], row-major, white ink on black like MNIST */
  | { type: 'predict'; requestId: number; pixels: Float32Array }
  | { type: 'checkGradient'; activation: Activation }
  | { type: 'sampleTest'; index?: number }
  | { type: 'inspect' }
  | { type: 'useDefaultData' }
  | { type: 'loadIdx'; files: IdxFiles; source?: 'mnist' | 'fashion' /* issue 13 §1: files from the download cache */ }
  | { type: 'exportModel' }
  /** one iteration of SGD on the current network, computed in float64 and shown layer by layer; changes nothing */
  | { type: 'traceStep'; requestId: number; source: StepSource; learningRate: number }
  /** commits the last traced step's update to the network (only when no run is going) */
  | { type: 'applyStep'; requestId: number }
  /** the current network's answers on the user's own digits */
  | { type: 'evaluateDigits'; requestId: number; digits: DigitBatch }
  /** model: an untrusted parsed JSON value, checked in the worker by parseModelFile */
  | { type: 'importModel'; model: unknown; fileName: string }
  | WeightCommand

/** The commands an (untrusted) renderer may send; file bytes only come from main's own dialogs. */
export type RendererCommand = Exclude<WorkerCommand, { type: 'loadIdx' } | { type: 'importModel' }>

// ---------------------------------------------------------------------------
// Events: worker → host. Facts, past tense or nouns.

export type LabEvent =
  | { type: 'ready'; dataset: DatasetInfo; backend: string }
  | { type: 'datasetLoaded'; dataset: DatasetInfo }
  | { type: 'started'; settings: TrainSettings; dataset: DatasetInfo; iterationsPerEpoch: number; backend: string }
  /** losses[k] is the mini-batch loss of iteration firstIteration + k; every iteration arrives exactly once */
  | { type: 'progress'; firstIteration: number; losses: Float32Array }
  | ({ type: 'epoch' } & EpochPoint)
  | { type: 'paused'; iteration: number }
  | { type: 'resumed'; iteration: number }
  /**
   * a run ended normally ('completed') or by the user ('stopped'); weights stay for predict. model: the final
   * weights as a model file (model-file.ts), kept with the run (#12 item 4); absent when no iteration ran
   */
  | { type: 'done'; reason: 'completed' | 'stopped'; summary: RunSummary; model?: unknown }
  /** a run or the worker failed; iteration is where, when known. The previous weights stay usable. */
  | { type: 'failed'; reason: string; iteration?: number }
  /** probabilities: 10 softmax outputs summing to 1 */
  /** trained: the weights have seen training or came from a model file (false for a fresh, untrained net) */
  | { type: 'prediction'; requestId: number; probabilities: number[]; trained: boolean }
  /** a gradient check under way: done of total parameter elements differentiated numerically; at most ~10 a second, the last at done = total */
  | { type: 'gradientProgress'; activation: Activation; done: number; total: number }
  /**
   * diffs: the four means (the book's printout); maps: every element's difference; seconds: the whole check.
   * numericalSeconds: one numerical gradient on the batch; backpropSeconds: one backprop gradient on the same
   * batch (the median of repeated rounds of calls, as one call takes about a millisecond).
   */
  | { type: 'gradientChecked'; activation: Activation; diffs: GradientDiffs; maps: Record<ParamName, GradientDiffMap>; largest: LargestGradientDiff; seconds: number; numericalSeconds: number; backpropSeconds: number }
  | ({ type: 'testSample'; index: number; probabilities: number[]; trained: boolean } & DigitView)
  /** W1 as hiddenSize tiles of 784; confusion[actual * 10 + predicted] counts over the test set */
  /** misclassified: every wrong test digit (up to a limit) with the softmax output for its predicted digit */
  | { type: 'inspection'; hiddenSize: number; W1: Float32Array; /** the tiles' shared colour scale: ±this is white/black (session-views.tileScale) */ tileScale: number; confusion: number[]; misclassified: (DigitView & { index: number; confidence: number })[]; trained: boolean }
  | { type: 'model'; model: unknown }
  | { type: 'stepTraced'; requestId: number; step: StepRecord }
  /** the traced update is now the network's: the loss on that batch went from lossBefore to lossAfter */
  | { type: 'stepApplied'; requestId: number; lossBefore: number; lossAfter: number; iterations: number }
  /** predicted[i] and its probability confidence[i] for digit i of the evaluateDigits request */
  | { type: 'digitsEvaluated'; requestId: number; predicted: number[]; confidence: number[]; accuracy: number }
  | { type: 'modelLoaded'; fileName: string; settings: TrainSettings; testAccuracy: number }
  /** a command was refused (bad input, wrong state); nothing changed */
  | { type: 'rejected'; command: WorkerCommand['type']; message: string }
  | WeightEvent

// --- issue 12 (a lab that feels finished): fresh weights and the learning rate mid-run ---------------
/** Commands added with issue 12 (part of WorkerCommand and RendererCommand). */
export type WeightCommand =
  /** replaces the weights by a fresh net of these settings (hidden size, init std, activation, seed); refused mid-run */
  | { type: 'resetWeights'; settings: TrainSettings }
  /** the SGD step size from the next iteration on; only while a run is paused */
  | { type: 'setLearningRate'; learningRate: number }
/** Events added with issue 12 (part of LabEvent). */
export type WeightEvent =
  | { type: 'weightsReset'; settings: TrainSettings }
  | { type: 'learningRateChanged'; learningRate: number; iteration: number }
// --- end issue 12 ------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// What the renderer calls. In Electron the preload implements it over IPC; in a plain browser a Web Worker does.

// ---- dataset downloads (issue 13 §1): desktop only, run in main; the browser edition leaves `downloads` out ----------
/** Where a download of 'mnist' or 'fashion' stands; main sends one on every change (progress at most ~10 a second). */
export type DownloadState =
  | { state: 'running'; dataset: 'mnist' | 'fashion'; file: string; bytes: number; total: number; percent: number; bytesPerSecond: number }
  | { state: 'done'; dataset: 'mnist' | 'fashion'; folder: string }
  | { state: 'cancelled'; dataset: 'mnist' | 'fashion' }
  /** attempts: every mirror tried for `file` and why it failed (plain English: "HTTP 503", "ENOTFOUND host") */
  | { state: 'failed'; dataset: 'mnist' | 'fashion'; file: string; attempts: { url: string; reason: string }[] }
  /** the download worked but the files could not be used, or another local problem (plain English message) */
  | { state: 'error'; dataset: 'mnist' | 'fashion'; message: string }

export interface DownloadStatus {
  /** data sets whose four files are in the cache and match their pins */
  cached: ('mnist' | 'fashion')[]
  /** the download under way, if any */
  active: DownloadState | null
  /** the cache folder, for the user to see */
  cacheFolder: string
}

export interface DatasetDownloadApi {
  downloadStatus(): Promise<DownloadStatus>
  /** starts downloading (main refuses a second one while one runs); when done, main loads the files into the worker */
  startDownload(dataset: 'mnist' | 'fashion'): Promise<void>
  cancelDownload(): Promise<void>
  /** loads a data set already in the cache into the worker */
  useDownloaded(dataset: 'mnist' | 'fashion'): Promise<void>
  /** returns the unsubscribe function */
  onDownload(listener: (state: DownloadState) => void): () => void
}
// ---- end dataset downloads -----------------------------------------------------------------------------------------

export interface LabApi extends Partial<RunHistoryApi> {
  readonly edition: 'desktop' | 'browser'
  /**
   * Desktop: the system's preferred languages as main reads them (app.getPreferredSystemLanguages), since
   * navigator.languages inside Electron holds only the app's locale. The browser edition reads navigator.languages.
   */
  readonly systemLanguages?: readonly string[]
  /** extraTrain: my digits to add to the training set of this run */
  start(settings: TrainSettings, extraTrain?: DigitBatch): void
  pause(): void
  resume(): void
  stop(): void
  predict(requestId: number, pixels: Float32Array): void
  checkGradient(activation: Activation): void
  sampleTest(index?: number): void
  inspect(): void
  useDefaultData(): void
  evaluateDigits(requestId: number, digits: DigitBatch): void
  traceStep(requestId: number, source: StepSource, learningRate: number): void
  applyStep(requestId: number): void
  /** my kept digits (desktop: a file in user data; browser: IndexedDB); an unreadable store gives a warning and no digits */
  listMyDigits(): Promise<{ digits: MyDigit[]; warning: string | null }>
  /** replaces the kept digits with these, atomically; rejects with a message naming the problem */
  saveMyDigits(digits: MyDigit[]): Promise<void>
  /** issue 12: a fresh seeded net of these settings (WeightCommand) */
  resetWeights(settings: TrainSettings): void
  /** issue 12: a new learning rate for the paused run (WeightCommand) */
  setLearningRate(learningRate: number): void
  /** asks the user for a folder (desktop) or the four files (browser) and loads it; errors arrive as events */
  openIdxData(): Promise<void>
  /** saves the current weights as a model file; resolves to where, or null when the user cancelled */
  saveModel(): Promise<string | null>
  /** asks for a model file and loads it; errors arrive as a 'rejected' event */
  loadModel(): Promise<void>
  /** finished runs, newest first; unreadable ones are skipped (see warnings) */
  listRuns(): Promise<RunListing>
  /** writes a run's loss and accuracy log as CSV; resolves to where, or null when cancelled */
  exportRunCsv(runId: string): Promise<string | null>
  /** subscribes to worker events; returns the unsubscribe function */
  onEvent(listener: (event: LabEvent) => void): () => void
  /** issue 13 §1: downloads of the full data sets; desktop only */
  downloads?: DatasetDownloadApi
}

/** One finished run as kept in the history (desktop: a JSON file per run; browser: storage). */
export interface RunRecord {
  format: 'backprop-lab-run'
  version: 1
  /** unique, filename-safe: [A-Za-z0-9-]+ */
  id: string
  /** ISO 8601 */
  startedAt: string
  finishedAt: string
  settings: TrainSettings
  dataset: DatasetInfo
  backend: string
  reason: 'completed' | 'stopped'
  summary: RunSummary
  /** every iteration's loss (a Float32Array as recorded and as stored; a number[] as parsed from JSON) */
  losses: ArrayLike<number>
  epochs: EpochPoint[]
  /** the user's name and note for the run (Runs pane) */
  name?: string
  note?: string
  /** the run's final weights as a model file, kept beside the run (not in its JSON); only on a finished record */
  model?: unknown
  /** listed runs: whether the final weights are kept (older runs have none) */
  hasModel?: boolean
}

// ---- run history management (issue #10: runs that last) -------------------------------------------------
/** listRuns' answer. Listed runs may come without their losses (losses: []): runLosses(id) fetches them. */
export interface RunListing {
  runs: RunRecord[]
  warnings: string[]
  /** stored runs that cannot be read, listed so the user can delete them */
  corrupt?: { id: string; reason: string }[]
  /** finished runs the history could not keep (quota, denied, write error); held in memory until exported */
  unkept?: { id: string; reason: string }[]
}
/** What the Runs pane manages beyond listing; optional on LabApi so each edition adds it when ready. */
export interface RunHistoryApi {
  /** every iteration's loss of a stored run */
  runLosses(runId: string): Promise<Float32Array>
  deleteRun(runId: string): Promise<void>
  labelRun(runId: string, label: { name: string; note: string }): Promise<void>
  exportRunJson(runId: string): Promise<string | null>
  exportAllRuns(): Promise<string | null>
  clearRuns(): Promise<void>
  /** loads a stored run's final weights into the lab, as loading a model file does (#12 item 4) */
  useRunModel(runId: string): Promise<void>
  /** the history changed or could not keep a run (reason); returns the unsubscribe function */
  onHistoryChange(listener: (problem: string | null) => void): () => void
}
// ---- end run history management ---------------------------------------------------------------------------

// ---- the system's languages, main → preload as a command-line switch (webPreferences.additionalArguments) --------
export const LANGUAGES_SWITCH = '--lab-languages='
/** A BCP 47 tag as the OS gives it (ko-KR, en-US, zh-Hant-TW); anything else is dropped on both sides. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/

/** The switch main appends for the preload: at most 10 well-formed tags, comma-separated. */
export function languagesSwitch(tags: readonly string[]): string {
  return LANGUAGES_SWITCH + tags.filter((tag) => LANGUAGE_TAG.test(tag)).slice(0, 10).join(',')
}

/** The tags in the preload's argv (process.argv of a sandboxed renderer), well-formed ones only. */
export function parseLanguagesSwitch(argv: readonly string[]): string[] {
  const arg = argv.find((a) => a.startsWith(LANGUAGES_SWITCH))
  return arg ? arg.slice(LANGUAGES_SWITCH.length).split(',').filter((tag) => LANGUAGE_TAG.test(tag)).slice(0, 10) : []
}

/** IPC channel names; every one carries the `lab:` prefix, checked on both sides. */
export const Channel = {
  command: 'lab:command',
  event: 'lab:event',
  ready: 'lab:ready',
  openIdxData: 'lab:open-idx-data',
  saveModel: 'lab:save-model',
  loadModel: 'lab:load-model',
  listRuns: 'lab:list-runs',
  exportRunCsv: 'lab:export-run-csv',
  listMyDigits: 'lab:list-my-digits',
  saveMyDigits: 'lab:save-my-digits',
  // dataset downloads (issue 13 §1)
  downloadStatus: 'lab:download-status',
  startDownload: 'lab:start-download',
  cancelDownload: 'lab:cancel-download',
  useDownloaded: 'lab:use-downloaded',
  /** main → renderer: a DownloadState */
  downloadEvent: 'lab:download-event',
  // end dataset downloads
  // ---- run history management (issue #10): RunHistoryApi on the desktop; historyChanged goes main → renderer
  runLosses: 'lab:run-losses',
  deleteRun: 'lab:delete-run',
  labelRun: 'lab:label-run',
  exportRunJson: 'lab:export-run-json',
  exportAllRuns: 'lab:export-all-runs',
  clearRuns: 'lab:clear-runs',
  useRunModel: 'lab:use-run-model',
  historyChanged: 'lab:history-changed',
  // ---- end run history management
} as const
export type ChannelName = (typeof Channel)[keyof typeof Channel]
export const CHANNEL_PREFIX = 'lab:'
