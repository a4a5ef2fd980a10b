import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { IDBFactory } from 'fake-indexeddb'
import type { MyDigit } from '../../src-worker/protocol'
import { BrowserMyDigits } from './browser-my-digits'

const digit = (id: string, label: number): MyDigit => ({ id, label, keptAt: '2026-12-03T07:00:00.000Z', pixels: new Uint8Array(784).fill(label) })

/** every key and value in the store, read behind the adapter's back */
async function rawEntries(factory: IDBFactory): Promise<Map<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = factory.open('backprop-lab-my-digits', 1)
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const store = db.transaction('digits').objectStore('digits')
  const [keys, values] = await Promise.all(
    [store.getAllKeys(), store.getAll()].map((r) => new Promise<unknown[]>((resolve) => (r.onsuccess = () => resolve(r.result as unknown[])))),
  )
  db.close()
  return new Map(keys!.map((k, i) => [String(k), values![i]]))
}

describe('My digits in the browser edition (IndexedDB)', () => {
  it('lists nothing at first, then exactly what was saved, across instances (a reload)', async () => {
    const factory = new IDBFactory()
    assert.deepEqual(await new BrowserMyDigits(() => factory).list(), { digits: [], warning: null })
    await new BrowserMyDigits(() => factory).save([digit('a', 1), digit('b', 2)])
    const { digits, warning } = await new BrowserMyDigits(() => factory).list()
    assert.equal(warning, null)
    assert.deepEqual(digits, [digit('a', 1), digit('b', 2)])
  })

  it('a stored record that cannot be read is reported, and kept aside (never dropped) by the next save', async () => {
    const factory = new IDBFactory()
    const store = new BrowserMyDigits(() => factory)
    await store.save([digit('a', 1)])
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open('backprop-lab-my-digits', 1)
      r.onsuccess = () => resolve(r.result)
    })
    await new Promise((resolve) => {
      const tx = db.transaction('digits', 'readwrite')
      tx.objectStore('digits').put([{ id: 'a', label: 'seven' }], 'mine')
      tx.oncomplete = resolve
    })
    db.close()
    const listed = await store.list()
    assert.deepEqual(listed.digits, [])
    assert.match(listed.warning!, /label must be a digit 0–9, got "seven".*kept as they are/)
    await store.save([digit('c', 3)])
    const entries = await rawEntries(factory)
    assert.deepEqual((await store.list()).digits, [digit('c', 3)])
    const aside = [...entries.keys()].filter((k) => k.startsWith('unreadable-'))
    assert.equal(aside.length, 1)
    assert.deepEqual(entries.get(aside[0]!), [{ id: 'a', label: 'seven' }])
  })

  it('storage denied: the list says why, and a save rejects with the reason in the user’s words', async () => {
    const denied = () =>
      ({
        open() {
          throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' })
        },
      }) as unknown as IDBFactory
    const store = new BrowserMyDigits(denied)
    const listed = await store.list()
    assert.match(listed.warning!, /could not be read: the browser does not allow this site to store data/)
    await assert.rejects(store.save([digit('a', 1)]), /your digits could not be kept: the browser does not allow this site to store data/)
  })

  it('refuses a bad list before touching storage', async () => {
    const factory = new IDBFactory()
    const store = new BrowserMyDigits(() => factory)
    await store.save([digit('a', 1)])
    await assert.rejects(store.save([{ ...digit('b', 1), label: -1 }]), /label must be a digit 0–9, got -1/)
    assert.deepEqual((await store.list()).digits, [digit('a', 1)])
  })
})
