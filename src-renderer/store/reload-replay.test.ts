// A desktop window reloaded mid-run (Ctrl+R, or a renderer crash) is told the lab's state again by main
// (src-main/renderer-replay.ts). The spec: a fresh store fed that replay shows what a store that saw every
// event shows.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { DatasetInfo, LabEvent } from '../../src-worker/protocol'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { RendererReplay } from '../../src-main/renderer-replay'
import { RunRecorder } from '../../src-worker/session/run-record'
import { TrainingStore } from './training-store'

const digits: DatasetInfo = { kind: 'default', name: 'default digits', trainSize: 800, testSize: 200, expectedTestAccuracy: 0.9 }
const idx: DatasetInfo = { kind: 'idx', name: 'my MNIST folder', trainSize: 60_000, testSize: 10_000, expectedTestAccuracy: 0.97 }
const settings = { ...BOOK_SETTINGS, iterations: 2_000 }

function losses(first: number, n: number): LabEvent {
  return { type: 'progress', firstIteration: first, losses: Float32Array.from({ length: n }, (_, k) => 2.3 / (1 + first + k)) }
}

/** What a page shows after these events: the store's view (timing figures aside) and its series. */
function shown(events: LabEvent[]) {
  const store = new TrainingStore((frame) => frame())
  for (const event of events) store.handle(event)
  const { itPerSecond: _rate, etaSeconds: _eta, ...view } = store.getSnapshot()
  return { view, losses: Array.from(store.loss.raw.values()), accuracy: store.testAccuracy.map((p) => [p.x, p.y]) }
}

function replayed(events: LabEvent[]) {
  const replay = new RendererReplay()
  for (const event of events) replay.observe(event)
  return replay.events()
}

/** As main wires it (desktop-lab.ts): the run recorder owns the losses, the replay reads its buffer. */
function replayedFromOwner(events: LabEvent[]) {
  const recorder = new RunRecorder()
  const replay = new RendererReplay(() => recorder.losses)
  for (const event of events) {
    recorder.consume(event) // the host's observe runs before its replay sees the event
    replay.observe(event)
  }
  return { events: replay.events(), recorder }
}

const live: LabEvent[] = [
  { type: 'ready', dataset: digits, backend: 'wasm-simd' },
  { type: 'datasetLoaded', dataset: idx },
  { type: 'started', settings, dataset: idx, iterationsPerEpoch: 600, backend: 'wasm-simd' },
  { type: 'epoch', epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.11 },
  losses(0, 400),
  { type: 'prediction', requestId: 1, probabilities: Array(10).fill(0.1), trained: true },
  losses(400, 300),
  { type: 'epoch', epoch: 1, iteration: 599, trainAccuracy: 0.8, testAccuracy: 0.81 },
  { type: 'paused', iteration: 700 },
  { type: 'learningRateChanged', learningRate: 0.05, iteration: 700 },
  { type: 'resumed', iteration: 700 },
  losses(700, 50),
  { type: 'rejected', command: 'predict', message: 'for the old page' },
]

