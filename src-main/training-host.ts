// Hosts the training worker thread for the main process (STYLE.md §E): spawns it, relays commands in and
// events out, turns crashes into a plain 'failed' event, and holds events until the renderer listens.
// After a crash the next command respawns the worker; if the user had loaded IDX data that the worker accepted,
// the host sends it to the new worker first (data-restore.ts), so the lab does not silently fall back to the
// default digits. A worker that dies again before taking that data drops it, and the 'failed' reason says so.
// A page that announces itself again (a reload, a renderer crash) is first told the lab's state: the worker's
// data and the run so far (renderer-replay.ts), so it never shows "idle" over a run that is still going.
// A worker that goes silent without an error event (it closed itself, or hangs) is caught by a heartbeat
// (worker-watch.ts) and ends as a crash does: a 'failed' event naming the iteration, a fresh worker next time.
// No electron import: the worker factory and the event sink are injected, so plain Node tests drive it.
import type { LabEvent, WorkerCommand } from '../src-worker/protocol'
import { DataRestore } from '../src-worker/session/data-restore'
import { WorkerWatch, HEARTBEAT_MS, REPLY_MS } from '../src-worker/session/worker-watch'
import type { LossLog } from '../src-worker/session/loss-log'
import { RendererReplay } from './renderer-replay'

/** The slice of node:worker_threads' Worker the host uses. */
export interface WorkerLike {
  postMessage(value: unknown, transferList?: readonly ArrayBuffer[]): void
  on(event: 'message' | 'messageerror' | 'error' | 'exit', listener: (arg: any) => void): unknown
  terminate(): Promise<number>
}

export interface TrainingHostOptions {
  /** spawns a fresh worker thread (main: `new Worker(join(__dirname, 'worker.js'), { workerData })`) */
  createWorker: () => WorkerLike
  /** delivers an event to the renderer; called only after rendererReady(), in order */
  send: (event: LabEvent) => void
  /** sees every event at once, in order, even before the renderer listens (run history) */
  observe?: (event: LabEvent) => void
  /** the current run's losses as `observe`'s recorder keeps them, so the replay reads them instead of copying */
  runLosses?: () => LossLog | undefined
  log?: (message: string) => void
  /** the heartbeat and the reply deadline (worker-watch.ts); tests shorten them */
  heartbeatMs?: number
  replyMs?: number
  /** the clock and the repeating timer; tests drive them by hand */
  now?: () => number
  every?: (check: () => void, ms: number) => () => void
}

const everyInterval = (check: () => void, ms: number): (() => void) => {
  const timer = setInterval(check, ms)
  timer.unref?.() // never keeps a quitting main process alive
  return () => clearInterval(timer)
}

/** Events held for a renderer that is not listening yet; beyond this the oldest are dropped. */
export const MAX_PENDING_EVENTS = 20_000

type Waiter = (event: LabEvent) => boolean

/** One worker thread at a time, respawned on the next command after a crash, with the user's IDX data restored. */
export class TrainingHost {
  private worker: WorkerLike | undefined
  /** a start was sent and neither done, failed nor a refusal of it has come back */
  private running = false
  private lastIteration: number | undefined
  private ready = false
  private pending: LabEvent[] = []
  private waiters = new Set<Waiter>()
  /** the page was ready once and then went away: the next ready gets the state replayed, not the backlog */
  private reloaded = false
  private disposed = false
  private readonly data = new DataRestore()
  private readonly replay: RendererReplay
  private readonly now: () => number
  private readonly watch: WorkerWatch
  private stopWatching: (() => void) | undefined

  constructor(private readonly options: TrainingHostOptions) {
    this.replay = new RendererReplay(options.runLosses)
    this.now = options.now ?? Date.now
    this.watch = new WorkerWatch(options.heartbeatMs ?? HEARTBEAT_MS, options.replyMs ?? REPLY_MS, this.now())
  }

  /** Whether a worker thread is alive (spawned and not crashed or terminated). */
  get alive(): boolean {
    return this.worker !== undefined
  }

  /**
   * Spawns the worker if none is alive; it then announces itself with a 'ready' event (default digits). After a
   * crash, IDX data the old worker had accepted is posted first, so a 'datasetLoaded' for it follows that 'ready'.
   */
  spawn(): void {
    if (this.worker || this.disposed) return
    let worker: WorkerLike
    try {
      worker = this.options.createWorker()
    } catch (error) {
      this.running = false
      this.emit({ type: 'failed', reason: `the training worker could not start: ${(error as Error).message}` })
      return
    }
    this.worker = worker
    this.watch.reset(this.now())
    this.stopWatching ??= (this.options.every ?? everyInterval)(() => {
      const why = this.worker ? this.watch.overdue(this.now()) : null
      if (why) this.fault(why)
    }, this.watch.checkEveryMs)
    worker.on('message', (message: unknown) => this.worker === worker && this.receive(message))
    worker.on('messageerror', (error: Error) => this.worker === worker && this.fault(`a worker message could not be read (${error.message})`))
    worker.on('error', (error: Error) => this.worker === worker && this.fault(`the training worker crashed: ${error.message}`))
    worker.on('exit', (code: number) => this.worker === worker && this.fault(`the training worker stopped unexpectedly (exit code ${code})`))
    const restore = this.data.restoreCommand
    if (restore && !this.post(restore, true)) this.data.forget()
  }

