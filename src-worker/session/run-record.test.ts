import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { DatasetInfo, LabEvent, RunRecord } from '../protocol'
import { BOOK_SETTINGS } from './validate'
import { parseRunRecord, RunRecorder, runToCsv, runToJson } from './run-record'

const dataset: DatasetInfo = { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 }
const settings = { ...BOOK_SETTINGS, iterations: 5 }
const summary = { iterations: 5, seed: 42, finalLoss: 1.5, trainAccuracy: 0.5, testAccuracy: 0.45, msPerIteration: 1, totalSeconds: 0.1 }

/** A 5-iteration run as the worker streams it: two progress chunks, epochs at 0 and 4. */
function runEvents(): LabEvent[] {
  return [
    { type: 'started', settings, dataset, iterationsPerEpoch: 4, backend: 'reference' },
    { type: 'epoch', epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.09 },
    { type: 'progress', firstIteration: 0, losses: new Float32Array([2.3, 2.2, 2.0]) },
    { type: 'progress', firstIteration: 3, losses: new Float32Array([1.75, 1.5]) },
    { type: 'epoch', epoch: 1, iteration: 4, trainAccuracy: 0.5, testAccuracy: 0.45 },
    { type: 'done', reason: 'completed', summary },
  ]
}

function record(): RunRecord {
  let clock = Date.parse('2026-11-29T10:00:00.000Z')
  const recorder = new RunRecorder(() => new Date((clock += 1000)))
  const results = runEvents().map((e) => recorder.consume(e))
  const finished = results.at(-1)
  assert.ok(finished, 'done must yield a record')
  return finished
}

describe('RunRecorder keeps 5.7.4 train_loss_list and the accuracy lists', () => {
  it('returns a record only on done, with every iteration loss in order', () => {
    const r = record()
    assert.ok(r.losses instanceof Float32Array, 'kept as float32, as the worker sent them')
    assert.deepEqual(Array.from(r.losses), [2.3, 2.2, 2.0, 1.75, 1.5].map(Math.fround))
    assert.equal(r.epochs.length, 2)
    assert.equal(r.reason, 'completed')
    assert.match(r.id, /^[A-Za-z0-9-]+$/)
    assert.ok(r.finishedAt > r.startedAt)
  })

  it("one owner: the finished record's losses are a view of the recorder's log, which stays readable until the next start", () => {
    const recorder = new RunRecorder()
    let finished: RunRecord | undefined
    for (const e of runEvents()) finished = recorder.consume(e) ?? finished
    assert.ok(finished && recorder.losses)
    assert.equal((finished.losses as Float32Array).buffer, recorder.losses.view().buffer, 'no second copy')
    const first = recorder.losses
    recorder.consume(runEvents()[0]!)
    assert.notEqual(recorder.losses, first, 'a new run gets a new buffer, so the finished record is never overwritten')
    assert.deepEqual(Array.from(finished.losses), [2.3, 2.2, 2.0, 1.75, 1.5].map(Math.fround))
  })

  it('keeps a run whose worker went away as stopped, with the iterations whose losses came and no weights', () => {
    let clock = Date.parse('2026-11-29T10:00:00.000Z')
    const recorder = new RunRecorder(() => new Date((clock += 2000)))
    for (const e of runEvents().slice(0, 3)) recorder.consume(e)
    assert.equal(recorder.iterationsSoFar, 3)
    const kept = recorder.consume({ type: 'failed', reason: 'the training worker stopped answering', iteration: 3 })
    assert.ok(kept)
    assert.equal(kept.reason, 'stopped')
    assert.deepEqual(Array.from(kept.losses), [2.3, 2.2, 2.0].map(Math.fround))
    assert.deepEqual(
      { ...kept.summary },
      { iterations: 3, seed: 42, finalLoss: Math.fround(2.0), trainAccuracy: 0.1, testAccuracy: 0.09, msPerIteration: (2 * 1000) / 3, totalSeconds: 2 },
    )
    assert.equal(kept.model, undefined, 'its weights died with the worker')
    assert.equal(recorder.iterationsSoFar, undefined)
    assert.equal(recorder.consume({ type: 'done', reason: 'stopped', summary }), undefined, 'nothing left open')
    assert.deepEqual(parseRunRecord(JSON.parse(runToJson(kept)), 'kept.json').summary, kept.summary, 'it is a valid run file')
  })

  it('a diverged run is kept up to its last finite loss, so its file can be written and read back', () => {
    const recorder = new RunRecorder()
    for (const e of runEvents().slice(0, 3)) recorder.consume(e)
    recorder.consume({ type: 'progress', firstIteration: 3, losses: new Float32Array([3e7, Number.NaN]) })
    const kept = recorder.consume({ type: 'failed', reason: 'loss became NaN at iteration 4', iteration: 4 })
    assert.ok(kept)
    assert.deepEqual(Array.from(kept.losses), [2.3, 2.2, 2.0, 3e7].map(Math.fround))
    assert.equal(kept.summary.iterations, 4)
    assert.doesNotThrow(() => parseRunRecord(JSON.parse(runToJson(kept)), 'diverged.json'))
  })

  it('a failure with no run going keeps nothing', () => {
    assert.equal(new RunRecorder().consume({ type: 'failed', reason: 'the lab could not start' }), undefined)
  })
})

describe('parseRunRecord', () => {
  it('accepts a record that went through JSON and gives it back unchanged', () => {
    const r = record()
    assert.deepEqual(parseRunRecord(JSON.parse(runToJson(r)), 'run.json'), { ...r, losses: Array.from(r.losses) })
  })

  const bad: [string, (r: Record<string, unknown>) => unknown, RegExp][] = [
    ['a non-object', () => [1, 2], /run\.json: the run record must be an object, got an array/],
    ['another format', (r) => ({ ...r, format: 'backprop-lab-model' }), /format must be "backprop-lab-run"/],
    ['a future version', (r) => ({ ...r, version: 2 }), /version 2 is not supported/],
    ['a missing field', (r) => ({ ...r, summary: undefined, losses: r.losses }), /summary must be an object/],
    ['a deleted field', ({ epochs: _e, ...r }) => r, /field epochs is missing/],
    ['a null loss (NaN in JSON)', (r) => ({ ...r, losses: [1, null] }), /losses\[1\] must be a finite number, got null/],
    ['an unsafe id', (r) => ({ ...r, id: '../../etc' }), /id must use only letters/],
    ['bad settings', (r) => ({ ...r, settings: { ...(r.settings as object), learningRate: -1 } }), /settings\.learningRate must be/],
    ['a bad date', (r) => ({ ...r, startedAt: 'yesterday' }), /startedAt must be an ISO 8601 date/],
  ]
  for (const [what, mutate, message] of bad) {
    it(`rejects ${what}, naming the file and the field`, () => {
      const raw = mutate(JSON.parse(runToJson(record())))
      assert.throws(() => parseRunRecord(raw, 'run.json'), message)
    })
  }
})

describe('runToCsv', () => {
  it('writes a header and one row per iteration, accuracies on the evaluated rows only', () => {
    const lines = runToCsv(record()).trimEnd().split('\n')
    assert.equal(lines[0], 'iteration,loss,trainAccuracy,testAccuracy')
    assert.equal(lines.length, 1 + 5)
    assert.equal(lines[1], `0,${Math.fround(2.3)},0.1,0.09`)
    assert.equal(lines[2], `1,${Math.fround(2.2)},,`)
    assert.equal(lines[5], '4,1.5,0.5,0.45')
  })
})