describe('a window reloaded mid-run sees the run as it is', () => {
  it('a running run: the data, every loss so far, the accuracies, the new learning rate', () => {
    const expected = shown(live.filter((e) => e.type !== 'rejected'))
    assert.equal(expected.view.state, 'running')
    assert.deepEqual(shown(replayed(live)), expected)
    assert.equal(shown(replayed(live)).losses.length, 750)
  })

  it('a paused run comes back paused at its iteration', () => {
    const events = [...live, { type: 'paused', iteration: 750 } as LabEvent]
    const after = shown(replayed(events))
    assert.equal(after.view.state, 'paused')
    assert.deepEqual(after, shown(events.filter((e) => e.type !== 'rejected')))
  })

  it('a finished run comes back finished with its summary', () => {
    const summary = { iterations: 750, seed: 42, finalLoss: 0.003, trainAccuracy: 0.9, testAccuracy: 0.89, msPerIteration: 0.3, totalSeconds: 1 }
    const events = [...live, { type: 'done', reason: 'stopped', summary } as LabEvent]
    const after = shown(replayed(events))
    assert.equal(after.view.state, 'finished')
    assert.deepEqual(after, shown(events.filter((e) => e.type !== 'rejected')))
  })

  it('a run that failed comes back failed, naming the reason and the iteration', () => {
    const events = [...live, { type: 'failed', reason: 'the training worker crashed: boom', iteration: 749 } as LabEvent]
    const after = shown(replayed(events))
    assert.equal(after.view.state, 'failed')
    assert.deepEqual(after.view.notice, { kind: 'error', code: 'failed', reason: 'the training worker crashed: boom', iteration: 749 })
  })

  it('a worker respawned after a crash between runs: the default digits again, and the IDX data if it was restored', () => {
    const crash: LabEvent[] = [
      { type: 'ready', dataset: digits, backend: 'wasm-simd' },
      { type: 'datasetLoaded', dataset: idx },
      { type: 'failed', reason: 'the training worker stopped unexpectedly (exit code 3)' },
    ]
    assert.equal(shown(replayed(crash)).view.notice?.code, 'failed')
    const respawned: LabEvent[] = [...crash, { type: 'ready', dataset: digits, backend: 'wasm-simd' }]
    assert.deepEqual(shown(replayed(respawned)).view.dataset, digits)
    assert.equal(shown(replayed(respawned)).view.notice, null, 'a new worker clears the old failure')
    assert.deepEqual(shown(replayed([...respawned, { type: 'datasetLoaded', dataset: idx }])).view.dataset, idx)
  })

  it('a model loaded after the run: its settings, not the run\'s', () => {
    const model = { ...settings, hiddenSize: 100 }
    const events = [...live, { type: 'modelLoaded', fileName: 'net.json', settings: model, testAccuracy: 0.97 } as LabEvent]
    assert.deepEqual(shown(replayed(events)).view.settings, model)
  })

  it('keeps a 1,000,000-iteration run whole, sent as one chunk', () => {
    const long: LabEvent[] = [live[0]!, { type: 'started', settings: { ...settings, iterations: 1_000_000 }, dataset: digits, iterationsPerEpoch: 600, backend: 'wasm-simd' }]
    for (let first = 0; first < 1_000_000; first += 2_500) long.push(losses(first, 2_500))
    const events = replayed(long)
    assert.deepEqual(events.map((e) => e.type), ['ready', 'started', 'progress'])
    const progress = events[2]!
    assert.equal(progress.type === 'progress' && progress.losses.length, 1_000_000)
    assert.equal(progress.type === 'progress' && progress.losses[999_999], Math.fround(2.3 / 1_000_000))
  })
})

describe("one owner of a run's losses in main: the replay reads the recorder's buffer", () => {
  const summary = { iterations: 750, seed: 42, finalLoss: 0.003, trainAccuracy: 0.9, testAccuracy: 0.89, msPerIteration: 0.3, totalSeconds: 1 }
  const endings: [string, LabEvent[]][] = [
    ['running', live],
    ['finished', [...live, { type: 'done', reason: 'completed', summary }]],
    ['failed', [...live, { type: 'failed', reason: 'the training worker crashed: boom', iteration: 749 }]],
    ['a second run started', [...live, { type: 'done', reason: 'stopped', summary }, { type: 'started', settings, dataset: idx, iterationsPerEpoch: 600, backend: 'wasm-simd' }, losses(0, 30)]],
  ]
  for (const [what, events] of endings) {
    it(`${what}: the same replay as a replay that kept its own copy`, () => {
      const { events: fromOwner } = replayedFromOwner(events)
      assert.deepEqual(fromOwner, replayed(events))
      assert.deepEqual(shown(fromOwner), shown(replayed(events)))
    })
  }

  it("the finished record's losses and the replay's are one buffer", () => {
    const recorder = new RunRecorder()
    const replay = new RendererReplay(() => recorder.losses)
    let record
    for (const event of [...live, { type: 'done', reason: 'completed', summary } as LabEvent]) {
      record = recorder.consume(event) ?? record
      replay.observe(event)
    }
    assert.ok(record && recorder.losses)
    assert.equal((record.losses as Float32Array).buffer, recorder.losses.view().buffer)
    const progress = replay.events().find((e) => e.type === 'progress')
    assert.ok(progress?.type === 'progress')
    assert.deepEqual(progress.losses, record.losses, 'the replay sends exactly what the record keeps')
  })
})
