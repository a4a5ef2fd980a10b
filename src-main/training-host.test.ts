import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Worker } from 'node:worker_threads'
import type { IdxFiles, LabEvent, TrainSettings, WorkerCommand } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { goodIdxFiles } from '../src-worker/data/idx-fixtures'
import type { WorkerLike } from './training-host'
import { builtWorkerMissing, fakeWorker, Harness, realWorker } from './test-doubles/host-harness'

/** Small enough to finish in a few seconds, big enough for progress chunks and epochs (80 iterations each). */
const SHORT: TrainSettings = { ...BOOK_SETTINGS, hiddenSize: 10, iterations: 200 }
const LONG: TrainSettings = { ...SHORT, iterations: 1_000_000 }

const missing = builtWorkerMissing()
if (missing) console.log(`SKIP training host with the real worker bundle: ${missing}`)

const harnesses: Harness[] = []
function harness(...factories: (() => WorkerLike)[]): Harness {
  return track(new Harness(factories))
}
function track(h: Harness): Harness {
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

  it('a thread killed after loading gzipped IDX files comes back with them: ready (default), then datasetLoaded (idx)', async () => {
    const h = harness(realWorker)
    h.host.rendererReady()
    h.host.command({ type: 'loadIdx', files: goodIdxFiles(true) })
    const first = await h.until((e) => e.type === 'datasetLoaded')
    await h.spawned[0]!.terminate() // as if the thread died: the host sees an unexpected exit
    const failed = await h.until((e) => e.type === 'failed')
    assert.match(failed.type === 'failed' ? failed.reason : '', /will be loaded again with your next command/)
    const from = h.delivered.length
    h.host.command({ type: 'sampleTest', index: 0 })
    await h.until((e) => e.type === 'testSample', from)
    assert.deepEqual(h.types().slice(from), ['ready', 'datasetLoaded', 'testSample'])
    const [ready, restored] = h.delivered.slice(from)
    assert.equal(ready!.type === 'ready' && ready.dataset.kind, 'default')
    assert.deepEqual(restored, first, 'the same dataset as before the crash')
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

  it('a page reloaded mid-run is told the run so far first (ready, started, every loss), then the live stream', async () => {
    const h = harness(fakeWorker())
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: { ...SHORT, iterations: 5_000 } })
    await h.until((e) => e.type === 'progress' && e.firstIteration >= 30)
    h.host.rendererGone() // did-start-loading: Ctrl+R
    const from = h.delivered.length
    await new Promise((resolve) => setTimeout(resolve, 30))
    assert.equal(h.delivered.length, from, 'nothing reaches a page that has not announced itself')
    h.host.rendererReady()
    const again = h.delivered.slice(from)
    assert.deepEqual(again.slice(0, 3).map((e) => e.type), ['ready', 'started', 'progress'])
    const firstChunk = again[2]!
    assert.ok(firstChunk.type === 'progress' && firstChunk.firstIteration === 0 && firstChunk.losses.length >= 40)
    // then it streams on, from where the replay ended, and the run is still the host's one run
    const next = await h.until((e) => e.type === 'progress', from + again.length)
    assert.ok(next.type === 'progress' && firstChunk.type === 'progress' && next.firstIteration === firstChunk.losses.length)
    h.host.command({ type: 'start', settings: SHORT })
    const refused = await h.until((e) => e.type === 'rejected', from)
    assert.match(refused.type === 'rejected' ? refused.message : '', /already in progress/)
    h.host.command({ type: 'stop' })
    await h.until((e) => e.type === 'done', from)
  })

  it('the first page still gets the held events as they came, not a replay', async () => {
    const h = harness(fakeWorker())
    h.host.rendererGone() // did-start-loading of the first load
    h.host.command({ type: 'start', settings: { ...SHORT, iterations: 30 } })
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => h.observed.some((e) => e.type === 'done') && (clearInterval(timer), resolve()), 5)
    })
    h.host.rendererReady()
    assert.deepEqual(h.types(), h.observed.map((e) => e.type))
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

  it('a worker that goes silent mid-run (no error, no exit) ends as failed past the heartbeat, naming the iteration; the next start trains', async () => {
    const h = track(Harness.timed({ heartbeatMs: 300, replyMs: 300 }, fakeWorker({ crash: 'hangAfterProgress' }), fakeWorker()))
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.ok(failed.type === 'failed')
    assert.match(failed.reason, /^the training worker stopped answering \(nothing for 300 ms\)\. Any weights it had trained are gone/)
    assert.equal(failed.iteration, 9)
    const from = h.delivered.length
    h.host.command({ type: 'start', settings: SHORT })
    await h.until((e) => e.type === 'done', from)
    assert.equal(h.spawned.length, 2, 'a fresh worker took over')
  })

  it('a stop the silent worker never answers fails the run after the reply deadline, so Stop always ends it', async () => {
    const h = track(Harness.timed({ heartbeatMs: 60_000, replyMs: 300 }, fakeWorker({ crash: 'hangAfterProgress' })))
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    await h.until((e) => e.type === 'progress')
    h.host.command({ type: 'stop' })
    const failed = await h.until((e) => e.type === 'failed')
    assert.ok(failed.type === 'failed' && /stopped answering/.test(failed.reason))
  })

  it('a worker that exits gives failed naming the exit code and the last iteration', async () => {
    const h = harness(fakeWorker({ crash: 'exitAfterProgress' }))
    h.host.rendererReady()
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.ok(failed.type === 'failed')
    assert.match(failed.reason, /stopped unexpectedly \(exit code 3\)\. Any weights it had trained are gone: train again or load a saved model\.$/)
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

/** Four IDX files tagged `tag`, each in an ArrayBuffer of its own (so a host could transfer it); train images `size` bytes. */
function idxFiles(tag: string, size: number): IdxFiles {
  const file = (name: string, n: number) => ({ name: `${tag}-${name}`, bytes: new Uint8Array(n).map((_, i) => (i * 7 + 3) & 255) })
  return {
    trainImages: file('train-images-idx3-ubyte.gz', size),
    trainLabels: file('train-labels-idx1-ubyte.gz', 8),
    testImages: file('t10k-images-idx3-ubyte.gz', 24),
    testLabels: file('t10k-labels-idx1-ubyte.gz', 8),
  }
}

/** Wraps a worker factory so that `posted[k]` lists the commands the host posted to the k-th spawned worker. */
function recording(posted: WorkerCommand[][], factory: () => WorkerLike): () => WorkerLike {
  return () => {
    const worker = factory()
    const log: WorkerCommand[] = []
    posted.push(log)
    const post = worker.postMessage.bind(worker)
    worker.postMessage = (value, transfer) => {
      log.push(value as WorkerCommand)
      post(value, transfer)
    }
    return worker
  }
}

const reasonOf = (event: LabEvent): string => (event.type === 'failed' ? event.reason : `not a failed event: ${event.type}`)
const exportModel = (h: Harness) => h.host.request({ type: 'exportModel' }, (e) => (e.type === 'model' ? e.model : undefined))
const crashesOnStart = () => fakeWorker({ crash: 'exitAfterProgress' })

describe('training host restores the loaded IDX data after a crash (with a test double of the worker)', () => {
  it('a worker respawned after a crash gets the accepted loadIdx first, then the request that respawned it, which still resolves', async () => {
    const posted: WorkerCommand[][] = []
    const h = harness(recording(posted, crashesOnStart()), recording(posted, fakeWorker()))
    h.host.rendererReady()
    h.host.command({ type: 'loadIdx', files: idxFiles('mine', 40) })
    await h.until((e) => e.type === 'datasetLoaded')
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.match(reasonOf(failed), /exit code 3\); the IDX data you loaded \(fake IDX from mine-train-images-idx3-ubyte\.gz\) will be loaded again with your next command/)
    const from = h.delivered.length
    assert.deepEqual(await exportModel(h), { format: 'fake-model' })
    assert.deepEqual(posted[1]!.map((c) => c.type), ['loadIdx', 'exportModel'])
    const restore = posted[1]![0]!
    assert.equal(restore.type === 'loadIdx' && restore.files.trainImages.name, 'mine-train-images-idx3-ubyte.gz')
    assert.deepEqual(h.types().slice(from), ['ready', 'datasetLoaded'], 'the new worker\'s default digits, then the restored data; the model answer stays with the request')
    const restored = h.delivered[from + 1]!
    assert.ok(restored.type === 'datasetLoaded' && restored.dataset.kind === 'idx' && restored.dataset.trainSize === 40, 'all 40 bytes arrived again')
  })

  it('after useDefaultData is accepted, a crash restores nothing and the reason does not promise IDX data', async () => {
    const posted: WorkerCommand[][] = []
    const h = harness(recording(posted, crashesOnStart()), recording(posted, fakeWorker()))
    h.host.rendererReady()
    h.host.command({ type: 'loadIdx', files: idxFiles('mine', 40) })
    const loaded = await h.until((e) => e.type === 'datasetLoaded')
    h.host.command({ type: 'useDefaultData' })
    await h.until((e) => e.type === 'datasetLoaded' && e !== loaded)
    h.host.command({ type: 'start', settings: SHORT })
    const failed = await h.until((e) => e.type === 'failed')
    assert.doesNotMatch(reasonOf(failed), /IDX/)
    await exportModel(h)
    assert.deepEqual(posted[1]!.map((c) => c.type), ['exportModel'])
  })

  it('a refused loadIdx keeps the data loaded before it as the data to restore', async () => {
    const posted: WorkerCommand[][] = []
    const h = harness(recording(posted, crashesOnStart()), recording(posted, fakeWorker()))
    h.host.rendererReady()
    h.host.command({ type: 'loadIdx', files: idxFiles('first', 40) })
    await h.until((e) => e.type === 'datasetLoaded')
    h.host.command({ type: 'loadIdx', files: idxFiles('empty', 0) })
    const refused = await h.until((e) => e.type === 'rejected')
    assert.match(refused.type === 'rejected' ? refused.message : '', /empty-train-images-idx3-ubyte\.gz: the file is empty/)
    h.host.command({ type: 'start', settings: SHORT })
    assert.match(reasonOf(await h.until((e) => e.type === 'failed')), /fake IDX from first-train-images/)
    await exportModel(h)
    const restore = posted[1]![0]!
    assert.equal(restore.type === 'loadIdx' && restore.files.trainImages.name, 'first-train-images-idx3-ubyte.gz')
  })

  it('a worker that crashes again before taking the restored data drops it, says so, and the next worker starts clean', async () => {
    const posted: WorkerCommand[][] = []
    const h = harness(recording(posted, crashesOnStart()), recording(posted, fakeWorker({ crash: 'exitOnLoadIdx' })), recording(posted, fakeWorker()))
    h.host.rendererReady()
    h.host.command({ type: 'loadIdx', files: idxFiles('mine', 40) })
    await h.until((e) => e.type === 'datasetLoaded')
    h.host.command({ type: 'start', settings: SHORT })
    const first = await h.until((e) => e.type === 'failed')
    h.host.command({ type: 'start', settings: SHORT })
    const second = await h.until((e) => e.type === 'failed' && e !== first)
    assert.match(reasonOf(second), /exit code 4\); the IDX data loaded before \(fake IDX from mine-train-images-idx3-ubyte\.gz\) could not be restored, so the lab is back on the default digits/)
    assert.deepEqual(posted[1]!.map((c) => c.type), ['loadIdx', 'start'])
    const from = h.delivered.length
    await exportModel(h)
    assert.deepEqual(posted[2]!.map((c) => c.type), ['exportModel'], 'no third attempt at the dropped data')
    assert.ok(!h.types().slice(from).includes('datasetLoaded'))
  })

  it('sending loadIdx copies the bytes: the host\'s own copy stays whole (not detached) after the worker has them', async () => {
    const h = harness(fakeWorker())
    h.host.rendererReady()
    const files = idxFiles('kept', 40)
    const before = Object.values(files).map((f) => f.bytes.slice())
    h.host.command({ type: 'loadIdx', files })
    const event = await h.until((e) => e.type === 'datasetLoaded')
    assert.ok(event.type === 'datasetLoaded' && event.dataset.trainSize === 40, 'the worker received all 40 bytes')
    assert.deepEqual(Object.values(files).map((f) => f.bytes.buffer.byteLength), before.map((b) => b.byteLength))
    assert.deepEqual(Object.values(files).map((f) => f.bytes), before)
  })
})
