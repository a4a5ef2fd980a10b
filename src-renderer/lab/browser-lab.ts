// The browser edition's LabApi: the same engine in a Web Worker, speaking WorkerCommand / LabEvent.
// Files come from <input type=file>, saves are downloads, run history lives in localStorage. A crashed worker
// is replaced at once and given back the IDX data it had accepted (data-restore.ts, as main's host does).
// A worker that goes silent (it closed itself, or hangs) is caught by the heartbeat of worker-watch.ts, as in
// main's host. Either way the run ends as 'failed' with a plain reason, the recorder keeps it in the history as
// stopped at the iteration it reached, and a fresh worker takes over, as after a crash.
import { commandMethods } from '../../src-worker/session/command-methods'
import { DataRestore } from '../../src-worker/session/data-restore'
import type { LabApi, LabEvent, RunRecord, WorkerCommand } from '../../src-worker/protocol'
import { RunRecorder, runToCsv, runToJson } from '../../src-worker/session/run-record'
import { HEARTBEAT_MS, REPLY_MS, WorkerWatch } from '../../src-worker/session/worker-watch'
import { downloadText, pickFiles, readIdxFiles, readModelJson } from './browser-files'
import { BrowserRunHistory } from './browser-runs'
import { BrowserMyDigits } from './browser-my-digits'

export interface BrowserLabOptions {
  heartbeatMs?: number
  replyMs?: number
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-')
}

type Listener = (event: LabEvent) => void

/** Starts the engine worker and wraps it as a LabApi. Events before the first subscriber are kept for it. */
export function createBrowserLab(options: BrowserLabOptions = {}): LabApi {
  // ?e2e[=heartbeat ms] in the address: the end-to-end tests' hooks (a short heartbeat, a way to silence the worker)
  const e2e = new URLSearchParams(globalThis.location?.search ?? '').get('e2e')
  const heartbeatMs = options.heartbeatMs ?? (e2e && Number(e2e) > 0 ? Number(e2e) : HEARTBEAT_MS)
  const replyMs = options.replyMs ?? (e2e && Number(e2e) > 0 ? Number(e2e) : REPLY_MS)
  const listeners = new Set<Listener>()
  /** the lab's own waiters (saveModel); they never consume the backlog */
  const waiters = new Set<Listener>()
  let backlog: LabEvent[] | null = []
  const recorder = new RunRecorder()
  const data = new DataRestore()
  const myDigits = new BrowserMyDigits()
  const history = new BrowserRunHistory({ indexedDB: () => globalThis.indexedDB, legacy: () => globalThis.localStorage })
  const historyListeners = new Set<(problem: string | null) => void>()
  const historyChanged = (problem: string | null): void => {
    for (const listener of historyListeners) listener(problem)
  }
  const keep = (record: RunRecord): void => {
    history.save(record).then(historyChanged, (error: unknown) => historyChanged(`run ${record.id} was not kept: ${String(error)}`))
  }

  const watch = new WorkerWatch(heartbeatMs, replyMs, Date.now())

  const emit = (event: LabEvent): void => {
    watch.heard(event, Date.now())
    const record = recorder.consume(event)
    if (record) keep(record)
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
      replace(w, `the training worker crashed (${e.message || 'no details'}); a fresh one was started`)
    })
    return w
  }

  /** Retires a worker that crashed or went silent: the run going is kept as stopped; a fresh worker takes over. */
  const replace = (old: Worker, why: string): void => {
    old.terminate()
    if (worker !== old) return
    const iteration = recorder.iterationsSoFar
    emit({ type: 'failed', reason: data.crashReason(why, 'into it'), ...(iteration === undefined ? {} : { iteration }) })
    worker = spawn()
    watch.reset(Date.now())
    const restore = data.restoreCommand
    if (restore) send(restore, [], true)
  }

  setInterval(() => {
    const why = worker ? watch.overdue(Date.now()) : null
    if (worker && why) replace(worker, `${why}; the run was kept as stopped and a fresh worker was started`)
  }, watch.checkEveryMs)

  if (e2e !== null) {
    Object.assign(globalThis, {
      __backpropLabTest: {
        /** the worker stops answering without an error event, as one that closed itself */
        silenceWorker: () => worker?.terminate(),
        /** the page's own storage API: stores a run as a finished one would be */
        saveRun: async (record: RunRecord) => {
          const problem = await history.save(record)
          historyChanged(problem)
          return problem
        },
      },
    })
  }

  /** restore: the lab's own re-send of IDX data after a crash */
  const send = (command: WorkerCommand, transfer: Transferable[] = [], restore = false): void => {
    if (!worker) return refuse(command.type, new Error('the training worker could not start; reload the page to try again'))
    worker.postMessage(command, transfer)
    data.sent(command, restore)
    watch.sent(command.type, Date.now())
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
            resolve(downloadText(`backprop-lab-model-${stamp()}.json`, JSON.stringify(event.model), 'application/json'))
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
        send({ type: 'importModel', model: await readModelJson(file), fileName: file.name })
      } catch (error) {
        refuse('importModel', error)
      }
    },

    listRuns: () => history.list(),
    runLosses: (runId) => history.losses(runId),

    async exportRunCsv(runId) {
      return downloadText(`${runId}.csv`, runToCsv(await history.record(runId)), 'text/csv')
    },
    async exportRunJson(runId) {
      return downloadText(`${runId}.json`, runToJson(await history.record(runId)), 'application/json')
    },
    async exportAllRuns() {
      const { runs } = await history.list()
      // each run as text before the next is read: one run's losses in memory at a time
      const parts: string[] = []
      for (const run of runs) parts.push(runToJson(await history.record(run.id)))
      return downloadText(`backprop-lab-runs-${stamp()}.json`, `{"format":"backprop-lab-runs","runs":[${parts.join(',')}]}`, 'application/json')
    },
    async deleteRun(runId) {
      await history.remove(runId)
      historyChanged(null)
    },
    async labelRun(runId, label) {
      await history.label(runId, label)
      historyChanged(null)
    },
    async useRunModel(runId) {
      send({ type: 'importModel', model: await history.model(runId), fileName: `run ${runId}` })
    },
    async clearRuns() {
      await history.clear()
      historyChanged(null)
    },
    onHistoryChange(listener) {
      historyListeners.add(listener)
      return () => historyListeners.delete(listener)
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
