/// <reference lib="dom" />
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { RunRecord } from '../../src-worker/protocol'
import { RUN_FORMAT, RUN_VERSION } from '../../src-worker/session/run-record'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { IDBFactory as FakeIDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { BrowserRunHistory, LEGACY_PREFIX, type KeyValueStorage } from './browser-runs'

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

function run(minute: number, losses: number[] = [2.25, 2.125]): RunRecord {
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

/** A history over a fresh fake IndexedDB (and a fake localStorage for the old format). */
function history(options: { legacy?: FakeStorage | (() => never); idb?: () => unknown } = {}) {
  const idb = new FakeIDBFactory()
  const legacy = options.legacy ?? new FakeStorage()
  const make = () => new BrowserRunHistory({ indexedDB: (options.idb as (() => IDBFactory | undefined) | undefined) ?? (() => idb as unknown as IDBFactory), legacy: typeof legacy === 'function' ? legacy : () => legacy })
  return { h: make(), reopen: make, legacy }
}

/** Makes every put in the fake IndexedDB throw like a full disk, for the duration of `body`. */
async function withQuotaFull<T>(body: () => Promise<T>): Promise<T> {
  const original = IDBObjectStore.prototype.put
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  }
  try {
    return await body()
  } finally {
    IDBObjectStore.prototype.put = original
  }
}

describe('browser edition run history (IndexedDB)', () => {
  it('gives runs back newest first, summaries only, and each run\'s losses on request', async () => {
    const { h } = history()
    for (const m of [1, 3, 2]) assert.equal(await h.save(run(m)), null)
    const { runs, corrupt, unkept } = await h.list()
    assert.deepEqual(runs.map((r) => r.startedAt.slice(11, 16)), ['10:03', '10:02', '10:01'])
    assert.deepEqual(runs.map((r) => r.losses.length), [0, 0, 0])
    assert.deepEqual(corrupt, [])
    assert.deepEqual(unkept, [])
    assert.deepEqual(Array.from(await h.losses(run(2).id)), [2.25, 2.125])
  })

  it('keeps every run: no cap, nothing dropped to make room (25 runs stay 25)', async () => {
    const { h, reopen } = history()
    for (let m = 0; m < 25; m++) await h.save(run(m))
    assert.equal((await reopen().list()).runs.length, 25)
  })

  it('keeps a 1,000,000-iteration run whole, as a Float32Array', async () => {
    const { h, reopen } = history()
    const losses = Array.from({ length: 1_000_000 }, (_, i) => Math.fround(2.3 / (1 + i / 1000)))
    await h.save(run(5, losses))
    const back = await reopen().losses(run(5).id)
    assert.ok(back instanceof Float32Array)
    assert.equal(back.length, 1_000_000)
    assert.equal(back[999_999], losses[999_999])
    assert.equal((await reopen().record(run(5).id)).losses.length, 1_000_000)
  })

  it('on a full quota keeps the run in memory, says why, deletes nothing, and still exports it whole', async () => {
    const { h } = history()
    await h.save(run(1))
    const reason = await withQuotaFull(() => h.save(run(2)))
    assert.match(reason ?? '', /run 2026-11-29T10-02-00-000Z-seed42 was not kept: the browser's storage for this site is full/)
    const { runs, unkept } = await h.list()
    assert.deepEqual(runs.map((r) => r.id), [run(2).id, run(1).id], 'the older stored run is still there')
    assert.deepEqual(unkept?.map((u) => u.id), [run(2).id])
    assert.deepEqual((await h.record(run(2).id)).losses, [2.25, 2.125])
  })

  it('with storage denied (no IndexedDB, or its getter throws) keeps runs in memory and says so', async () => {
    for (const idb of [() => undefined, () => { throw new DOMException('denied', 'SecurityError') }]) {
      const { h } = history({ idb })
      const reason = await h.save(run(1))
      assert.match(reason ?? '', /was not kept: the browser does not allow this site to store data/)
      const { runs, warnings, unkept } = await h.list()
      assert.equal(runs.length, 1)
      assert.equal(unkept?.length, 1)
      assert.match(warnings.join(' '), /the run history cannot be read: the browser does not allow/)
    }
  })

  it('lists a corrupt stored entry as corrupt, naming it, with the others intact, and deletes it on request', async () => {
    const { h } = history()
    await h.save(run(1))
    const idbFactory = (h as unknown as { options: { indexedDB: () => IDBFactory } }).options.indexedDB()
    await new Promise<void>((resolve, reject) => {
      const r = idbFactory.open('backprop-lab-runs')
      r.onsuccess = () => {
        const tx = r.result.transaction('summaries', 'readwrite')
        tx.objectStore('summaries').put({ id: 'broken-1', format: 'backprop-lab-run', version: 99 })
        tx.oncomplete = () => (r.result.close(), resolve())
        tx.onerror = () => reject(tx.error)
      }
    })
    const listed = await h.list()
    assert.deepEqual(listed.runs.map((r) => r.id), [run(1).id])
    assert.equal(listed.corrupt?.length, 1)
    assert.equal(listed.corrupt![0]!.id, 'broken-1')
    assert.match(listed.corrupt![0]!.reason, /stored run broken-1: version 99 is not supported/)
    await h.remove('broken-1')
    assert.deepEqual((await h.list()).corrupt, [])
    assert.equal((await h.list()).runs.length, 1)
  })

  it('migrates the old localStorage runs once, without losing any, and lists an unreadable one as corrupt', async () => {
    const legacy = new FakeStorage()
    legacy.setItem(LEGACY_PREFIX + run(1).id, JSON.stringify(run(1, [1.5, 1.25, 1])))
    legacy.setItem(LEGACY_PREFIX + run(2).id, JSON.stringify(run(2)))
    legacy.setItem(LEGACY_PREFIX + 'broken', '{"format":"backprop-lab-run"')
    legacy.setItem('backprop-lab.language', 'ko')
    const { h, reopen } = history({ legacy })
    const { runs, corrupt } = await h.list()
    assert.deepEqual(runs.map((r) => r.id), [run(2).id, run(1).id])
    assert.deepEqual(corrupt?.map((c) => c.id), ['broken'])
    assert.deepEqual(Array.from(await h.losses(run(1).id)), [1.5, 1.25, 1])
    assert.equal(legacy.getItem(LEGACY_PREFIX + run(1).id), null, 'moved, so not read twice')
    assert.notEqual(legacy.getItem(LEGACY_PREFIX + 'broken'), null, 'the unreadable one is left for the user to delete')
    assert.equal(legacy.getItem('backprop-lab.language'), 'ko')
    assert.equal((await reopen().list()).runs.length, 2)
  })

  it('leaves an old run in localStorage (and still lists it) when moving it fails', async () => {
    const legacy = new FakeStorage()
    legacy.setItem(LEGACY_PREFIX + run(1).id, JSON.stringify(run(1)))
    const { h } = history({ legacy })
    const listed = await withQuotaFull(() => h.list())
    assert.deepEqual(listed.runs.map((r) => r.id), [run(1).id])
    assert.match(listed.warnings.join(' '), /stays in the old storage: the browser's storage for this site is full/)
    assert.notEqual(legacy.getItem(LEGACY_PREFIX + run(1).id), null)
  })

  it('a blocked localStorage (a throwing getter) does not break the history', async () => {
    const { h } = history({ legacy: () => { throw new DOMException('blocked', 'SecurityError') } })
    assert.equal(await h.save(run(1)), null)
    assert.equal((await h.list()).runs.length, 1)
  })

  it('deletes only on a call to remove or clear; names and notes persist', async () => {
    const { h, reopen } = history()
    for (const m of [1, 2, 3]) await h.save(run(m))
    await h.label(run(2).id, { name: 'lr 0.1 baseline', note: 'the book\'s settings' })
    await h.remove(run(1).id)
    const after = await reopen().list()
    assert.deepEqual(after.runs.map((r) => r.id), [run(3).id, run(2).id])
    assert.equal(after.runs[1]!.name, 'lr 0.1 baseline')
    assert.equal(after.runs[1]!.note, "the book's settings")
    await assert.rejects(h.losses(run(1).id), /is not in this browser's history/)
    await reopen().clear()
    assert.deepEqual((await reopen().list()).runs, [])
  })

  it("keeps each run's final weights in the same transaction; a version-1 database opens with its runs and says they have none", async () => {
    const idb = new FakeIDBFactory()
    // the database as version 1 of the lab left it: two stores, one run
    await new Promise<void>((resolve, reject) => {
      const r = idb.open('backprop-lab-runs', 1)
      r.onupgradeneeded = () => {
        r.result.createObjectStore('summaries', { keyPath: 'id' })
        r.result.createObjectStore('losses', { keyPath: 'id' })
      }
      r.onsuccess = () => {
        const { losses, ...summary } = run(1)
        const tx = r.result.transaction(['summaries', 'losses'], 'readwrite')
        tx.objectStore('summaries').put({ ...summary, lossCount: losses.length })
        tx.objectStore('losses').put({ id: summary.id, losses: Float32Array.from(losses) })
        tx.oncomplete = () => (r.result.close(), resolve())
        tx.onerror = () => reject(tx.error)
      }
    })
    const make = () => new BrowserRunHistory({ indexedDB: () => idb as unknown as IDBFactory, legacy: () => null })
    const h = make()
    const model = { format: 'backprop-lab-model', version: 1, params: { b2: { shape: [10], values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] } } }
    assert.equal(await h.save({ ...run(2), model }), null)
    const { runs } = await make().list()
    assert.deepEqual(runs.map((r) => [r.id, r.hasModel]), [[run(2).id, true], [run(1).id, false]])
    assert.deepEqual(await make().model(run(2).id), model)
    await assert.rejects(make().model(run(1).id), /run 2026-11-29T10-01-00-000Z-seed42 has no weights kept/)
    assert.deepEqual(Array.from(await make().losses(run(1).id)), [2.25, 2.125], 'the older run is intact after the upgrade')
    await h.remove(run(2).id)
    await assert.rejects(make().model(run(2).id), /has no weights kept/, 'deleting a run deletes its weights')
  })

  it('an unkept run keeps its weights in memory too', async () => {
    const { h } = history({ idb: () => undefined })
    const model = { format: 'backprop-lab-model', version: 1 }
    assert.ok(await h.save({ ...run(3), model }))
    assert.deepEqual(await h.model(run(3).id), model)
    const listed = (await h.list()).runs[0]!
    assert.equal(listed.hasModel, true)
    assert.equal(listed.model, undefined, 'listing sends no weights')
  })
})
