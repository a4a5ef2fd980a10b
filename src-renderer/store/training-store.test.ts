import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { DatasetInfo, LabEvent } from '../../src-worker/protocol'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { TrainingStore } from './training-store'

const dataset: DatasetInfo = { kind: 'default', name: 'test digits', trainSize: 800, testSize: 200, expectedTestAccuracy: 0.9 }
const started: LabEvent = { type: 'started', settings: { ...BOOK_SETTINGS, iterations: 20 }, dataset, iterationsPerEpoch: 8, backend: 'test' }

/** A store whose animation frames run only when the test says so. */
function storeWithFrames() {
  const frames: (() => void)[] = []
  const store = new TrainingStore((callback) => frames.push(callback))
  const runFrame = (): void => {
    for (const frame of frames.splice(0)) frame()
  }
  return { store, frames, runFrame }
}

describe('training store: one frame per burst of events', () => {
  it('asks for one animation frame however many progress chunks arrive before it', () => {
    const { store, frames } = storeWithFrames()
    store.handle(started)
    store.handle({ type: 'progress', firstIteration: 0, losses: new Float32Array([2.3, 2.2]) })
    store.handle({ type: 'progress', firstIteration: 2, losses: new Float32Array([2.1]) })
    assert.equal(frames.length, 1)
  })

  it('redraws each attached chart once per frame, and not at all without new points', () => {
    const { store, runFrame } = storeWithFrames()
    let redraws = 0
    store.attachChart(() => redraws++, () => store.loss.raw.length)
    runFrame()
    store.handle(started)
    store.handle({ type: 'progress', firstIteration: 0, losses: new Float32Array([2.3]) })
    store.handle({ type: 'progress', firstIteration: 1, losses: new Float32Array([2.2]) })
    runFrame()
    store.handle({ type: 'paused', iteration: 2 })
    runFrame()
    assert.equal(redraws, 2, 'one when attached, one for the burst, none for the pause')
  })

  it('publishes a snapshot only in the frame, and only when the status changed', () => {
    const { store, runFrame } = storeWithFrames()
    let published = 0
    store.subscribe(() => published++)
    store.handle(started)
    assert.equal(store.getSnapshot().state, 'idle')
    runFrame()
    assert.equal(store.getSnapshot().state, 'running')
    store.handle({ type: 'datasetLoaded', dataset })
    runFrame()
    assert.equal(published, 1)
  })

  it('follows a run: progress counts iterations, epochs set the accuracies, done finishes', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle(started)
    store.handle({ type: 'progress', firstIteration: 0, losses: new Float32Array(8).fill(1) })
    store.handle({ type: 'epoch', epoch: 1, iteration: 8, trainAccuracy: 0.5, testAccuracy: 0.25 })
    runFrame()
    assert.equal(store.getSnapshot().iteration, 8)
    assert.equal(store.getSnapshot().testAccuracy, 0.25)
    assert.deepEqual(store.testAccuracy, [{ x: 1, y: 0.25 }])
    const summary = { iterations: 8, seed: 42, finalLoss: 1, trainAccuracy: 0.5, testAccuracy: 0.25, msPerIteration: 1, totalSeconds: 1 }
    store.handle({ type: 'done', reason: 'stopped', summary })
    runFrame()
    assert.equal(store.getSnapshot().state, 'finished')
    assert.equal(store.getSnapshot().doneReason, 'stopped')
  })

  it('a new start empties the series in place, so the charts keep their arrays', () => {
    const { store, runFrame } = storeWithFrames()
    const raw = store.loss.raw
    store.handle(started)
    store.handle({ type: 'progress', firstIteration: 0, losses: new Float32Array([1, 2, 3]) })
    store.handle({ type: 'epoch', epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 })
    store.handle(started)
    runFrame()
    assert.equal(store.loss.raw, raw)
    assert.equal(raw.length, 0)
    assert.equal(store.testAccuracy.length, 0)
  })

  it('shows a failure with its reason and iteration', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle(started)
    store.handle({ type: 'failed', reason: 'loss became NaN', iteration: 12 })
    runFrame()
    assert.equal(store.getSnapshot().state, 'failed')
    assert.deepEqual(store.getSnapshot().notice, { kind: 'error', code: 'failed', reason: 'loss became NaN', iteration: 12 })
  })

  it('shows a worker failure between runs as an alert, leaving the finished run finished', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle(started)
    const summary = { iterations: 20, seed: 42, finalLoss: 0.3, trainAccuracy: 0.9, testAccuracy: 0.88, msPerIteration: 0.2, totalSeconds: 0.1 }
    store.handle({ type: 'done', reason: 'completed', summary })
    store.handle({ type: 'failed', reason: 'the training worker crashed (out of memory); a fresh one was started' })
    runFrame()
    const view = store.getSnapshot()
    assert.deepEqual([view.state, view.testAccuracy, view.notice?.kind], ['finished', 0.88, 'error'])
    assert.match(view.notice?.kind === 'error' && view.notice.code === 'failed' ? view.notice.reason : '', /crashed \(out of memory\)/)
    store.handle({ type: 'rejected', command: 'start', message: 'iterations must be …' })
    runFrame()
    assert.deepEqual(store.getSnapshot().notice, { kind: 'error', code: 'rejected', command: 'start', message: 'iterations must be …' })
  })

  it('clears a stale error with the next success, and leaves refusals of other panes to them', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle({ type: 'rejected', command: 'importModel', message: 'bad.json: not a model' })
    store.handle({ type: 'rejected', command: 'predict', message: 'predict: pixels must hold 784 values' })
    runFrame()
    assert.equal(store.getSnapshot().notice?.kind, 'error')
    assert.equal(store.getSnapshot().notice?.code, 'rejected')
    const settings = { hiddenSize: 100, learningRate: 0.1, batchSize: 100, iterations: 10, weightInitStd: 0.01, activation: 'relu' as const, seed: 1 }
    store.handle({ type: 'modelLoaded', fileName: 'good.json', settings, testAccuracy: 0.9 })
    runFrame()
    assert.deepEqual(store.getSnapshot().notice, { kind: 'success', code: 'modelLoaded', fileName: 'good.json', testAccuracy: 0.9 })
    assert.equal(store.getSnapshot().settings?.hiddenSize, 100)
  })

  it('a default-data failure at start is cleared by the retry that loads the digits, and says no digits are loaded meanwhile (#13 §3)', () => {
    const { store, runFrame } = storeWithFrames()
    runFrame()
    assert.equal(store.getSnapshot().dataset, null)
    assert.equal(store.getSnapshot().datasetFailed, false, 'still loading')
    store.handle({ type: 'failed', reason: 'the lab could not start: /assets/mnist-default.bin: HTTP 503 Service Unavailable' })
    runFrame()
    assert.equal(store.getSnapshot().notice?.kind, 'error')
    assert.equal(store.getSnapshot().datasetFailed, true, 'not loading any more: failed')
    store.handle({ type: 'rejected', command: 'useDefaultData', message: 'useDefaultData failed: /assets/mnist-default.bin: HTTP 503' })
    runFrame()
    assert.equal(store.getSnapshot().notice?.code, 'rejected')
    store.handle({ type: 'datasetLoaded', dataset })
    runFrame()
    assert.deepEqual([store.getSnapshot().notice, store.getSnapshot().dataset, store.getSnapshot().datasetFailed], [null, dataset, false])
  })

  it('a refused data load is cleared by the next data load that succeeds', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle({ type: 'ready', dataset, backend: 'test' })
    store.handle({ type: 'rejected', command: 'loadIdx', message: 'train-images-idx3-ubyte: images are 20×20, expected 28×28' })
    runFrame()
    assert.equal(store.getSnapshot().notice?.code, 'rejected')
    store.handle({ type: 'datasetLoaded', dataset: { ...dataset, kind: 'idx', name: 'MNIST IDX files' } })
    runFrame()
    assert.equal(store.getSnapshot().notice, null)
  })

  it('keeps a crash report when the replacement worker says ready and gets its data back', () => {
    const { store, runFrame } = storeWithFrames()
    store.handle({ type: 'ready', dataset, backend: 'test' })
    store.handle(started)
    store.handle({ type: 'failed', reason: 'the training worker crashed (out of memory); a fresh one was started', iteration: 5 })
    store.handle({ type: 'ready', dataset, backend: 'test' })
    store.handle({ type: 'datasetLoaded', dataset })
    runFrame()
    assert.match(store.getSnapshot().notice?.kind === 'error' && store.getSnapshot().notice?.code === 'failed' ? (store.getSnapshot().notice as { reason: string }).reason : '', /crashed/)
    assert.equal(store.getSnapshot().datasetFailed, false)
  })
})
