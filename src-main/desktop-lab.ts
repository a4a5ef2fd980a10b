// The main process's training services, wired without Electron: the worker host, and the run history
// that records every finished run from the same event stream the renderer gets.
import type { LabEvent } from '../src-worker/protocol'
import { RunRecorder } from '../src-worker/session/run-record'
import { RunHistory, type RunHistoryOptions } from './run-history'
import { TrainingHost, type WorkerLike } from './training-host'

export interface DesktopLabOptions {
  createWorker: () => WorkerLike
  /** delivers an event to the window (after the ready handshake) */
  send: (event: LabEvent) => void
  /** <userData>/runs in the app */
  historyFolder: string
  /** how the history writes its files (tests inject a failing writer) */
  historyOptions?: RunHistoryOptions
  log?: (message: string) => void
  /** after a finished run was written (problem null) or could not be and is held in memory (problem says why) */
  onRunKept?: (problem: string | null) => void
}

/**
 * Builds the host and the history; each 'done' run is saved as a summary and a losses file, and that 'done'
 * reaches the window only once they are written (or the run is held as unkept), so a renderer that lists
 * runs on 'done' sees it. The recorder owns the run's losses (one growable Float32Array, loss-log.ts); the
 * host's replay for a reloaded window reads the same buffer.
 */
export function createDesktopLab(options: DesktopLabOptions): { host: TrainingHost; history: RunHistory } {
  const log = options.log ?? ((message: string) => console.warn(message))
  const history = new RunHistory(options.historyFolder, options.historyOptions)
  const recorder = new RunRecorder()
  const saving = new Map<LabEvent, Promise<void>>()
  let delivered: Promise<void> = Promise.resolve()
  const host = new TrainingHost({
    createWorker: options.createWorker,
    // Events keep their order: each waits for the one before, and a 'done' for its run's file.
    send: (event) => {
      const saved = saving.get(event)
      saving.delete(event)
      delivered = delivered
        .then(() => saved)
        .then(() => options.send(event))
        .catch((error: Error) => log(`could not deliver a ${event.type} event to the window: ${error.message}`))
    },
    observe: (event) => {
      const record = recorder.consume(event)
      if (!record) return
      const save = history.keep(record).then((problem) => {
        if (problem) log(problem)
        options.onRunKept?.(problem)
      })
      saving.set(event, save)
    },
    runLosses: () => recorder.losses,
    log,
  })
  return { host, history }
}
