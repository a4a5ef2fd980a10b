import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'fflate'
import { loadIdxFolder } from './idx-folder'
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

  it('refuses a raw file beside its .gz, naming both (the browser follows the same rule)', async () => {
    const dir = folder('both', false)
    writeFileSync(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(idxImages({ count: 5 })))
    await assert.rejects(loadIdxFolder(dir), /folder .*both holds both t10k-images-idx3-ubyte and t10k-images-idx3-ubyte\.gz: .*keep only one/)
  })

  it('says a symlink loop is a symlink loop, naming the folder', async () => {
    const loop = join(root, 'loop-dir')
    symlinkSync(loop, loop)
    await assert.rejects(loadIdxFolder(loop), (error: Error) => error.name === 'LabInputError' && /loop-dir is a symbolic link that leads back to itself \(ELOOP\)/.test(error.message))
  })

  it('says an IDX file that is a symlink loop is one, naming the file', async () => {
    const dir = folder('loop-file', false, (n) => (n.startsWith('train-labels') ? null : n))
    symlinkSync(join(dir, 'train-labels-idx1-ubyte'), join(dir, 'train-labels-idx1-ubyte'))
    await assert.rejects(loadIdxFolder(dir), (error: Error) => error.name === 'LabInputError' && /^train-labels-idx1-ubyte is a symbolic link that leads back to itself \(ELOOP\)/.test(error.message))
  })

  it('says a folder named like an IDX file is a folder, not a file', async () => {
    const dir = folder('dir-named', false, (n) => (n.startsWith('train-images') ? null : n))
    mkdirSync(join(dir, 'train-images-idx3-ubyte'))
    await assert.rejects(loadIdxFolder(dir), (error: Error) => error.name === 'LabInputError' && /^train-images-idx3-ubyte in .*dir-named is a folder, not a file/.test(error.message))
  })

  it('says a dangling symlink points to nothing, naming the file', async () => {
    const dir = folder('dangling', false, (n) => (n.startsWith('t10k-images') ? null : n))
    symlinkSync(join(root, 'gone'), join(dir, 't10k-images-idx3-ubyte'))
    await assert.rejects(loadIdxFolder(dir), /^LabInputError: t10k-images-idx3-ubyte is a symbolic link to .*gone, which does not exist/)
  })

  it('refuses an unreadable file naming it', { skip: process.getuid?.() === 0 ? 'running as root, which reads any file whatever its mode' : false }, async () => {
    const dir = folder('unreadable', false)
    chmodSync(join(dir, 'train-labels-idx1-ubyte'), 0)
    await assert.rejects(loadIdxFolder(dir), /^LabInputError: train-labels-idx1-ubyte in .*unreadable cannot be read: permission denied/)
  })

  it('refuses a file over the size limit by its size, naming both sizes', async () => {
    const dir = folder('huge', false)
    writeFileSync(join(dir, 'train-images-idx3-ubyte'), new Uint8Array(0))
    const { truncateSync } = await import('node:fs')
    truncateSync(join(dir, 'train-images-idx3-ubyte'), 65 * 2 ** 20) // sparse: no 65 MB written
    await assert.rejects(loadIdxFolder(dir), /^LabInputError: train-images-idx3-ubyte is 65 MB, more than an MNIST IDX file can be \(64 MB\)/)
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
