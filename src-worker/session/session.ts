// The worker's message loop: commands in over a Port, throttled events out. Runs unchanged in a Node
// worker_thread (node/entry-node.ts) and a browser Web Worker (entry-web.ts).
import type { Params, TrainingBackend } from '../net/backend'
import { decodeDefaultAsset } from '../data/default-asset'
import { CLASSES, PIXELS, type Split } from '../data/digits'
import { parseIdxFiles } from '../data/idx'
import { datasetInfoFor } from './downloaded-dataset-info'
import { defaultDatasetInfo, splitDefault } from '../data/split'
import { bookDetailedGradientCheck } from '../net/gradient-check'
import { PARAM_NAMES } from '../net/backend'
import { MacrotaskYielder, type Port } from './port'
import type { Activation, DatasetInfo, LabEvent, StepSource, TrainSettings, WorkerCommand } from '../protocol'
import { Random } from '../net/random'
import { RunControl, streamRun, stoppedSummary, DEFAULT_TIMING, type StreamTiming } from './session-run'
import { exportModel, importModel, type CurrentModel } from './session-model'
import { evaluateDigits, inspection, testSample } from './session-views'
import { stepJson, traceStep, type StepTrace } from '../step/one-step'
import { gatherImages, gatherLabels } from '../net/batch'
import { Matrix } from '../math/matrix'
import { parseDigitBatch, withExtraDigits } from '../data/my-digits'
import { iterationsPerEpoch, train, TrainingDivergedError } from '../net/train'
import { initParams } from '../net/two-layer-net'
import { BOOK_SETTINGS, checkActivation, checkNumber, parseStepSource, describeValue, isRecord, LabInputError, parsePixels, parseTrainSettings } from './validate'

/** What the host plugs in. */
export interface SessionDeps {
  /** a network holding (a copy of) params: the reference backend or the fast path */
  createBackend(params: Params, activation: Activation): Promise<TrainingBackend>
  /** the bytes of the default digits asset (mnist-default.bin) */
  loadDefault(): Promise<Uint8Array>
  timing?: StreamTiming
}

const ASSET_NAME = 'mnist-default.bin'

/** Handles every WorkerCommand; one run at a time; events exactly as protocol.ts defines them. */
export class LabSession {
  private data: { split: Split; info: DatasetInfo } | undefined
  private model: CurrentModel | undefined
  private run: RunControl | undefined
  private readonly initialised: Promise<void>
  /** the last stepped iteration, and the network it was computed on (Apply refuses if that changed) */
  private lastStep: { requestId: number; trace: StepTrace; model: CurrentModel; version: number } | undefined
  /** bumped whenever the network's weights change outside a step: a run, a load, an Apply */
  private modelVersion = 0
  /** draws the Step pane's mini-batches; its own seed, so a paused run's batches are never disturbed */
  private readonly stepRng = new Random(0x57e9)
  /** picks random test digits; seeded, never Math.random */
  private readonly sampleRng = new Random(0x5eed)

  constructor(
    private readonly port: Port,
    private readonly deps: SessionDeps,
  ) {
    port.onCommand((command) => void this.dispatch(command))
    this.initialised = this.init()
  }

  private post(event: LabEvent, transfer?: ArrayBuffer[]): void {
    this.port.post(event, transfer)
  }

  /** A fresh book-settings net (so predict answers before any training), then the default data, then 'ready'. */
  private async init(): Promise<void> {
    try {
      this.model = await this.freshModel({ ...BOOK_SETTINGS })
      this.data = await this.loadDefaultData()
      this.post({ type: 'ready', dataset: this.data.info, backend: this.model.backend.name })
    } catch (error) {
      this.post({ type: 'failed', reason: `the lab could not start: ${messageOf(error)}` })
    }
  }

  /** An untrained net of these settings, seeded as a run with them would start. */
  private async freshModel(settings: TrainSettings): Promise<CurrentModel> {
    const params = initParams(PIXELS, settings.hiddenSize, CLASSES, settings.weightInitStd, new Random(settings.seed))
    const backend = await this.deps.createBackend(params, settings.activation)
    return { backend, settings, dataset: undefined, iterations: 0, finalLoss: null, accuracy: undefined }
  }

