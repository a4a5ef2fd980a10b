// Streaming one training run (STYLE.md §E): train() runs in slices; losses go out in Float32Array chunks,
// flushed on time (~80 ms) and at epoch boundaries; between slices the worker yields so that pause, stop
// and predict are handled between two iterations. The math never sees a message.
import type { TrainingBackend } from '../net/backend'
import type { Split } from '../data/digits'
import type { LabEvent, RunSummary, TrainSettings } from '../protocol'
import type { MacrotaskYielder } from './port'
import type { TrainStep } from '../net/train'

export interface StreamTiming {
  /** longest stretch of training between two yields to the event loop; ms */
  sliceMs: number
  /** longest time a loss waits before it is posted; ms (bounds progress messages to ~1000/flushMs per second) */
  flushMs: number
}
export const DEFAULT_TIMING: StreamTiming = { sliceMs: 8, flushMs: 80 }

/** Pause, resume and stop requests for the run in progress, set by the session's command handlers. */
export class RunControl {
  pauseRequested = false
  resumeRequested = false
  stopRequested = false
  /** the step size of the next iteration; the session changes it while the run is paused */
  learningRate = Number.NaN
  /** true while the loop sits in a pause */
  paused = false
  /** how far the run got, kept up to date by streamRun (so a failure can say where) */
  progress: RunProgress | undefined
  private wake: (() => void) | undefined

  requestPause(): void {
    this.pauseRequested = true
    this.resumeRequested = false
  }
  requestResume(): void {
    this.resumeRequested = true
    this.wake?.()
  }
  requestStop(): void {
    this.stopRequested = true
    this.wake?.()
  }
  /** resolves on resume or stop */
  waitForWake(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve))
  }
}

/** How far a run got: what the summary of a stopped run is built from. */
export interface RunProgress {
  /** iterations completed */
  completed: number
  /** loss of the last completed iteration */
  lastLoss: number
  /** time inside train() for the steps alone, and in all; ms */
  stepMs: number
  activeMs: number
  /** the last evaluation posted */
  lastEpoch: Extract<TrainStep, { type: 'epoch' }> | undefined
}

export type RunOutcome = { reason: 'completed'; summary: RunSummary } | { reason: 'stopped'; progress: RunProgress }

const CHUNK = 1024

/** Collects consecutive losses; flush posts them as one 'progress' event, transferring the buffer. */
class LossChunk {
  private losses = new Float32Array(CHUNK)
  private length = 0
  private first = 0

  constructor(private readonly post: (event: LabEvent, transfer?: ArrayBuffer[]) => void) {}

  push(iteration: number, loss: number): void {
    if (this.length > 0 && iteration !== this.first + this.length) this.flush()
    if (this.length === 0) this.first = iteration
    this.losses[this.length++] = loss
    if (this.length === CHUNK) this.flush()
  }

  flush(): void {
    if (this.length === 0) return
    const { losses, length, first } = this
    this.losses = new Float32Array(CHUNK)
    this.length = 0
    this.post({ type: 'progress', firstIteration: first, losses: losses.subarray(0, length) }, [losses.buffer])
  }
}

/**
 * Runs the steps to the end or until stopped, posting progress, epoch, paused and resumed events.
 * A throw from train() (divergence, a failing backend) propagates after the pending losses are posted.
 */
export async function streamRun(
  steps: Generator<TrainStep, RunSummary>,
  post: (event: LabEvent, transfer?: ArrayBuffer[]) => void,
  control: RunControl,
  yielder: MacrotaskYielder,
  timing: StreamTiming = DEFAULT_TIMING,
): Promise<RunOutcome> {
  const now = () => performance.now()
  const chunk = new LossChunk(post)
  const progress: RunProgress = { completed: 0, lastLoss: NaN, stepMs: 0, activeMs: 0, lastEpoch: undefined }
  control.progress = progress
  let lastFlush = now()
  try {
    for (;;) {
      const sliceStart = now()
      do {
        const t0 = now()
        const result = steps.next()
        const ms = now() - t0
        progress.activeMs += ms
        if (result.done) return { reason: 'completed', summary: result.value }
        const step = result.value
        if (step.type === 'iteration') {
          progress.stepMs += ms
          progress.completed = step.iteration + 1
          progress.lastLoss = step.loss
          chunk.push(step.iteration, step.loss)
        } else {
          chunk.flush() // epoch boundary: the curve is complete up to the evaluated iteration
          lastFlush = now()
          progress.lastEpoch = step
          post({ ...step })
        }
      } while (now() - sliceStart < timing.sliceMs)
      if (now() - lastFlush >= timing.flushMs) {
        chunk.flush()
        lastFlush = now()
      }
      await yielder.next() // stop, pause and predict are handled here, between two iterations
      if (control.pauseRequested && !control.stopRequested) await pause(control, chunk, post, progress.completed)
      if (control.stopRequested) return { reason: 'stopped', progress }
    }
  } finally {
    chunk.flush()
  }
}

async function pause(control: RunControl, chunk: LossChunk, post: (event: LabEvent) => void, iteration: number): Promise<void> {
  chunk.flush()
  control.paused = true
  post({ type: 'paused', iteration })
  while (!control.resumeRequested && !control.stopRequested) await control.waitForWake()
  control.paused = false
  control.pauseRequested = false
  control.resumeRequested = false
  if (!control.stopRequested) post({ type: 'resumed', iteration })
}

/** A stopped run's summary; evaluates the current weights (posting that epoch) unless the last epoch already did. */
export function stoppedSummary(backend: TrainingBackend, split: Split, settings: TrainSettings, ipe: number, progress: RunProgress, post: (event: LabEvent) => void): RunSummary {
  const started = performance.now()
  let last = progress.lastEpoch
  if (!last || last.iteration !== progress.completed - 1) {
    const iteration = progress.completed - 1
    last = { type: 'epoch', epoch: iteration / ipe, iteration, trainAccuracy: backend.accuracy(split.train), testAccuracy: backend.accuracy(split.test) }
    post({ ...last })
  }
  const evaluationMs = performance.now() - started
  return {
    iterations: progress.completed,
    seed: settings.seed,
    finalLoss: progress.lastLoss,
    trainAccuracy: last.trainAccuracy,
    testAccuracy: last.testAccuracy,
    msPerIteration: progress.completed > 0 ? progress.stepMs / progress.completed : 0,
    totalSeconds: (progress.activeMs + evaluationMs) / 1000,
  }
}
