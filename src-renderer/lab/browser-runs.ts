/// <reference lib="dom" />
// The browser edition's run history, in IndexedDB: a 'summaries' store (the run record without its losses),
// a 'losses' store (every iteration's loss as a Float32Array) and, since version 2, a 'models' store (the
// run's final weights as a model file, #12 item 4), all written in one transaction per run. Opening a
// version-1 database adds the 'models' store and touches nothing else: its runs list as having no weights.
// Nothing is ever deleted to make room. A run the browser refuses to keep (quota, storage denied, write
// error) stays in memory, listed as not kept, so the Runs pane can offer its CSV and JSON right there.
// The old localStorage entries (one JSON record per key) are moved over once, each removed only after its
// IndexedDB transaction completed.
import type { RunListing, RunRecord } from '../../src-worker/protocol'
import { parseRunRecord } from '../../src-worker/session/run-record'

/** The part of the Web Storage API the migration reads (localStorage in the browser; a fake in tests). */
export interface KeyValueStorage {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The old localStorage format's key prefix. */
export const LEGACY_PREFIX = 'backprop-lab:run:'
export const DB_NAME = 'backprop-lab-runs'
const DB_VERSION = 2
const SUMMARIES = 'summaries'
const LOSSES = 'losses'
const MODELS = 'models'

/** A stored summary: the run record without its losses. */
type StoredSummary = Omit<RunRecord, 'losses' | 'model'> & { lossCount: number }

/** The problem in plain words: a quota, a denial or another error. */
export function storageProblem(error: unknown): string {
  const e = error as { name?: string; message?: string } | null
  const name = e?.name ?? ''
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full"
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') return 'the browser does not allow this site to store data (private mode or site settings)'
  return `the browser's storage failed (${e?.message || name || String(error)})`
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new DOMException('the transaction was aborted', 'AbortError'))
  })
}

function toFloat32(losses: ArrayLike<number>): Float32Array {
  if (losses instanceof Float32Array) return losses
  const out = new Float32Array(losses.length)
  for (let i = 0; i < losses.length; i++) out[i] = losses[i]!
  return out
}

function summaryOf(record: RunRecord): StoredSummary {
  const { losses, model, ...rest } = record
  return { ...rest, lossCount: losses.length, hasModel: model !== undefined }
}

/** A summary read back: checked like a run file, with its name and note. */
function readSummary(raw: unknown, key: string): RunRecord {
  const record = parseRunRecord({ ...(raw as object), losses: [] }, `stored run ${key}`)
  const r = raw as { name?: unknown; note?: unknown; hasModel?: unknown }
  if (typeof r.name === 'string' && r.name) record.name = r.name
  if (typeof r.note === 'string' && r.note) record.note = r.note
  record.hasModel = r.hasModel === true
  return record
}

export interface BrowserRunHistoryOptions {
  /** indexedDB; undefined or a throwing getter means storage is denied */
  indexedDB: () => IDBFactory | undefined
  /** localStorage, for the one-time migration; may throw (blocked storage) */
  legacy: () => KeyValueStorage | null | undefined
  dbName?: string
}

export class BrowserRunHistory {
  /** runs that could not be kept, with why */
  private readonly unkept = new Map<string, { record: RunRecord; reason: string }>()
  private db: Promise<IDBDatabase> | null = null
  /** why the database cannot be used, once known */
  private denied: string | null = null
  private migration: Promise<string[]> | null = null