  /** The current weights have been trained (a run under way or done) or came from a model file. */
  private trained(): boolean {
    return this.run !== undefined || (this.model?.iterations ?? 0) > 0
  }

  private async loadDefaultData(): Promise<{ split: Split; info: DatasetInfo }> {
    const split = splitDefault(decodeDefaultAsset(await this.deps.loadDefault(), ASSET_NAME))
    return { split, info: defaultDatasetInfo(split) }
  }

  /** Bad input or a wrong state → 'rejected' naming the problem; nothing changes. */
  private async dispatch(command: WorkerCommand): Promise<void> {
    await this.initialised
    if (!isRecord(command)) {
      this.post({ type: 'rejected', command: String(command) as WorkerCommand['type'], message: `a command must be an object, got ${describeValue(command)}` })
      return
    }
    try {
      await this.handle(command)
    } catch (error) {
      this.post({ type: 'rejected', command: command.type, message: error instanceof LabInputError ? error.message : `${command.type} failed: ${messageOf(error)}` })
    }
  }

  private async handle(command: WorkerCommand): Promise<void> {
    switch (command.type) {
      case 'start': {
        if (this.run) throw new LabInputError('a run is already in progress; stop it before starting another')
        const settings = parseTrainSettings(command.settings, 'start: ')
        const data = withMyDigits(this.requireData(), command.extraTrain)
        const control = new RunControl()
      control.learningRate = settings.learningRate
        this.run = control // set before any await, so a double click starts one run
        void this.execute(settings, data, control)
        return
      }
      case 'pause':
        if (!this.run || this.run.pauseRequested) throw new LabInputError(this.run ? 'the run is already paused' : 'no run is in progress to pause')
        this.run.requestPause()
        return
      case 'resume':
        if (!this.run?.pauseRequested) throw new LabInputError('no paused run to resume')
        this.run.requestResume()
        return
      case 'stop':
        if (!this.run) throw new LabInputError('no run is in progress to stop')
        this.run.requestStop()
        return
      case 'predict': {
        const pixels = parsePixels(command.pixels, 'predict: pixels')
        const probabilities = Array.from(this.requireModel().backend.predict(pixels, 1))
        this.post({ type: 'prediction', requestId: command.requestId, probabilities, trained: this.trained() })
        return
      }
      case 'checkGradient': {
        if (this.run && !this.run.paused) throw new LabInputError('the gradient check takes seconds; pause or stop the run first')
        const activation = checkActivation(command.activation, 'checkGradient: ')
        const split = this.requireData().split
        const started = performance.now()
        // synchronous: progress events leave the worker while it computes (postMessage does not wait for the loop)
        const onProgress = (done: number, total: number) => this.post({ type: 'gradientProgress', activation, done, total })
        const report = bookDetailedGradientCheck(split, activation, { onProgress })
        const seconds = (performance.now() - started) / 1000
        this.post({ type: 'gradientChecked', activation, ...report, seconds }, PARAM_NAMES.map((key) => report.maps[key].values.buffer as ArrayBuffer))
        return
      }
      case 'sampleTest': {
        const test = this.requireData().split.test
        const index = command.index ?? this.sampleRng.choice(test.count, 1)[0]
        if (!Number.isInteger(index) || index < 0 || index >= test.count) {
          throw new LabInputError(`sampleTest: index must be an integer in [0, ${test.count - 1}], got ${index}`)
        }
        const event = testSample(this.requireModel().backend, test, index, this.trained())
        this.post(event, [event.pixels.buffer as ArrayBuffer])
        return
      }
      case 'inspect': {
        const event = inspection(this.requireModel().backend, this.requireData().split.test, this.trained())
        // the digits' pixels share one buffer (a transfer list must not name a buffer twice)
        this.post(event, [...new Set([event.W1.buffer as ArrayBuffer, ...event.misclassified.map((d) => d.pixels.buffer as ArrayBuffer)])])
        return
      }
      case 'useDefaultData':
        this.requireIdle('use the default data')
        this.data = await this.loadDefaultData()
        this.post({ type: 'datasetLoaded', dataset: this.data.info })
        return
      case 'loadIdx': {
        this.requireIdle('load other data')
        const split = parseIdxFiles(command.files) // throws naming the file; the old data stays
        this.data = { split, info: datasetInfoFor(split, command.source) }
        this.post({ type: 'datasetLoaded', dataset: this.data.info })
        return
      }
      case 'traceStep': {
        const model = this.requireModel()
        const { x, t, indices } = this.stepDigits(parseStepSource(command.source))
        const learningRate = checkNumber('learningRate', command.learningRate, 'traceStep: ')
        const trace = traceStep(model.backend.getParams(), model.settings.activation, x, t, learningRate)
        const settings = { hiddenSize: model.settings.hiddenSize, activation: model.settings.activation, learningRate, source: command.source.kind }
        this.lastStep = { requestId: command.requestId, trace, model, version: this.modelVersion }
        this.post({ type: 'stepTraced', requestId: command.requestId, step: stepJson(trace, settings, indices) })
        return
      }
      case 'applyStep': {
        this.requireIdle('apply a step (Apply trains the network by hand, between runs)')
        const last = this.lastStep
        if (!last || last.requestId !== command.requestId) throw new LabInputError('applyStep: there is no such step to apply; compute the step first')
        if (last.model !== this.model || last.version !== this.modelVersion) throw new LabInputError('the network changed since this step was computed; compute the step again')
        last.model.backend.setParams(last.trace.updated)
        last.model.iterations += 1
        last.model.finalLoss = last.trace.lossAfter
        last.model.accuracy = undefined
        this.modelVersion++
        this.lastStep = undefined
        this.post({ type: 'stepApplied', requestId: command.requestId, lossBefore: last.trace.lossBefore, lossAfter: last.trace.lossAfter, iterations: last.model.iterations })
        return
      }
      case 'evaluateDigits': {
        const digits = parseDigitBatch(command.digits, 'evaluateDigits: digits')
        this.post(evaluateDigits(this.requireModel().backend, digits, command.requestId))
        return
      }
      case 'exportModel': {
        // a paused run can be saved as a checkpoint: its weights after the iterations done so far
        if (this.run && !this.run.paused) throw new LabInputError('pause or stop the run before you save the model')
        const model = this.requireModel()
        const progress = this.run?.progress
        const current = progress ? { ...model, iterations: progress.completed, finalLoss: progress.lastLoss, accuracy: undefined } : model
        this.post({ type: 'model', model: exportModel(current, this.data) })
        return
      }
      case 'importModel': {
        this.requireIdle('load a model')
        const { model, testAccuracy } = await importModel(command.model, command.fileName, this.deps.createBackend, this.data)
        this.model = model
        this.modelVersion++
        this.post({ type: 'modelLoaded', fileName: command.fileName, settings: model.settings, testAccuracy })
        return
      }
      // issue 12: fresh weights (Reset) and the learning rate of a paused run
      case 'resetWeights': {
        this.requireIdle('reset the weights')
        const settings = parseTrainSettings(command.settings, 'resetWeights: ')
        this.model = await this.freshModel(settings)
        this.post({ type: 'weightsReset', settings })
        return
      }
      case 'setLearningRate': {
        const run = this.run
        if (!run?.pauseRequested) throw new LabInputError('pause the run to change its learning rate')
        const learningRate = checkNumber('learningRate', command.learningRate, 'setLearningRate: ')
        run.learningRate = learningRate
        if (this.model) this.model.settings = { ...this.model.settings, learningRate }
        this.post({ type: 'learningRateChanged', learningRate, iteration: run.progress?.completed ?? 0 })
        return
      }
      default: {
        const unknown: never = command
        throw new LabInputError(`unknown command type ${JSON.stringify((unknown as { type?: unknown }).type)}`)
      }
    }
  }

