import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { loadDefaultSplit } from '../node/default-data'
import { CLASSES, PIXELS, type DigitSet } from './digits'
import { splitDefault } from './split'

function labelled(labels: number[]): DigitSet {
  const images = new Uint8Array(labels.length * PIXELS)
  labels.forEach((_, i) => images.fill(i, i * PIXELS, (i + 1) * PIXELS))
  return { images, labels: Uint8Array.from(labels), count: labels.length }
}

const residentBytes = (set: DigitSet) => set.images.buffer.byteLength + set.labels.buffer.byteLength

describe('default split: first 80 % of each digit in package order train, the rest test', () => {
  it('gives 7,996 train and 2,004 test digits on the mnist package', async () => {
    const { split, info } = await loadDefaultSplit()
    assert.equal(split.train.count, 7996)
    assert.equal(split.test.count, 2004)
    assert.deepEqual([info.kind, info.trainSize, info.testSize, info.expectedTestAccuracy], ['default', 7996, 2004, 0.93])
  })

  it('keeps every digit class in both sets', async () => {
    const { split } = await loadDefaultSplit()
    for (const set of [split.train, split.test]) {
      const seen = new Set(set.labels)
      assert.equal(seen.size, CLASSES)
    }
  })

  it('keeps the default data resident in at most 10 MB, pixels as bytes', async () => {
    const { split } = await loadDefaultSplit()
    assert.ok(split.train.images instanceof Uint8Array)
    const total = residentBytes(split.train) + residentBytes(split.test)
    assert.ok(total <= 10_000_000, `resident ${total} bytes`)
  })

  it('takes the first floor(80 %) of each digit, in order, even when digits are interleaved', () => {
    // five 3s and five 7s interleaved: floor(0.8·5) = 4 of each train
    const set = labelled([3, 7, 3, 7, 3, 7, 3, 7, 3, 7])
    const { train, test } = splitDefault(set)
    assert.deepEqual([...train.labels], [3, 7, 3, 7, 3, 7, 3, 7])
    assert.deepEqual([...test.labels], [3, 7])
    // each image was filled with its own index: the test set holds digits 8 and 9, the last of each class
    assert.deepEqual([test.images[0], test.images[PIXELS]], [8, 9])
  })

  it('is deterministic: the same input gives the same split', () => {
    const set = labelled([1, 1, 2, 2, 2, 1, 0, 0, 0, 0, 0])
    assert.deepEqual(splitDefault(set), splitDefault(set))
  })
})
