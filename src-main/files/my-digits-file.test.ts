import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MyDigit } from '../../src-worker/protocol'
import { MyDigitsFile } from './my-digits-file'

const digit = (id: string, label: number): MyDigit => ({ id, label, keptAt: '2026-12-03T07:00:00.000Z', pixels: new Uint8Array(784).fill(label) })
let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'bpl-digits-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('My digits on the desktop: <userData>/my-digits.json', () => {
  it('a missing file is an empty list; a saved list comes back as it was', async () => {
    const file = new MyDigitsFile(join(dir, 'sub', 'my-digits.json'))
    assert.deepEqual(await file.list(), { digits: [], warning: null })
    await file.save([digit('a', 4)])
    assert.deepEqual(await file.list(), { digits: [digit('a', 4)], warning: null })
  })

  it('an unreadable file is reported, not overwritten: the next save moves it aside first', async () => {
    const path = join(dir, 'my-digits.json')
    await writeFile(path, '{"format": "backprop-lab-my-digits", "version": 1, "digits": [tru')
    const file = new MyDigitsFile(path)
    const listed = await file.list()
    assert.deepEqual(listed.digits, [])
    assert.match(listed.warning!, /my-digits\.json could not be read \(not JSON: .*\); it is kept as it is/)
    await file.save([digit('b', 2)])
    const aside = (await readdir(dir)).filter((n) => n.startsWith('my-digits.unreadable-'))
    assert.equal(aside.length, 1)
    assert.match(await readFile(join(dir, aside[0]!), 'utf8'), /\[tru$/)
    assert.deepEqual((await file.list()).digits, [digit('b', 2)])
  })

  it('a file over the size limit is refused by its size, before parsing', async () => {
    const path = join(dir, 'my-digits.json')
    await writeFile(path, Buffer.alloc(41 * 1024 * 1024, 0x20))
    assert.match((await new MyDigitsFile(path).list()).warning!, /it is 43\.0 MB, over the 41 MB limit/)
  })
})