  /** One run from 'started' to 'done' or 'failed'; afterwards the session is idle again whatever happened. */
  private async execute(settings: TrainSettings, data: { split: Split; info: DatasetInfo }, control: RunControl): Promise<void> {
    const yielder = new MacrotaskYielder()
    try {
      const rng = new Random(settings.seed)
      const params = initParams(PIXELS, settings.hiddenSize, CLASSES, settings.weightInitStd, rng) // W1 then W2, as train() expects
      const backend = await this.deps.createBackend(params, settings.activation)
      const model: CurrentModel = { backend, settings, dataset: data.info, iterations: 0, finalLoss: null, accuracy: undefined }
      this.model = model
      const ipe = iterationsPerEpoch(data.split.train.count, settings.batchSize)
      this.post({ type: 'started', settings, dataset: data.info, iterationsPerEpoch: ipe, backend: backend.name })
      const steps = train(backend, data.split, settings, rng, { learningRate: () => control.learningRate })
      try {
        const outcome = await streamRun(steps, (e, t) => this.post(e, t), control, yielder, this.deps.timing ?? DEFAULT_TIMING)
        const summary = outcome.reason === 'completed' ? outcome.summary : stoppedSummary(backend, data.split, settings, ipe, outcome.progress, (e) => this.post(e))
        Object.assign(model, { iterations: summary.iterations, finalLoss: summary.finalLoss, accuracy: { train: summary.trainAccuracy, test: summary.testAccuracy } })
        // the final weights travel with the run, to be kept beside it (#12 item 4); none when no iteration ran
        const weights = summary.iterations > 0 ? exportModel(model, data) : undefined
        this.post({ type: 'done', reason: outcome.reason, summary, ...(weights ? { model: weights } : {}) })
      } catch (error) {
        if (!(error instanceof TrainingDivergedError)) throw error
        Object.assign(model, { iterations: error.iteration, finalLoss: null })
        this.post({ type: 'failed', reason: error.message, iteration: error.iteration })
      }
    } catch (error) {
      const iteration = control.progress?.completed // the iteration under way when it threw
      const where = iteration === undefined ? '' : ` at iteration ${iteration}`
      this.post({ type: 'failed', reason: `training stopped by an unexpected error${where}: ${messageOf(error)}`, iteration })
    } finally {
      yielder.close()
      this.run = undefined
      this.modelVersion++ // a step traced before or during the run no longer matches the weights
    }
  }

