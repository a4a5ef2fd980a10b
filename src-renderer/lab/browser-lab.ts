// The browser edition's LabApi: the same engine in a Web Worker, speaking WorkerCommand / LabEvent.
// Files come from <input type=file>, saves are downloads, run history lives in localStorage. A crashed worker
// is replaced at once and given back the IDX data it had accepted (data-restore.ts, as main's host does).
import { commandMethods } from '../../src-worker/session/command-methods'
import { DataRestore } from '../../src-worker/session/data-restore'
import type { LabApi, LabEvent, WorkerCommand } from '../../src-worker/protocol'
import { RunRecorder, runToCsv } from '../../src-worker/session/run-record'
import { downloadText, pickFiles, readIdxFiles } from './browser-files'
import { loadRuns, saveRun } from './browser-runs'
import { BrowserMyDigits } from './browser-my-digits'

type Listener = (event: LabEvent) => void

/** Starts the engine worker and wraps it as a LabApi. Events before the first subscriber are kept for it. */
export function createBrowserLab(): LabApi {
  const listeners = new Set<Listener>()
  /** the lab's own waiters (saveModel); they never consume the backlog */
  const waiters = new Set<Listener>()
  let backlog: LabEvent[] | null = []
  const recorder = new RunRecorder()
  const data = new DataRestore()
  const myDigits = new BrowserMyDigits()

  const emit = (event: LabEvent): void => {
    const record = recorder.consume(event)
    if (record) {
      const warning = saveRun(record, localStorage)
      if (warning) console.warn(warning)
    }
    for (const waiter of waiters) waiter(event)
    if (backlog) backlog.push(event)
    else for (const listener of listeners) listener(event)
  }

  let worker: Worker | null = spawn()
  function spawn(): Worker {
    const w = new Worker(new URL('../../src-worker/session/entry-web.ts', import.meta.url), { type: 'module', name: 'backprop-lab-engine' })
    let started = false // it said 'ready': a crash after that is worth a fresh worker, one before it would recur
    w.addEventListener('message', (e: MessageEvent<LabEvent>) => {
      if (e.data.type === 'ready') started = true
      data.observe(e.data)
      emit(e.data)
    })
    w.addEventListener('messageerror', () => emit({ type: 'failed', reason: 'a message from the training worker could not be read' }))
    w.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault()
      w.terminate()
      if (!started) {
        worker = null
        emit({ type: 'failed', reason: `the training worker could not start (${e.message || 'no details'}); reload the page to try again` })
        return
      }
      emit({ type: 'failed', reason: data.crashReason(`the training worker crashed (${e.message || 'no details'}); a fresh one was started`, 'into it') })
      worker = spawn()
      const restore = data.restoreCommand
      if (restore) send(restore, [], true)
    })
    return w
  }

  /** restore: the lab's own re-send of IDX data after a crash */
  const send = (command: WorkerCommand, transfer: Transferable[] = [], restore = false): void => {
    if (!worker) return refuse(command.type, new Error('the training worker could not start; reload the page to try again'))
    worker.postMessage(command, transfer)
    data.sent(command, restore)
  }
  const refuse = (command: WorkerCommand['type'], error: unknown): void =>
    emit({ type: 'rejected', command, message: error instanceof Error ? error.message : String(error) })

  return {
    edition: 'browser',
    ...commandMethods(send),

    async openIdxData() {
      const files = await pickFiles('', true)
      if (files.length === 0) return
      try {
        // copied, not transferred: the lab keeps the bytes to give them back to a worker that replaces a crashed one
        send({ type: 'loadIdx', files: await readIdxFiles(files) })
      } catch (error) {
        refuse('loadIdx', error)
      }
    },

    saveModel() {
      return new Promise<string | null>((resolve) => {
        const waiter: Listener = (event) => {
          if (event.type === 'model') {
            waiters.delete(waiter)
            const stamp = new Date().toISOString().replace(/[:.]/g, '-')
            resolve(downloadText(`backprop-lab-model-${stamp}.json`, JSON.stringify(event.model), 'application/json'))
          } else if (event.type === 'rejected' && event.command === 'exportModel') {
            waiters.delete(waiter)
            resolve(null)
          }
        }
        waiters.add(waiter)
        send({ type: 'exportModel' })
      })
    },

    async loadModel() {
      const [file] = await pickFiles('.json,application/json', false)
      if (!file) return
      try {
        const model: unknown = JSON.parse(await file.text())
        send({ type: 'importModel', model, fileName: file.name })
      } catch (error) {
        refuse('importModel', new Error(`${file.name} is not a JSON model file: ${(error as Error).message}`))
      }
    },

    listRuns: async () => loadRuns(localStorage),

    async exportRunCsv(runId) {
      const record = loadRuns(localStorage).runs.find((run) => run.id === runId)
      if (!record) throw new Error(`run ${runId} is not in this browser's history`)
      return downloadText(`${runId}.csv`, runToCsv(record), 'text/csv')
    },

    listMyDigits: () => myDigits.list(),
    saveMyDigits: (digits) => myDigits.save(digits),

    onEvent(listener) {
      listeners.add(listener)
      if (backlog) {
        const pending = backlog
        backlog = null
        for (const event of pending) listener(event)
      }
      return () => listeners.delete(listener)
    },
  }
}
