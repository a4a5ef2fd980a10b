// What a reloaded window must be told to show the lab as it is (issue 11 #9): main keeps the events that
// make the renderer's state, and replays them, in an order the renderer's store accepts, to a page that
// announces itself again after a reload (Ctrl+R) or a renderer crash. Pure: no electron, no node:*.
import type { LabEvent } from '../src-worker/protocol'
import { LossLog } from '../src-worker/session/loss-log'

type Of<T extends LabEvent['type']> = Extract<LabEvent, { type: T }>

interface RunLog {
  started: Of<'started'>
  /** every loss so far, index = iteration (one progress event on replay); shared with the recorder when given */
  losses: LossLog
  /** whether this replay fills `losses` itself (no shared owner) */
  ownsLosses: boolean
  epochs: Of<'epoch'>[]
  paused: Of<'paused'> | undefined
  learningRate: Of<'learningRateChanged'> | undefined
  end: Of<'done'> | Of<'failed'> | undefined
}

/**
 * The state-making events seen so far: the worker's 'ready' and the data it trains on, the current (or
 * last) run from 'started' to its end, what replaced the weights since, and a worker failure between runs.
 * Answers to requests (predictions, inspections, steps) and refusals belong to the page that asked, so they
 * are not kept. A run's losses are read from the host's one owner of them (the run recorder's LossLog) when
 * one is given; otherwise this keeps its own (4 MB for a 1,000,000-iteration run, as float32).
 */
export class RendererReplay {
  private ready: Of<'ready'> | undefined
  private dataset: Of<'datasetLoaded'> | undefined
  private run: RunLog | undefined
  private weights: (Of<'modelLoaded'> | Of<'weightsReset'>) | undefined
  private failure: Of<'failed'> | undefined

  /** shared: the current run's losses, kept by their owner (called on 'started', after the owner saw it) */
  constructor(private readonly shared?: () => LossLog | undefined) {}

  observe(event: LabEvent): void {
    /** the run still going, which the run's own events extend */
    const open = this.run && !this.run.end ? this.run : undefined
    switch (event.type) {
      case 'ready':
        this.ready = event
        this.dataset = undefined
        this.failure = undefined
        break
      case 'datasetLoaded':
        this.dataset = event
        break
      case 'started':
        {
          const shared = this.shared?.()
          const losses = shared ?? new LossLog(event.settings.iterations)
          this.run = { started: event, losses, ownsLosses: !shared, epochs: [], paused: undefined, learningRate: undefined, end: undefined }
        }
        this.weights = undefined
        this.failure = undefined
        break
      case 'progress':
        if (open?.ownsLosses) open.losses.set(event.firstIteration, event.losses)
        break
      case 'epoch':
        open?.epochs.push(event)
        break
      case 'paused':
        if (open) open.paused = event
        break
      case 'resumed':
        if (open) open.paused = undefined
        break
      case 'learningRateChanged':
        if (open) open.learningRate = event
        break
      case 'done':
        if (open) open.end = event
        break
      case 'failed':
        // a run going ends with it; between runs it is news of the worker, shown until a new one is ready
        if (open) open.end = event
        else this.failure = event
        break
      case 'modelLoaded':
      case 'weightsReset':
        this.weights = event
        break
      default:
        break
    }
  }

  /** The events to send a page that just (re)announced itself, in the order they must arrive. */
  events(): LabEvent[] {
    const out: LabEvent[] = []
    if (this.ready) out.push(this.ready)
    if (this.dataset) out.push(this.dataset)
    const run = this.run
    if (run) {
      out.push(run.started)
      if (run.losses.count > 0) out.push({ type: 'progress', firstIteration: 0, losses: run.losses.view().slice() })
      out.push(...run.epochs)
      if (run.learningRate) out.push(run.learningRate)
      if (run.paused && !run.end) out.push(run.paused)
      if (run.end) out.push(run.end)
    }
    if (this.weights) out.push(this.weights)
    if (this.failure) out.push(this.failure)
    return out
  }
}
