import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'fflate'
import { parseIdxFiles, idxDatasetInfo } from './idx'
import { goodIdxFiles, idxImages, idxLabels, cyclingLabels } from './idx-fixtures'
import { PIXELS } from './digits'
import { LabInputError } from '../session/validate'
import { crc32 } from './gzip'

/** Asserts parseIdxFiles throws a LabInputError whose message contains every fragment. */
function assertRejects(files: Parameters<typeof parseIdxFiles>[0], ...fragments: (string | RegExp)[]): void {
  assert.throws(
    () => parseIdxFiles(files),
    (error: unknown) => {
      assert.ok(error instanceof LabInputError, `expected a LabInputError, got ${String(error)}`)
      for (const f of fragments) assert.match(error.message, typeof f === 'string' ? new RegExp(escape(f)) : f)
      return true
    },
  )
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('MNIST IDX import (raw or .gz)', () => {
  it('parses raw files into train and test sets with the pixels and labels written', () => {
    const split = parseIdxFiles(goodIdxFiles())
    assert.equal(split.train.count, 12)
    assert.equal(split.test.count, 5)
    assert.equal(split.train.images.length, 12 * PIXELS)
    assert.deepEqual([...split.train.labels], cyclingLabels(12))
    assert.equal(split.train.images[3 * PIXELS + 1], (3 * 7 + 1) % 256)
  })

  it('gives the same result for gzipped files, recognised by the bytes 1f 8b', () => {
    const raw = parseIdxFiles(goodIdxFiles(false))
    const gz = parseIdxFiles(goodIdxFiles(true))
    assert.deepEqual(gz.train.images, raw.train.images)
    assert.deepEqual(gz.test.labels, raw.test.labels)
  })

  it('gives every set exactly sized buffers of its own', () => {
    const split = parseIdxFiles(goodIdxFiles(true))
    assert.equal(split.train.images.buffer.byteLength, 12 * PIXELS)
    assert.equal(split.test.labels.buffer.byteLength, 5)
  })

  it('describes full MNIST with an expected test accuracy of 0.97', () => {
    const info = idxDatasetInfo(parseIdxFiles(goodIdxFiles()))
    assert.deepEqual([info.kind, info.trainSize, info.testSize, info.expectedTestAccuracy], ['idx', 12, 5, 0.97])
  })

  it('rejects a wrong magic number, naming the file and both numbers', () => {
    const files = goodIdxFiles(false, { trainImages: { name: 'train-images-idx3-ubyte', bytes: idxImages({ count: 12, magic: 0x801 }) } })
    assertRejects(files, 'train-images-idx3-ubyte', 'wrong magic number 0x00000801', 'expected 0x00000803')
  })

  it('rejects labels and images swapped (label file with the image magic)', () => {
    const files = goodIdxFiles(false, { testLabels: { name: 't10k-labels-idx1-ubyte', bytes: idxImages({ count: 5 }) } })
    assertRejects(files, 't10k-labels-idx1-ubyte', 'wrong magic number 0x00000803')
  })

  it('rejects a file shorter than its header', () => {
    const files = goodIdxFiles(false, { trainLabels: { name: 'train-labels-idx1-ubyte', bytes: new Uint8Array([0, 0, 8, 1, 0]) } })
    assertRejects(files, 'train-labels-idx1-ubyte', 'truncated', '5 bytes')
  })

  it('rejects truncated image data: a header claiming more images than the file holds', () => {
    const bytes = idxImages({ count: 12 }).subarray(0, 16 + 11 * PIXELS + 100)
    const files = goodIdxFiles(false, { trainImages: { name: 'train-images-idx3-ubyte', bytes } })
    assertRejects(files, 'train-images-idx3-ubyte', 'claims 12 images', 'holds only 11')
  })

  it('rejects a label header claiming more labels than the file holds', () => {
    const files = goodIdxFiles(false, { testLabels: { name: 't10k-labels-idx1-ubyte', bytes: idxLabels(cyclingLabels(5), { claimed: 60_000 }) } })
    assertRejects(files, 't10k-labels-idx1-ubyte', 'claims 60000 labels', 'holds only 5')
  })

  it('rejects image and label counts that differ, naming both files', () => {
    const files = goodIdxFiles(false, { testLabels: { name: 't10k-labels-idx1-ubyte', bytes: idxLabels(cyclingLabels(4)) } })
    assertRejects(files, 't10k-images-idx3-ubyte holds 5 images', 't10k-labels-idx1-ubyte holds 4 labels')
  })

  it('rejects images that are not 28×28', () => {
    const files = goodIdxFiles(false, { trainImages: { name: 'train-images-idx3-ubyte', bytes: idxImages({ count: 12, rows: 32, cols: 32 }) } })
    assertRejects(files, 'train-images-idx3-ubyte', 'images are 32×32, expected 28×28')
  })

  it('rejects a label above 9 with its index', () => {
    const labels = cyclingLabels(12)
    labels[7] = 12
    const files = goodIdxFiles(false, { trainLabels: { name: 'train-labels-idx1-ubyte', bytes: idxLabels(labels) } })
    assertRejects(files, 'train-labels-idx1-ubyte', 'label 12 at index 7 is not a digit 0–9')
  })

  it('rejects corrupt gzip data, naming the file', () => {
    const gz = gzipSync(idxImages({ count: 5 }))
    const corrupt = gz.slice()
    for (let i = 12; i < corrupt.length - 8; i += 3) corrupt[i] ^= 0x5a
    const files = goodIdxFiles(true, { testImages: { name: 't10k-images-idx3-ubyte.gz', bytes: corrupt } })
    assertRejects(files, 't10k-images-idx3-ubyte.gz', 'corrupt gzip')
  })

  it('rejects gzip data whose CRC-32 does not match, which inflating alone would not notice', () => {
    const gz = gzipSync(idxImages({ count: 5 }))
    gz[gz.length - 6] ^= 0x01
    const files = goodIdxFiles(true, { testImages: { name: 't10k-images-idx3-ubyte.gz', bytes: gz } })
    assertRejects(files, 't10k-images-idx3-ubyte.gz', 'corrupt gzip', 'CRC-32 mismatch')
  })

  it('computes the standard CRC-32 ("123456789" → 0xcbf43926)', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926)
  })

  it('rejects a gzip file cut short', () => {
    const gz = gzipSync(idxImages({ count: 5 }))
    const files = goodIdxFiles(true, { testImages: { name: 't10k-images-idx3-ubyte.gz', bytes: gz.subarray(0, gz.length / 2) } })
    assertRejects(files, 't10k-images-idx3-ubyte.gz', /corrupt gzip|truncated/)
  })

  it('rejects a file that holds no images', () => {
    const files = goodIdxFiles(false, {
      testImages: { name: 't10k-images-idx3-ubyte', bytes: idxImages({ count: 0 }) },
      testLabels: { name: 't10k-labels-idx1-ubyte', bytes: idxLabels([]) },
    })
    assertRejects(files, 't10k-images-idx3-ubyte', 'holds no images')
  })

  it('rejects trailing bytes after the data', () => {
    const bytes = new Uint8Array([...idxLabels(cyclingLabels(5)), 1, 2, 3])
    const files = goodIdxFiles(false, { testLabels: { name: 't10k-labels-idx1-ubyte', bytes } })
    assertRejects(files, 't10k-labels-idx1-ubyte', '3 unexpected bytes')
  })
})

