import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'fflate'
import { findIdxFile, loadIdxFolder } from './idx-folder'
import { goodIdxFiles, idxImages } from '../data/idx-fixtures'

let root: string
before(() => {
  root = mkdtempSync(join(tmpdir(), 'idx-folder-'))
})
after(() => rmSync(root, { recursive: true, force: true }))

/** Writes the four good files into a new folder, with the names given by `rename`. */
function folder(name: string, gzip: boolean, rename: (n: string) => string | null = (n) => n): string {
  const dir = join(root, name)
  mkdirSync(dir)
  for (const file of Object.values(goodIdxFiles(gzip))) {
    const target = rename(file.name)
    if (target) writeFileSync(join(dir, target), file.bytes)
  }
  return dir
}

describe('IDX folder import', () => {
  it('loads the four raw files and reports full-MNIST expectations (0.97)', async () => {
    const { split, info } = await loadIdxFolder(folder('raw', false))
    assert.deepEqual([split.train.count, split.test.count], [12, 5])
    assert.deepEqual([info.kind, info.trainSize, info.expectedTestAccuracy], ['idx', 12, 0.97])
  })

  it('loads .gz files', async () => {
    const { split } = await loadIdxFolder(folder('gz', true))
    assert.equal(split.train.count, 12)
  })

  it('accepts the common train-images.idx3-ubyte spelling', async () => {
    const { split } = await loadIdxFolder(folder('dots', false, (n) => n.replace('-idx', '.idx')))
    assert.equal(split.test.count, 5)
  })

  it('prefers the raw file when both raw and .gz are present', () => {
    assert.equal(findIdxFile(['t10k-images-idx3-ubyte.gz', 't10k-images-idx3-ubyte'], 't10k-images-idx3-ubyte'), 't10k-images-idx3-ubyte')
  })

  it('rejects a missing folder, naming it', async () => {
    await assert.rejects(loadIdxFolder(join(root, 'nope')), /folder .*nope does not exist/)
  })

  it('rejects an empty folder, listing the files it expects', async () => {
    const dir = join(root, 'empty')
    mkdirSync(dir)
    await assert.rejects(loadIdxFolder(dir), /empty\/? ?.*is empty; expected .*train-images-idx3-ubyte\[\.gz\]/)
  })

  it('rejects a folder lacking one file, naming exactly that file', async () => {
    const dir = folder('missing', false, (n) => (n.startsWith('t10k-labels') ? null : n))
    await assert.rejects(loadIdxFolder(dir), /lacks t10k-labels-idx1-ubyte\[\.gz\] \(it holds: /)
  })

  it('passes on a bad file’s error naming the file', async () => {
    const dir = folder('bad', false)
    writeFileSync(join(dir, 'train-images-idx3-ubyte'), gzipSync(idxImages({ count: 12, rows: 20, cols: 20 })))
    await assert.rejects(loadIdxFolder(dir), /train-images-idx3-ubyte: images are 20×20, expected 28×28/)
  })
})
