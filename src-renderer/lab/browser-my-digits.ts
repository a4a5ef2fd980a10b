// My digits in the browser edition: one IndexedDB record holding the whole list (so a save is one
// transaction: all of it or none). A record that cannot be read is never overwritten: the next save moves it
// to a key of its own first, and the user is told.
import type { MyDigit } from '../../src-worker/protocol'
import { parseMyDigits } from '../../src-worker/data/my-digits'

const DB = 'backprop-lab-my-digits'
const STORE = 'digits'
const KEY = 'mine'

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
  })
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const r = factory.open(DB, 1)
  r.onupgradeneeded = () => r.result.createObjectStore(STORE)
  return request(r)
}

/** What went wrong, in the user's words: the browser's own storage message kept in brackets. */
function storageProblem(action: string, error: unknown): Error {
  const name = (error as { name?: string } | null)?.name
  const why =
    name === 'QuotaExceededError' ? 'the browser has no more room for this site'
    : name === 'SecurityError' || name === 'InvalidStateError' ? 'the browser does not allow this site to store data (private mode or a blocked site?)'
    : 'the browser refused'
  return new Error(`your digits could not be ${action}: ${why} (${(error as Error)?.message ?? String(error)})`)
}

export class BrowserMyDigits {
  constructor(private readonly factory: () => IDBFactory = () => indexedDB) {}

  async list(): Promise<{ digits: MyDigit[]; warning: string | null }> {
    let db: IDBDatabase
    try {
      db = await open(this.factory())
    } catch (error) {
      return { digits: [], warning: storageProblem('read', error).message }
    }
    try {
      const raw = await request(db.transaction(STORE).objectStore(STORE).get(KEY))
      if (raw === undefined) return { digits: [], warning: null }
      try {
        return { digits: parseMyDigits(raw, 'the stored digits'), warning: null }
      } catch (error) {
        return { digits: [], warning: `${(error as Error).message}; they are kept as they are, and the next digit you keep moves them aside` }
      }
    } catch (error) {
      return { digits: [], warning: storageProblem('read', error).message }
    } finally {
      db.close()
    }
  }

  async save(digits: MyDigit[]): Promise<void> {
    const checked = parseMyDigits(digits)
    let db: IDBDatabase
    try {
      db = await open(this.factory())
    } catch (error) {
      throw storageProblem('kept', error)
    }
    try {
      const tx = db.transaction(STORE, 'readwrite')
      const store = tx.objectStore(STORE)
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'))
        tx.onerror = () => reject(tx.error ?? new Error('the transaction failed'))
      })
      const old = store.get(KEY)
      old.onsuccess = () => {
        if (old.result !== undefined) {
          try {
            parseMyDigits(old.result)
          } catch {
            store.put(old.result, `unreadable-${new Date().toISOString()}`) // kept aside, never dropped
          }
        }
        store.put(checked, KEY)
      }
      await done
    } catch (error) {
      throw storageProblem('kept', error)
    } finally {
      db.close()
    }
  }
}