describe('MNIST IDX memory (full 60k / 10k)', () => {
  it('keeps a 60,000 / 10,000 split resident in at most 60 MB, pixels as bytes', () => {
    const images = (count: number) => {
      const bytes = new Uint8Array(16 + count * PIXELS)
      const view = new DataView(bytes.buffer)
      ;[0x803, count, 28, 28].forEach((v, i) => view.setUint32(i * 4, v))
      return bytes
    }
    const labels = (count: number) => idxLabels(cyclingLabels(count))
    const split = parseIdxFiles({
      trainImages: { name: 'train-images-idx3-ubyte', bytes: images(60_000) },
      trainLabels: { name: 'train-labels-idx1-ubyte', bytes: labels(60_000) },
      testImages: { name: 't10k-images-idx3-ubyte', bytes: images(10_000) },
      testLabels: { name: 't10k-labels-idx1-ubyte', bytes: labels(10_000) },
    })
    const sets = [split.train, split.test]
    assert.ok(sets.every((s) => s.images instanceof Uint8Array && s.labels instanceof Uint8Array))
    const resident = sets.reduce((n, s) => n + s.images.buffer.byteLength + s.labels.buffer.byteLength, 0)
    assert.equal(split.train.count, 60_000)
    assert.ok(resident <= 60_000_000, `resident ${resident} bytes`)
  })
})
