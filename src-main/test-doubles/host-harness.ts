// Test helper: a TrainingHost whose renderer is an array, plus a way to await an event.
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { LabEvent } from '../../src-worker/protocol'
import { TrainingHost, type TrainingHostOptions, type WorkerLike } from '../training-host'

export const ROOT = resolve(__dirname, '..', '..')
export const BUILT_WORKER = join(ROOT, 'out', 'main', 'worker.js')
export const DEFAULT_DATA = join(ROOT, 'src-worker', 'data', 'generated', 'mnist-default.bin')
export const FAKE_WORKER = join(__dirname, 'fake-worker.cjs')

/** Why the real worker bundle cannot be used here, or undefined when it can. */
export function builtWorkerMissing(): string | undefined {
  if (!existsSync(BUILT_WORKER)) return `${BUILT_WORKER} does not exist: run \`npx electron-vite build\` first`
  if (!existsSync(DEFAULT_DATA)) return `${DEFAULT_DATA} does not exist: run \`npm run data\` first`
  return undefined
}

export const realWorker = (): WorkerLike => new Worker(BUILT_WORKER, { workerData: { defaultDataPath: DEFAULT_DATA } })
export const fakeWorker = (workerData: object = {}) => (): WorkerLike => new Worker(FAKE_WORKER, { workerData })

export class Harness {
  readonly delivered: LabEvent[] = []
  readonly observed: LabEvent[] = []
  readonly spawned: Worker[] = []
  readonly host: TrainingHost
  private listeners = new Set<() => void>()

  /** `timing`: the host's heartbeat and reply deadline, shortened for the silent-worker specs */
  static timed(timing: Pick<TrainingHostOptions, 'heartbeatMs' | 'replyMs'>, ...factories: (() => WorkerLike)[]): Harness {
    return new Harness(factories, timing)
  }

  constructor(factories: (() => WorkerLike)[], timing: Pick<TrainingHostOptions, 'heartbeatMs' | 'replyMs'> = {}) {
    let n = 0
    this.host = new TrainingHost({
      ...timing,
      createWorker: () => {
        const worker = factories[Math.min(n++, factories.length - 1)]!() as Worker
        this.spawned.push(worker)
        return worker
      },
      send: (event) => {
        this.delivered.push(event)
        for (const l of this.listeners) l()
      },
      observe: (event) => this.observed.push(event),
    })
  }

  /** Resolves with the first delivered event (from index `from`) matching, or rejects after timeoutMs. */
  until(match: (event: LabEvent) => boolean, from = 0, timeoutMs = 20_000): Promise<LabEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.delivered.slice(from).find(match)
        if (!found) return
        this.listeners.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        this.listeners.delete(check)
        reject(new Error(`no matching event within ${timeoutMs} ms; got: ${this.delivered.map((e) => e.type).join(', ')}`))
      }, timeoutMs)
      this.listeners.add(check)
      check()
    })
  }

  types(): string[] {
    return this.delivered.map((e) => e.type)
  }
}
