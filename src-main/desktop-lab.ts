// The main process's training services, wired without Electron: the worker host, and the run history
// that records every finished run from the same event stream the renderer gets.
import type { LabEvent } from '../src-worker/protocol'
import { RunRecorder } from '../src-worker/session/run-record'
import { RunHistory } from './run-history'
import { TrainingHost, type WorkerLike } from './training-host'

export interface DesktopLabOptions {
  createWorker: () => WorkerLike
  /** delivers an event to the window (after the ready handshake) */
  send: (event: LabEvent) => void
  /** <userData>/runs in the app */
  historyFolder: string
  log?: (message: string) => void
  /** called after a finished run was written (or failed to be) */
  onRunSaved?: (result: { path: string } | { error: Error }) => void
}

/**
 * Builds the host and the history; each 'done' run is saved as one JSON file, atomically, and that 'done'
 * reaches the window only once the file is written, so a renderer that lists runs on 'done' sees it.
 */
export function createDesktopLab(options: DesktopLabOptions): { host: TrainingHost; history: RunHistory } {
  const log = options.log ?? ((message: string) => console.warn(message))
  const history = new RunHistory(options.historyFolder)
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
      const save = history.save(record).then(
        (path) => options.onRunSaved?.({ path }),
        (error: Error) => {
          log(`could not save run ${record.id} to the history: ${error.message}`)
          options.onRunSaved?.({ error })
        },
      )
      saving.set(event, save)
    },
    log,
  })
  return { host, history }
}
