// The deterministic default split of the mnist package's 10,000 digits, and what the UI says about it.
import type { DatasetInfo } from '../protocol'
import { CLASSES, PIXELS, type DigitSet, type Split } from './digits'

/** Share of each digit's samples that goes to training. */
export const DEFAULT_TRAIN_FRACTION = 0.8

/** Test accuracy the book's settings reach on the default split (numpy: ~0.93). */
export const DEFAULT_EXPECTED_TEST_ACCURACY = 0.93

/**
 * For each digit 0–9, the first floor(80 %) of its samples in package order train, the rest test.
 * On the mnist package this gives 7,996 / 2,004. Each set gets its own exactly sized buffers.
 */
export function splitDefault(set: DigitSet): Split {
  const perDigit = new Array<number>(CLASSES).fill(0)
  for (let i = 0; i < set.count; i++) perDigit[set.labels[i]]++
  const trainQuota = perDigit.map((n) => Math.floor(n * DEFAULT_TRAIN_FRACTION))
  const trainCount = trainQuota.reduce((a, b) => a + b, 0)
  const train = emptySet(trainCount)
  const test = emptySet(set.count - trainCount)
  const seen = new Array<number>(CLASSES).fill(0)
  for (let i = 0; i < set.count; i++) {
    const label = set.labels[i]
    const target = seen[label]++ < trainQuota[label] ? train : test
    copyDigit(set, i, target)
  }
  return { train, test }
}

/** The DatasetInfo of the default split. */
export function defaultDatasetInfo(split: Split): DatasetInfo {
  return {
    kind: 'default',
    name: `mnist package, ${(split.train.count + split.test.count).toLocaleString('en-US')} digits (80/20 per digit)`,
    trainSize: split.train.count,
    testSize: split.test.count,
    expectedTestAccuracy: DEFAULT_EXPECTED_TEST_ACCURACY,
  }
}

/** A set of n digits with zeroed storage, filled by copyDigit; count grows as digits are added. */
function emptySet(n: number): DigitSet {
  return { images: new Uint8Array(n * PIXELS), labels: new Uint8Array(n), count: 0 }
}

function copyDigit(from: DigitSet, index: number, to: DigitSet): void {
  to.images.set(from.images.subarray(index * PIXELS, (index + 1) * PIXELS), to.count * PIXELS)
  to.labels[to.count] = from.labels[index]
  to.count++
}