  /** Sends a command to the worker, spawning one if needed. A second start while a run is going is refused. */
  command(command: WorkerCommand): void {
    if (this.disposed) return
    if (command.type === 'start') {
      if (this.running) {
        this.emit({ type: 'rejected', command: 'start', message: 'a run is already in progress; stop it before starting another' })
        return
      }
      this.running = true
      this.lastIteration = undefined
    }
    this.spawn()
    if (!this.worker) return // it could not start; a 'failed' event said why
    this.post(command)
  }

  /** Sends a command and resolves with the first event `pick` accepts; a refusal or a crash rejects. */
  request<T>(command: WorkerCommand, pick: (event: LabEvent) => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.disposed) return reject(new Error('the training worker has been shut down'))
      const timer = setTimeout(() => finish(() => reject(new Error(`the worker did not answer ${command.type} within ${timeoutMs / 1000} s`))), timeoutMs)
      const finish = (settle: () => void) => {
        clearTimeout(timer)
        this.waiters.delete(waiter)
        settle()
      }
      const waiter: Waiter = (event) => {
        const value = pick(event)
        if (value !== undefined) finish(() => resolve(value))
        else if (event.type === 'rejected' && event.command === command.type) finish(() => reject(new Error(event.message)))
        else if (event.type === 'failed' && !this.worker) finish(() => reject(new Error(event.reason)))
        else return false
        return true
      }
      this.waiters.add(waiter)
      this.command(command)
    })
  }

  /** An event made by main itself (e.g. a picked file could not be read); held and delivered like the worker's. */
  notify(event: LabEvent): void {
    this.emit(event)
  }

  /**
   * The renderer subscribed (`lab:ready`). The first page gets what was held, in order; a page after a reload
   * or crash gets the state replayed instead (the held events are in it, or were answers for the old page).
   * Then events stream.
   */
  rendererReady(): void {
    const held = this.reloaded ? this.replay.events() : this.pending
    this.ready = true
    this.reloaded = false
    this.pending = []
    for (const event of held) this.options.send(event)
  }

  /** The renderer is reloading or gone: hold events again until it says it is ready. */
  rendererGone(): void {
    if (this.ready) this.reloaded = true
    this.ready = false
  }

  /** Window closed or app quitting: terminate the thread so no orphan keeps computing. */
  async dispose(): Promise<void> {
    this.disposed = true
    this.stopWatching?.()
    this.stopWatching = undefined
    const worker = this.worker
    this.worker = undefined
    this.running = false
    this.waiters.clear()
    if (worker) await worker.terminate()
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') {
      this.options.log?.(`ignored a worker message without a type: ${String(message)}`)
      return
    }
    const event = message as LabEvent
    this.watch.heard(event, this.now())
    switch (event.type) {
      case 'progress':
        this.lastIteration = event.firstIteration + event.losses.length - 1
        break
      case 'done':
      case 'failed':
        this.running = false
        break
      case 'rejected':
        if (event.command === 'start') this.running = false
        break
      default:
        break
    }
    this.data.observe(event)
    this.emit(event)
  }

  /** Posts to the live worker; a command that cannot be sent becomes a 'rejected' event and false. */
  private post(command: WorkerCommand, restore = false): boolean {
    try {
      this.worker!.postMessage(command, transferables(command))
      this.watch.sent(command.type, this.now())
    } catch (error) {
      if (command.type === 'start') this.running = false
      const what = restore ? 'the IDX data loaded before could not be sent to the new worker, so the lab is on the default digits' : `${command.type} could not be sent to the worker`
      this.emit({ type: 'rejected', command: command.type, message: `${what}: ${(error as Error).message}` })
      return false
    }
    this.data.sent(command, restore)
    return true
  }

  private fault(crash: string): void {
    const worker = this.worker
    this.worker = undefined
    const reason = this.data.crashReason(crash, 'with your next command')
    const iteration = this.running ? this.lastIteration : undefined
    this.running = false
    void worker?.terminate().catch(() => undefined)
    this.options.log?.(reason)
    this.emit(iteration === undefined ? { type: 'failed', reason } : { type: 'failed', reason, iteration })
  }

  private emit(event: LabEvent): void {
    this.options.observe?.(event)
    this.replay.observe(event)
    const answered = [...this.waiters].some((waiter) => waiter(event))
    if (answered && event.type !== 'failed') return // a crash is news for the renderer too
    if (event.type === 'model') return // answered a request; the renderer never asked for it
    if (this.ready) {
      this.options.send(event)
      return
    }
    this.pending.push(event)
    if (this.pending.length > MAX_PENDING_EVENTS) {
      this.pending.shift()
      this.options.log?.(`renderer not listening: dropped the oldest held event (limit ${MAX_PENDING_EVENTS})`)
    }
  }
}

/**
 * Buffers to move rather than copy into the worker: predict pixels only. IDX file bytes are copied (once, at
 * most ~55 MB raw, ~11 MB gzipped), because the host keeps them to restore the data after a crash.
 */
function transferables(command: WorkerCommand): ArrayBuffer[] {
  if (command.type !== 'predict') return []
  const pixels = command.pixels
  // Only a buffer the view owns whole: moving a shared pool (e.g. a small Node Buffer's) would break its other users.
  const owned = pixels.buffer instanceof ArrayBuffer && pixels.byteOffset === 0 && pixels.byteLength === pixels.buffer.byteLength
  return owned ? [pixels.buffer as ArrayBuffer] : []
}
