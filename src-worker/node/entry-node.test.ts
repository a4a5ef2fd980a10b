import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LabEvent, WorkerCommand } from '../protocol'
import { BOOK_SETTINGS } from '../session/validate'
import { DEFAULT_ASSET_PATH } from './default-data'

/** The real entry from source in a worker_thread (Node 20 workers do not inherit --import tsx: TOOLCHAIN.md §4). */
function startWorker(workerData: unknown): { worker: Worker; events: LabEvent[]; next: <T extends LabEvent['type']>(type: T) => Promise<Extract<LabEvent, { type: T }>> } {
  const entry = join(__dirname, 'entry-node.ts')
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)})`, { eval: true, workerData })
  const events: LabEvent[] = []
  const waiters: (() => void)[] = []
  worker.on('message', (event: LabEvent) => {
    events.push(event)
    for (const wake of waiters.splice(0)) wake()
  })
  const next = async <T extends LabEvent['type']>(type: T) => {
    for (;;) {
      const found = events.find((e) => e.type === type)
      if (found) return found as Extract<LabEvent, { type: T }>
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  return { worker, events, next }
}

describe('worker_thread entry (src-worker/node/entry-node.ts) on the real default data', () => {
  it('reads workerData.defaultDataPath, trains a short run to done and streams every loss', async () => {
    const { worker, events, next } = startWorker({ defaultDataPath: DEFAULT_ASSET_PATH })
    try {
      const ready = await next('ready')
      assert.deepEqual([ready.dataset.trainSize, ready.dataset.testSize], [7996, 2004])
      const start: WorkerCommand = { type: 'start', settings: { ...BOOK_SETTINGS, iterations: 30 } }
      worker.postMessage(start)
      const done = await next('done')
      assert.equal(done.reason, 'completed')
      const losses = events.flatMap((e) => (e.type === 'progress' ? Array.from(e.losses, (l, k) => [e.firstIteration + k, l]) : []))
      assert.deepEqual(losses.map(([i]) => i), Array.from({ length: 30 }, (_, i) => i))
      assert.ok(losses.every(([, l]) => Number.isFinite(l)))
      assert.ok(losses[29][1] < losses[0][1], `loss fell: ${losses[0][1]} → ${losses[29][1]}`)
    } finally {
      await worker.terminate()
    }
  })

  it('stops a long run on request, between iterations', async () => {
    const { worker, next } = startWorker({ defaultDataPath: DEFAULT_ASSET_PATH })
    try {
      await next('ready')
      worker.postMessage({ type: 'start', settings: { ...BOOK_SETTINGS, iterations: 1_000_000 } } satisfies WorkerCommand)
      await next('progress')
      worker.postMessage({ type: 'stop' } satisfies WorkerCommand)
      const done = await next('done')
      assert.equal(done.reason, 'stopped')
      assert.ok(done.summary.iterations < 1_000_000)
    } finally {
      await worker.terminate()
    }
  })

  it('fails with a plain reason when the data path is wrong', async () => {
    const { worker, next } = startWorker({ defaultDataPath: '/nonexistent/mnist-default.bin' })
    try {
      const failed = await next('failed')
      assert.match(failed.reason, /\/nonexistent\/mnist-default\.bin not found: run `npm run data`/)
    } finally {
      await worker.terminate()
    }
  })
})
