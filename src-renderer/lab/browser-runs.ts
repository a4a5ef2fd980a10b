// The browser edition's run history: one localStorage entry per finished run (the desktop keeps files).
import type { RunRecord } from '../../src-worker/protocol'
import { parseRunRecord } from '../../src-worker/session/run-record'

/** The part of the Web Storage API used here (localStorage in the browser; a fake in tests). */
export interface KeyValueStorage {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const PREFIX = 'backprop-lab:run:'
/** Oldest runs are dropped beyond this many (a 10,000-iteration run is ~200 kB of JSON). */
export const KEEP = 20

/** Stores a finished run; on a full storage drops the oldest runs first. Returns a warning or null. */
export function saveRun(record: RunRecord, storage: KeyValueStorage): string | null {
  const text = JSON.stringify(record)
  for (;;) {
    try {
      storage.setItem(PREFIX + record.id, text)
      break
    } catch {
      const keys = runKeys(storage)
      const oldest = keys.find((key) => key !== PREFIX + record.id)
      if (!oldest) return `run ${record.id} was not kept: browser storage is full`
      storage.removeItem(oldest)
    }
  }
  for (const key of runKeys(storage).slice(0, -KEEP)) storage.removeItem(key)
  return null
}

/** Finished runs, newest first; unreadable entries are skipped with a warning naming them. */
export function loadRuns(storage: KeyValueStorage): { runs: RunRecord[]; warnings: string[] } {
  const runs: RunRecord[] = []
  const warnings: string[] = []
  for (const key of runKeys(storage).reverse()) {
    try {
      runs.push(parseRunRecord(JSON.parse(storage.getItem(key) ?? 'null'), key.slice(PREFIX.length)))
    } catch (error) {
      warnings.push(`skipped stored run ${key.slice(PREFIX.length)}: ${(error as Error).message}`)
    }
  }
  return { runs, warnings }
}

/** Keys of stored runs, oldest first (ids start with the ISO start time). */
function runKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(PREFIX)) keys.push(key)
  }
  return keys.sort()
}
