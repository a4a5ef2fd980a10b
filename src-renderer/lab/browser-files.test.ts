// The browser edition's file reading, under Node's own File (the same Blob API the page has).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'fflate'
import { readIdxFiles, readModelJson } from './browser-files'
import { goodIdxFiles, idxImages } from '../../src-worker/data/idx-fixtures'
import { parseIdxFiles } from '../../src-worker/data/idx'
import { MAX_IDX_FILE_BYTES } from '../../src-worker/data/idx-names'
import { MAX_MODEL_FILE_BYTES } from '../../src-worker/session/model-file'

const files = (gzip: boolean): File[] => Object.values(goodIdxFiles(gzip)).map((f) => new File([f.bytes], f.name))

/** A File whose size is `size` but whose reading must never happen. */
function unreadable(name: string, size: number): File {
  const file = new File([], name)
  Object.defineProperty(file, 'size', { value: size })
  const fail = () => Promise.reject(new Error(`${name} was read`))
  Object.assign(file, { arrayBuffer: fail, text: fail })
  return file
}

describe('browser IDX files', () => {
  it('reads the four files, raw or .gz, whatever order they were chosen in', async () => {
    for (const chosen of [files(false), files(true).reverse()]) {
      const split = parseIdxFiles(await readIdxFiles(chosen))
      assert.deepEqual([split.train.count, split.test.count], [12, 5])
    }
  })

  it('refuses a raw file and its .gz chosen together, naming both, in either order (the CLI’s rule)', async () => {
    const gz = new File([gzipSync(idxImages({ count: 12 }))], 'train-images-idx3-ubyte.gz')
    for (const chosen of [[gz, ...files(false)], [...files(false), gz]]) {
      await assert.rejects(readIdxFiles(chosen), /^Error: the chosen files include both train-images-idx3-ubyte and train-images-idx3-ubyte\.gz: .*keep only one/)
    }
  })

  it('names the missing files and what was chosen', async () => {
    await assert.rejects(readIdxFiles(files(false).slice(1)), /missing: train-images-idx3-ubyte\[\.gz\]; chosen: train-labels-idx1-ubyte, /)
  })

  it('refuses a file over the size limit by File.size, before reading any file', async () => {
    const chosen = [...files(false).slice(1), unreadable('train-images-idx3-ubyte', MAX_IDX_FILE_BYTES + 2 ** 20)]
    await assert.rejects(readIdxFiles(chosen), /train-images-idx3-ubyte is 65 MB, more than an MNIST IDX file can be \(64 MB\)/)
  })

  it('names a file that can no longer be read', async () => {
    const gone = unreadable('t10k-labels-idx1-ubyte', 10)
    await assert.rejects(readIdxFiles([...files(false).slice(0, 3), gone]), /t10k-labels-idx1-ubyte could not be read \(t10k-labels-idx1-ubyte was read\); was it moved/)
  })
})

describe('browser model files', () => {
  it('parses a model file’s JSON', async () => {
    assert.deepEqual(await readModelJson(new File(['{"format":"x"}'], 'm.json')), { format: 'x' })
  })

  it('refuses a file over the engine’s limit by File.size before reading it, naming both sizes', async () => {
    await assert.rejects(readModelJson(unreadable('big.json', 630 * 2 ** 20)), /model file big\.json is 630 MB, more than a Backprop Lab model can be \(64 MB\)/)
    await assert.rejects(readModelJson(unreadable('edge.json', MAX_MODEL_FILE_BYTES + 1)), /edge\.json is 67,108,865 bytes, more than a Backprop Lab model can be \(64 MB\)/)
  })

  it('refuses an empty file and names invalid JSON as such', async () => {
    await assert.rejects(readModelJson(new File([], 'empty.json')), /model file empty\.json is empty/)
    await assert.rejects(readModelJson(new File(['{"format":'], 'cut.json')), /model file cut\.json is not valid JSON .*truncated/)
  })
})
