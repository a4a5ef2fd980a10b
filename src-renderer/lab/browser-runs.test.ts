import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { RunRecord } from '../../src-worker/protocol'
import { RUN_FORMAT, RUN_VERSION } from '../../src-worker/session/run-record'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { KEEP, loadRuns, saveRun, type KeyValueStorage } from './browser-runs'

/** An in-memory Web Storage; setItem throws like a full localStorage once `capacity` characters are used. */
class FakeStorage implements KeyValueStorage {
  private readonly map = new Map<string, string>()
  constructor(private readonly capacity = Infinity) {}
  get length() {
    return this.map.size
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null
  }
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  setItem(key: string, value: string) {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0)
    if (used + value.length > this.capacity) throw new Error('QuotaExceededError')
    this.map.set(key, value)
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
}

function run(minute: number, losses = [2.3, 2.1]): RunRecord {
  const startedAt = `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z`
  return {
    format: RUN_FORMAT, version: RUN_VERSION, id: `2026-11-29T10-${String(minute).padStart(2, '0')}-00-000Z-seed42`,
    startedAt, finishedAt: startedAt, settings: { ...BOOK_SETTINGS, iterations: losses.length },
    dataset: { kind: 'default', name: 'mnist package', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 },
    backend: 'test', reason: 'completed',
    summary: { iterations: losses.length, seed: 42, finalLoss: 2.1, trainAccuracy: 0.2, testAccuracy: 0.2, msPerIteration: 1, totalSeconds: 1 },
    losses, epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }],
  }
}

describe('browser edition run history (localStorage)', () => {
  it('gives runs back newest first, as listRuns promises', () => {
    const storage = new FakeStorage()
    saveRun(run(1), storage)
    saveRun(run(3), storage)
    saveRun(run(2), storage)
    assert.deepEqual(loadRuns(storage).runs.map((r) => r.startedAt.slice(11, 16)), ['10:03', '10:02', '10:01'])
  })

  it(`keeps only the newest ${KEEP} runs`, () => {
    const storage = new FakeStorage()
    for (let m = 0; m < KEEP + 3; m++) saveRun(run(m), storage)
    const { runs } = loadRuns(storage)
    assert.equal(runs.length, KEEP)
    assert.equal(runs.at(-1)?.startedAt.slice(11, 16), '10:03')
  })

  it('makes room in a full storage by dropping the oldest runs', () => {
    const storage = new FakeStorage(JSON.stringify(run(0)).length * 2 + 10)
    saveRun(run(0), storage)
    saveRun(run(1), storage)
    const warning = saveRun(run(2), storage)
    assert.equal(warning, null)
    assert.deepEqual(loadRuns(storage).runs.map((r) => r.startedAt.slice(11, 16)), ['10:02', '10:01'])
  })

  it('says so when a run cannot be kept even in an empty storage', () => {
    const warning = saveRun(run(0), new FakeStorage(10))
    assert.match(warning ?? '', /run 2026-11-29T10-00-00-000Z-seed42 was not kept: browser storage is full/)
  })

  it('skips an unreadable entry with a warning naming it, and still loads the others', () => {
    const storage = new FakeStorage()
    saveRun(run(1), storage)
    storage.setItem('backprop-lab:run:broken', '{"format":"backprop-lab-run"')
    const { runs, warnings } = loadRuns(storage)
    assert.equal(runs.length, 1)
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!, /^skipped stored run broken: /)
  })
})