  constructor(private readonly options: BrowserRunHistoryOptions) {}

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db
    this.db = new Promise<IDBDatabase>((resolve, reject) => {
      let factory: IDBFactory | undefined
      try {
        factory = this.options.indexedDB()
      } catch (error) {
        return reject(error)
      }
      if (!factory) return reject(new DOMException('IndexedDB is not available', 'SecurityError'))
      let r: IDBOpenDBRequest
      try {
        r = factory.open(this.options.dbName ?? DB_NAME, DB_VERSION)
      } catch (error) {
        return reject(error)
      }
      r.onupgradeneeded = () => {
        const db = r.result
        if (!db.objectStoreNames.contains(SUMMARIES)) db.createObjectStore(SUMMARIES, { keyPath: 'id' })
        if (!db.objectStoreNames.contains(LOSSES)) db.createObjectStore(LOSSES, { keyPath: 'id' })
        if (!db.objectStoreNames.contains(MODELS)) db.createObjectStore(MODELS, { keyPath: 'id' })
      }
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
      r.onblocked = () => reject(new DOMException('another tab holds an older version of the run history open', 'InvalidStateError'))
    }).catch((error: unknown) => {
      this.denied = storageProblem(error)
      throw error
    })
    return this.db
  }

  /** Moves the old localStorage runs over, once; returns warnings for entries left where they were. */
  private migrate(db: IDBDatabase): Promise<string[]> {
    this.migration ??= (async () => {
      const warnings: string[] = []
      let legacy: KeyValueStorage | null | undefined
      const keys: string[] = []
      try {
        legacy = this.options.legacy()
        if (!legacy) return warnings
        for (let i = 0; i < legacy.length; i++) {
          const key = legacy.key(i)
          if (key?.startsWith(LEGACY_PREFIX)) keys.push(key)
        }
      } catch {
        return warnings // localStorage blocked: nothing to move
      }
      for (const key of keys) {
        let record: RunRecord
        try {
          record = parseRunRecord(JSON.parse(legacy.getItem(key) ?? 'null'), `stored run ${key.slice(LEGACY_PREFIX.length)}`)
        } catch {
          continue // listed as corrupt by list(), where the user can delete it
        }
        try {
          await this.write(db, record)
          legacy.removeItem(key)
        } catch (error) {
          warnings.push(`run ${record.id} stays in the old storage: ${storageProblem(error)}`)
        }
      }
      return warnings
    })()
    return this.migration
  }

  private async write(db: IDBDatabase, record: RunRecord): Promise<void> {
    const tx = db.transaction([SUMMARIES, LOSSES, MODELS], 'readwrite')
    const finished = done(tx)
    try {
      tx.objectStore(SUMMARIES).put(summaryOf(record))
      tx.objectStore(LOSSES).put({ id: record.id, losses: toFloat32(record.losses) })
      if (record.model !== undefined) tx.objectStore(MODELS).put({ id: record.id, model: record.model })
    } catch (error) {
      try {
        tx.abort()
      } catch {
        // already finished
      }
      finished.catch(() => {})
      throw error
    }
    await finished
  }

  /** Keeps a finished run. Resolves to null, or to the reason it was not kept (it is then held in memory). */
  async save(record: RunRecord): Promise<string | null> {
    try {
      const db = await this.open()
      await this.write(db, record)
      this.unkept.delete(record.id)
      return null
    } catch (error) {
      const reason = `run ${record.id} was not kept: ${this.denied ?? storageProblem(error)}. It stays in this tab until you close it: export it now.`
      this.unkept.set(record.id, { record, reason })
      return reason
    }
  }

  /** Every run, newest first: stored ones without their losses, unkept ones whole; unreadable ones as corrupt. */
  async list(): Promise<RunListing> {
    const runs: RunRecord[] = []
    const warnings: string[] = []
    const corrupt: { id: string; reason: string }[] = []
    try {
      const db = await this.open()
      warnings.push(...(await this.migrate(db)))
      const tx = db.transaction(SUMMARIES, 'readonly')
      const [keys, values] = await Promise.all([request(tx.objectStore(SUMMARIES).getAllKeys()), request(tx.objectStore(SUMMARIES).getAll())])
      values.forEach((raw, i) => {
        const key = String(keys[i])
        try {
          runs.push(readSummary(raw, key))
        } catch (error) {
          corrupt.push({ id: key, reason: (error as Error).message })
        }
      })
    } catch (error) {
      warnings.push(`the run history cannot be read: ${this.denied ?? storageProblem(error)}`)
    }
    // old entries not moved (unreadable, or the move failed) are listed too, never dropped
    try {
      const legacy = this.options.legacy()
      for (let i = 0; legacy && i < legacy.length; i++) {
        const key = legacy.key(i)
        if (!key?.startsWith(LEGACY_PREFIX)) continue
        const id = key.slice(LEGACY_PREFIX.length)
        try {
          const record = parseRunRecord(JSON.parse(legacy.getItem(key) ?? 'null'), `stored run ${id}`)
          if (!runs.some((r) => r.id === record.id)) runs.push(record)
        } catch (error) {
          corrupt.push({ id, reason: (error as Error).message })
        }
      }
    } catch {
      // localStorage blocked: nothing of the old format can be read
    }
    for (const { record } of this.unkept.values()) {
      if (!runs.some((r) => r.id === record.id)) runs.push({ ...record, losses: [], model: undefined, hasModel: record.model !== undefined })
    }
    runs.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    return { runs, warnings, corrupt, unkept: [...this.unkept.entries()].map(([id, u]) => ({ id, reason: u.reason })) }
  }

  /** Every loss of a run. */
  async losses(id: string): Promise<Float32Array> {
    const held = this.unkept.get(id)
    if (held) return toFloat32(held.record.losses)
    const legacy = this.legacyRecord(id)
    if (legacy) return toFloat32(legacy.losses)
    const db = await this.open()
    const row = (await request(db.transaction(LOSSES, 'readonly').objectStore(LOSSES).get(id))) as { losses?: unknown } | undefined
    if (!row) throw new Error(`run ${id} is not in this browser's history`)
    if (!(row.losses instanceof Float32Array)) throw new Error(`stored run ${id}: its losses cannot be read`)
    return row.losses
  }

  /** A run's final weights as a model file; older runs have none, and say so. */
  async model(id: string): Promise<unknown> {
    const held = this.unkept.get(id)
    if (held?.record.model !== undefined) return held.record.model
    const none = new Error(`run ${id} has no weights kept: it finished before the lab kept each run's weights, or no iteration ran`)
    if (held || this.legacyRecord(id)) throw none
    const db = await this.open()
    const row = (await request(db.transaction(MODELS, 'readonly').objectStore(MODELS).get(id))) as { model?: unknown } | undefined
    if (row?.model === undefined) throw none
    return row.model
  }

  /** A whole run (summary and losses), for export. */
  async record(id: string): Promise<RunRecord> {
    const held = this.unkept.get(id)
    if (held) return held.record
    const legacy = this.legacyRecord(id)
    if (legacy) return legacy
    const db = await this.open()
    const raw = await request(db.transaction(SUMMARIES, 'readonly').objectStore(SUMMARIES).get(id))
    if (!raw) throw new Error(`run ${id} is not in this browser's history`)
    const record = readSummary(raw, id)
    record.losses = Array.from(await this.losses(id))
    return record
  }

  private legacyRecord(id: string): RunRecord | null {
    try {
      const text = this.options.legacy()?.getItem(LEGACY_PREFIX + id)
      return text ? parseRunRecord(JSON.parse(text), `stored run ${id}`) : null
    } catch {
      return null
    }
  }

  /** Deletes one run (stored, old-format, corrupt or unkept): the only way anything leaves the history. */
  async remove(id: string): Promise<void> {
    this.unkept.delete(id)
    try {
      this.options.legacy()?.removeItem(LEGACY_PREFIX + id)
    } catch {
      // blocked localStorage holds nothing of ours
    }
    if (this.denied) return
    const db = await this.open()
    const tx = db.transaction([SUMMARIES, LOSSES, MODELS], 'readwrite')
    tx.objectStore(SUMMARIES).delete(id)
    tx.objectStore(LOSSES).delete(id)
    tx.objectStore(MODELS).delete(id)
    await done(tx)
  }

  /** Sets a run's name and note. */
  async label(id: string, label: { name: string; note: string }): Promise<void> {
    const held = this.unkept.get(id)
    if (held) {
      held.record.name = label.name
      held.record.note = label.note
      return
    }
    const db = await this.open()
    await this.migrate(db)
    const tx = db.transaction(SUMMARIES, 'readwrite')
    const store = tx.objectStore(SUMMARIES)
    const raw = (await request(store.get(id))) as StoredSummary | undefined
    if (!raw) throw new Error(`run ${id} is not in this browser's history`)
    store.put({ ...raw, name: label.name, note: label.note })
    await done(tx)
  }

  /** Deletes every run (the user asked for it). */
  async clear(): Promise<void> {
    const { runs, corrupt } = await this.list()
    for (const id of [...runs.map((r) => r.id), ...(corrupt ?? []).map((c) => c.id)]) await this.remove(id)
  }
}
