// The training dashboard's external store (React's useSyncExternalStore). It owns the chart series, so
// Chart.js reads the store's own arrays and React never re-renders per point (STYLE.md §E): events only
// append; one requestAnimationFrame per frame updates the charts in place and publishes a new snapshot
// for React only when the status line changed.
import type { DatasetInfo, LabEvent, RunSummary, TrainSettings, WorkerCommand } from '../../src-worker/protocol'
import { LossSeries, Throughput, type XY } from './series'

export type TrainState = 'idle' | 'running' | 'paused' | 'finished' | 'failed'

/** What the status line, progress bar and accuracy readouts show. Replaced, never mutated. */
export interface TrainView {
  state: TrainState
  /** iterations done in the current run */
  iteration: number
  totalIterations: number
  itPerSecond: number | null
  etaSeconds: number | null
  epoch: number | null
  iterationsPerEpoch: number | null
  lastLoss: number | null
  trainAccuracy: number | null
  testAccuracy: number | null
  dataset: DatasetInfo | null
  /** the lab has no data because loading it failed (not loading any more): the Data section says so */
  datasetFailed: boolean
  backend: string | null
  settings: TrainSettings | null
  summary: RunSummary | null
  doneReason: 'completed' | 'stopped' | null
  /** what the status area says: a failure, a refusal, a success; worded in the renderer (i18n/worker-messages) */
  notice: Notice | null
  /** the learning rate the run uses now (changes while paused); null outside a run */
  learningRate: number | null
}

/** A status message as codes and parameters; errors show as alerts, successes and notes as status. */
export type Notice =
  | { kind: 'error'; code: 'failed'; reason: string; iteration?: number }
  | { kind: 'error'; code: 'rejected'; command: WorkerCommand['type']; message: string }
  | { kind: 'success'; code: 'modelLoaded'; fileName: string; testAccuracy: number }
  | { kind: 'success'; code: 'modelSaved'; where: string }
  | { kind: 'success'; code: 'weightsReset' }
  | { kind: 'success'; code: 'learningRateChanged'; learningRate: number; iteration: number }

/** Refusals other panes show where they were asked for (Predict, Inspect, Gradient check). */
const SHOWN_ELSEWHERE: ReadonlySet<WorkerCommand['type']> = new Set(['predict', 'sampleTest', 'inspect', 'checkGradient', 'traceStep', 'applyStep', 'evaluateDigits'])


const INITIAL: TrainView = {
  state: 'idle', iteration: 0, totalIterations: 0, itPerSecond: null, etaSeconds: null, epoch: null,
  iterationsPerEpoch: null, lastLoss: null, trainAccuracy: null, testAccuracy: null, dataset: null,
  datasetFailed: false, backend: null, settings: null, summary: null, doneReason: null, notice: null, learningRate: null,
}

export class TrainingStore {
  readonly loss = new LossSeries(50)
  /** x = epoch, y = accuracy in [0, 1] (5.7.4's train_acc_list / test_acc_list) */
  readonly trainAccuracy: XY[] = []
  readonly testAccuracy: XY[] = []

  private view: TrainView = INITIAL
  private draft: TrainView = INITIAL
  private readonly listeners = new Set<() => void>()
  /** each chart's redraw with the size of its series when it last ran */
  private readonly charts = new Map<() => void, { size: () => number; drawn: number }>()
  private readonly throughput = new Throughput()
  /**
   * The notice a successful data load makes stale: the lab's failure to start without data (the default
   * asset answered HTTP 503), or a refused data load. A crash report is never one: the replacement worker's
   * ready and the data given back to it must not hide it.
   */
  private staleOnData: Notice | null = null
  private framePending = false
  private chartsDirty = false

