import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Worker } from 'node:worker_threads'
import type { LabEvent, TrainSettings } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/validate'
import { builtWorkerMissing, fakeWorker, Harness, realWorker } from './test-doubles/host-harness'

/** Small enough to finish in a few seconds, big enough for progress chunks and epochs (80 iterations each). */
const SHORT: TrainSettings = { ...BOOK_SETTINGS, hiddenSize: 10, iterations: 200 }
const LONG: TrainSettings = { ...SHORT, iterations: 1_000_000 }

const missing = builtWorkerMissing()
if (missing) console.log(`SKIP training host with the real worker bundle: ${missing}`)

const harnesses: Harness[] = []
function harness(...factories: ConstructorParameters<typeof Harness>): Harness {
  const h = new Harness(...factories)
  harnesses.push(h)
  return h
}
after(() => Promise.all(harnesses.map((h) => h.host.dispose())))

/** Iteration indices covered by the progress events, in arrival order. */
function iterationsOf(events: LabEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'progress' ? Array.from(e.losses, (_, k) => e.firstIteration + k) : []))
}

/** A worker thread that dies on its first start command, like an engine bug or an out-of-memory. */
const crashingWorker = (how: 'throw' | 'exit') => () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads')
     parentPort.on('message', (m) => { if (m.type === 'start') ${how === 'throw' ? "throw new Error('engine exploded')" : 'process.exit(3)'} })`,
    { eval: true },
  )

describe('training host with the real worker bundle (out/main/worker.js)', { skip: missing }, () => {
  it('relays start → started → progress → epoch → done, every iteration loss exactly once', async () => {
    const h = harness(realWorker)
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    const done = await h.until((e) => e.type === 'done')
    assert.equal(done.type === 'done' && done.reason, 'completed')
    const types = h.types()
    assert.ok(types.indexOf('started') < types.indexOf('progress'), `started before progress: ${types.join(',')}`)
    assert.ok(types.includes('epoch'))
    assert.deepEqual(iterationsOf(h.delivered), Array.from({ length: SHORT.iterations }, (_, i) => i))
    const progress = h.delivered.filter((e) => e.type === 'progress')
    assert.ok(progress.every((e) => e.losses instanceof Float32Array), 'losses stay Float32Array chunks')
    assert.ok(progress.length < SHORT.iterations, `coalesced into chunks: ${progress.length} messages for ${SHORT.iterations} iterations`)
  })

  it('pause holds the run at a flushed iteration and resume finishes it with no loss missing', async () => {
    const h = harness(realWorker)
    h.host.rendererReady()
    const settings = { ...SHORT, iterations: 2_000 }
    h.host.command({ type: 'start', settings })
    await h.until((e) => e.type === 'progress')
    h.host.command({ type: 'pause' })
    const paused = await h.until((e) => e.type === 'paused')
    const at = h.delivered.indexOf(paused)
    assert.equal(paused.type === 'paused' && paused.iteration, iterationsOf(h.delivered.slice(0, at)).length, 'every loss before the pause was flushed')
    h.host.command({ type: 'resume' })
    const resumed = await h.until((e) => e.type === 'resumed', at)
    assert.deepEqual(iterationsOf(h.delivered.slice(at, h.delivered.indexOf(resumed))), [], 'no iteration ran while paused')
    const done = await h.until((e) => e.type === 'done', at)
    assert.equal(done.type === 'done' && done.reason, 'completed')
    assert.deepEqual(iterationsOf(h.delivered), Array.from({ length: settings.iterations }, (_, i) => i))
  })

  it('stop ends a long run early with reason stopped', async () => {
    const h = harness(realWorker)
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: LONG })
    await h.until((e) => e.type === 'progress')
    h.host.command({ type: 'stop' })
    const done = await h.until((e) => e.type === 'done')
    assert.ok(done.type === 'done' && done.reason === 'stopped' && done.summary.iterations < LONG.iterations)
  })

  it('a worker that throws gives a failed event with a plain reason, and the next start trains', async () => {
    const h = harness(crashingWorker('throw'), realWorker)
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.match(failed.type === 'failed' ? failed.reason : '', /training worker crashed: engine exploded/)
    assert.equal(h.host.alive, false)
    const from = h.delivered.length
    h.host.command({ type: 'start', settings: SHORT })
    const done = await h.until((e) => e.type === 'done', from)
    assert.equal(done.type === 'done' && done.reason, 'completed')
    assert.equal(h.spawned.length, 2)
  })

  it('dispose terminates the thread mid-run and nothing arrives afterwards', async () => {
    const h = harness(realWorker)
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: LONG })
    await h.until((e) => e.type === 'progress')
    const exited = new Promise<number>((resolve) => h.spawned[0]!.once('exit', resolve))
    await h.host.dispose()
    await exited
    const count = h.delivered.length
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(h.delivered.length, count)
    assert.equal(h.host.alive, false)
  })
})

describe('training host logic (with a test double of the worker)', () => {
  it('holds events until the renderer is ready, then delivers them in order', async () => {
    const h = harness(fakeWorker())
    h.host.command({ type: 'start', settings: { ...SHORT, iterations: 30 } })
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => h.observed.some((e) => e.type === 'done') && (clearInterval(timer), resolve()), 5)
    })
    assert.equal(h.delivered.length, 0, 'nothing sent before lab:ready')
    h.host.rendererReady()
    assert.deepEqual(h.types(), h.observed.map((e) => e.type))
    assert.equal(h.types()[0], 'ready')
  })

  it('a double start starts one run and refuses the other', async () => {
    const h = harness(fakeWorker())
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: { ...SHORT, iterations: 30 } })
    h.host.command({ type: 'start', settings: { ...SHORT, iterations: 30 } })
    await h.until((e) => e.type === 'done')
    assert.equal(h.types().filter((t) => t === 'started').length, 1)
    const rejected = h.delivered.find((e) => e.type === 'rejected')
    assert.match(rejected?.type === 'rejected' ? rejected.message : '', /already in progress/)
  })

  it('a worker that exits gives failed naming the exit code and the last iteration', async () => {
    const h = harness(fakeWorker({ crash: 'exitAfterProgress' }))
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.ok(failed.type === 'failed')
    assert.match(failed.reason, /stopped unexpectedly \(exit code 3\)/)
    assert.equal(failed.iteration, 9)
  })

  it('a request resolves with the answer and keeps it from the renderer', async () => {
    const h = harness(fakeWorker())
    h.host.rendererReady()
    const model = await h.host.request({ type: 'exportModel' }, (e) => (e.type === 'model' ? e.model : undefined))
    assert.deepEqual(model, { format: 'fake-model' })
    assert.ok(!h.types().includes('model'))
  })

  it('a request the worker refuses rejects with the worker message', async () => {
    const h = harness(fakeWorker())
    const request = h.host.request({ type: 'inspect' }, (e) => (e.type === 'inspection' ? e : undefined))
    await assert.rejects(request, /fake worker does not do inspect/)
  })

  it('a request to a worker that crashes rejects with the crash reason', async () => {
    const h = harness(crashingWorker('exit'))
    const request = h.host.request({ type: 'start', settings: SHORT }, (e) => (e.type === 'done' ? e : undefined))
    await assert.rejects(request, /exit code 3/)
  })
})

describe('training host when the worker cannot even start', () => {
  it('turns a throwing worker factory into a failed event, and a later start tries again', async () => {
    let attempts = 0
    const h = harness(() => {
      attempts++
      throw new Error('Cannot find module out/main/worker.js')
    })
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    h.host.command({ type: 'start', settings: SHORT })
    assert.deepEqual(h.types(), ['failed', 'failed'], 'the double start is not refused: nothing is running')
    assert.match(h.delivered[0]!.type === 'failed' ? h.delivered[0]!.reason : '', /could not start: Cannot find module/)
    assert.equal(attempts, 2)
  })

  it('a request after dispose rejects at once', async () => {
    const h = harness(fakeWorker())
    await h.host.dispose()
    await assert.rejects(h.host.request({ type: 'exportModel' }, () => undefined), /shut down/)
  })
})