  /** The digits of a stepped iteration as float64 rows and labels, and which training digits they are. */
  private stepDigits(source: StepSource): { x: Matrix; t: Uint8Array; indices: number[] } {
    if (source.kind === 'pixels') return { x: new Matrix(1, PIXELS, Float64Array.from(source.pixels)), t: Uint8Array.of(source.label), indices: [] }
    const split = this.requireData().split
    if (source.kind === 'test') {
      if (source.index >= split.test.count) throw new LabInputError(`traceStep: test digit ${source.index} does not exist; the test set has ${split.test.count}`)
      return { x: gatherImages(split.test, [source.index]), t: gatherLabels(split.test, [source.index]), indices: [source.index] }
    }
    const indices = this.stepRng.choice(split.train.count, source.batchSize)
    return { x: gatherImages(split.train, indices), t: gatherLabels(split.train, indices), indices: Array.from(indices) }
  }

  private requireData(): { split: Split; info: DatasetInfo } {
    if (!this.data) throw new LabInputError('no data is loaded: use the default digits or open MNIST IDX files')
    return this.data
  }

  private requireModel(): CurrentModel {
    if (!this.model) throw new LabInputError('the network is not ready')
    return this.model
  }

  private requireIdle(what: string): void {
    if (this.run) throw new LabInputError(`stop the run in progress before you ${what}`)
  }
}

/** The data with the user's own digits appended to the training set (when given), and named so in the run. */
function withMyDigits(data: { split: Split; info: DatasetInfo }, extra: unknown): { split: Split; info: DatasetInfo } {
  if (extra === undefined) return data
  const digits = parseDigitBatch(extra, 'start: extraTrain')
  const train = withExtraDigits(data.split.train, digits)
  const name = `${data.info.name} + ${digits.count.toLocaleString('en-US')} of my digits`
  return { split: { train, test: data.split.test }, info: { ...data.info, name, trainSize: train.count, myDigits: digits.count } }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