  /** requestFrame: the browser's requestAnimationFrame (injected, so this module stays free of the DOM) */
  constructor(private readonly requestFrame: (callback: () => void) => unknown) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): TrainView => this.view

  /** The current run's length, already known in the frame that draws its first points (for the charts' x range). */
  get plannedRun(): { iterations: number; epochs: number | null } {
    const { totalIterations, iterationsPerEpoch } = this.draft
    return { iterations: totalIterations, epochs: iterationsPerEpoch ? totalIterations / iterationsPerEpoch : null }
  }

  /**
   * Registers a chart's redraw (its update('none')) to run in the store's frame when `size` (the number of
   * points it shows) changed since its last redraw; returns the detach function. The first redraw is now, in
   * the caller's task (the chart's creation), so two charts made at once are not both drawn in one frame.
   */
  attachChart(redraw: () => void, size: () => number): () => void {
    this.charts.set(redraw, { size, drawn: size() })
    redraw()
    return () => this.charts.delete(redraw)
  }

  /** Feeds one lab event. Cheap: appends and marks; the work happens once per animation frame. */
  readonly handle = (event: LabEvent): void => {
    switch (event.type) {
      case 'ready':
      case 'datasetLoaded': {
        const stale = this.draft.notice !== null && this.draft.notice === this.staleOnData
        this.staleOnData = null
        this.set({ dataset: event.dataset, datasetFailed: false, ...('backend' in event ? { backend: event.backend } : {}), ...(stale ? { notice: null } : {}) })
        break
      }
      case 'started':
        this.clearSeries()
        this.set({
          ...INITIAL, state: 'running', totalIterations: event.settings.iterations, settings: event.settings,
          dataset: event.dataset, backend: event.backend, iterationsPerEpoch: event.iterationsPerEpoch,
          learningRate: event.settings.learningRate,
        })
        this.throughput.sample(0, performance.now())
        break
      case 'progress': {
        if (this.loss.append(event.firstIteration, event.losses) === 0) break
        const done = this.loss.nextIteration
        this.throughput.sample(done, performance.now())
        this.chartsDirty = true
        this.set({ iteration: done, lastLoss: event.losses[event.losses.length - 1] ?? null })
        break
      }
      case 'epoch':
        this.trainAccuracy.push({ x: event.epoch, y: event.trainAccuracy })
        this.testAccuracy.push({ x: event.epoch, y: event.testAccuracy })
        this.chartsDirty = true
        this.set({ epoch: event.epoch, trainAccuracy: event.trainAccuracy, testAccuracy: event.testAccuracy })
        break
      case 'paused':
        this.set({ state: 'paused' })
        break
      case 'resumed':
        this.throughput.reset()
        this.throughput.sample(event.iteration, performance.now())
        this.set({ state: 'running' })
        break
      case 'done':
        this.set({
          state: 'finished', doneReason: event.reason, summary: event.summary, iteration: this.loss.nextIteration,
          trainAccuracy: event.summary.trainAccuracy, testAccuracy: event.summary.testAccuracy, etaSeconds: null,
        })
        break
      case 'failed': {
        const notice: Notice = event.iteration === undefined ? { kind: 'error', code: 'failed', reason: event.reason } : { kind: 'error', code: 'failed', reason: event.reason, iteration: event.iteration }
        // A run going ends here. Between runs it is the worker that failed: the last run's status still stands.
        const ongoing = this.draft.state === 'running' || this.draft.state === 'paused'
        const withoutData = !ongoing && this.draft.dataset === null // the lab could not start: its data did not load
        this.staleOnData = withoutData ? notice : null
        this.set(ongoing ? { state: 'failed', notice } : { notice, ...(withoutData ? { datasetFailed: true } : {}) })
        break
      }
      case 'rejected': {
        if (SHOWN_ELSEWHERE.has(event.command)) break
        const notice: Notice = { kind: 'error', code: 'rejected', command: event.command, message: event.message }
        this.staleOnData = event.command === 'useDefaultData' || event.command === 'loadIdx' ? notice : null
        this.set({ notice })
        break
      }
      case 'modelLoaded':
        this.set({ notice: { kind: 'success', code: 'modelLoaded', fileName: event.fileName, testAccuracy: event.testAccuracy }, settings: event.settings })
        break
      case 'weightsReset':
        this.set({ notice: { kind: 'success', code: 'weightsReset' } })
        break
      case 'learningRateChanged':
        this.set({ learningRate: event.learningRate, notice: { kind: 'success', code: 'learningRateChanged', learningRate: event.learningRate, iteration: event.iteration } })
        break
      case 'prediction':
      case 'gradientChecked':
      case 'gradientProgress':
      case 'testSample':
      case 'inspection':
      case 'model':
      case 'digitsEvaluated':
      case 'stepTraced':
      case 'stepApplied': // the Step pane words it
        break
      default:
        event satisfies never
    }
  }

  /** Back to idle with empty charts (the Reset button; the weights are reset by the worker's resetWeights). */
  reset(): void {
    this.clearSeries()
    this.set({ ...INITIAL, dataset: this.draft.dataset, datasetFailed: this.draft.datasetFailed, backend: this.draft.backend })
  }

  /** Shows a notice in the status area, e.g. where a model was saved; it replaces any older one. */
  notify(notice: Notice): void {
    this.staleOnData = null
    this.set({ notice })
  }

  private clearSeries(): void {
    for (const chart of this.charts.values()) chart.drawn = -1
    this.loss.clear()
    this.trainAccuracy.length = 0
    this.testAccuracy.length = 0
    this.throughput.reset()
    this.chartsDirty = true
  }

  private set(patch: Partial<TrainView>): void {
    this.draft = { ...this.draft, ...patch }
    this.schedule()
  }

  private schedule(): void {
    if (this.framePending) return
    this.framePending = true
    this.requestFrame(this.flush)
  }

  private readonly flush = (): void => {
    this.framePending = false
    if (this.chartsDirty) {
      this.chartsDirty = false
      for (const [redraw, chart] of this.charts) {
        const size = chart.size()
        if (size === chart.drawn) continue
        chart.drawn = size
        redraw()
      }
    }
    const running = this.draft.state === 'running'
    const rate = running ? this.throughput.perSecond : this.draft.itPerSecond
    const remaining = this.draft.totalIterations - this.draft.iteration
    const next: TrainView = {
      ...this.draft,
      itPerSecond: rate === null ? null : Math.round(rate),
      etaSeconds: running ? roundEta(this.throughput.etaSeconds(remaining)) : this.draft.state === 'paused' ? this.view.etaSeconds : null,
    }
    this.draft = next
    if (!sameView(next, this.view)) {
      this.view = next
      for (const listener of this.listeners) listener()
    }
  }
}

function roundEta(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds)
}

function sameView(a: TrainView, b: TrainView): boolean {
  for (const key of Object.keys(a) as (keyof TrainView)[]) if (a[key] !== b[key]) return false
  return true
}
