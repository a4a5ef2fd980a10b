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

// ---------------------------------------------------------------------------
// Commands: host → worker. Imperative names.

export type WorkerCommand =
  | { type: 'start'; settings: TrainSettings }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** pixels: 784 values in [0, 1], row-major, white ink on black like MNIST */
  | { type: 'predict'; requestId: number; pixels: Float32Array }
  | { type: 'checkGradient'; activation: Activation }
  | { type: 'sampleTest'; index?: number }
  | { type: 'inspect' }
  | { type: 'useDefaultData' }
  | { type: 'loadIdx'; files: IdxFiles }
  | { type: 'exportModel' }
  /** model: an untrusted parsed JSON value, checked in the worker by parseModelFile */
  | { type: 'importModel'; model: unknown; fileName: string }

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
  /** a run ended normally ('completed') or by the user ('stopped'); weights stay for predict */
  | { type: 'done'; reason: 'completed' | 'stopped'; summary: RunSummary }
  /** a run or the worker failed; iteration is where, when known. The previous weights stay usable. */
  | { type: 'failed'; reason: string; iteration?: number }
  /** probabilities: 10 softmax outputs summing to 1 */
  | { type: 'prediction'; requestId: number; probabilities: number[] }
  | { type: 'gradientChecked'; activation: Activation; diffs: GradientDiffs; seconds: number }
  | ({ type: 'testSample'; index: number; probabilities: number[] } & DigitView)
  /** W1 as hiddenSize tiles of 784; confusion[actual * 10 + predicted] counts over the test set */
  | { type: 'inspection'; hiddenSize: number; W1: Float32Array; confusion: number[]; misclassified: (DigitView & { index: number })[] }
  | { type: 'model'; model: unknown }
  | { type: 'modelLoaded'; fileName: string; settings: TrainSettings; testAccuracy: number }
  /** a command was refused (bad input, wrong state); nothing changed */
  | { type: 'rejected'; command: WorkerCommand['type']; message: string }

// ---------------------------------------------------------------------------
// What the renderer calls. In Electron the preload implements it over IPC; in a plain browser a Web Worker does.

export interface LabApi extends Partial<RunHistoryApi> {
  readonly edition: 'desktop' | 'browser'
  start(settings: TrainSettings): void
  pause(): void
  resume(): void
  stop(): void
  predict(requestId: number, pixels: Float32Array): void
  checkGradient(activation: Activation): void
  sampleTest(index?: number): void
  inspect(): void
  useDefaultData(): void
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
  /** every iteration's loss */
  losses: number[]
  epochs: EpochPoint[]
  /** the user's name and note for the run (Runs pane) */
  name?: string
  note?: string
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
  /** the history changed or could not keep a run (reason); returns the unsubscribe function */
  onHistoryChange(listener: (problem: string | null) => void): () => void
}
// ---- end run history management ---------------------------------------------------------------------------

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
} as const
export type ChannelName = (typeof Channel)[keyof typeof Channel]
export const CHANNEL_PREFIX = 'lab:'
