// What the lab shows of a network besides its curves: a test digit with its answer, and the Inspect pane
// (W1's columns as 28×28 tiles, the test confusion matrix, misclassified digits).
import type { TrainingBackend } from '../net/backend'
import { gatherImages, range } from '../net/batch'
import { CLASSES, PIXELS, type DigitSet } from '../data/digits'
import { Matrix } from '../math/matrix'
import { argmaxRows } from '../math/ops'
import type { DigitView, LabEvent } from '../protocol'

/** most misclassified digits an inspection carries (~3 MB of pixels); the Inspect pane pages through them */
export const MISCLASSIFIED_LIMIT = 1000
const PREDICT_CHUNK = 500

/** image i of the set as 784 values in [0, 1] */
export function digitPixels(set: DigitSet, index: number): Float32Array {
  return Float32Array.from(gatherImages(set, [index]).data)
}

/** One test digit with the network's softmax output. */
export function testSample(backend: TrainingBackend, test: DigitSet, index: number, trained: boolean): Extract<LabEvent, { type: 'testSample' }> {
  const pixels = digitPixels(test, index)
  const probabilities = Array.from(backend.predict(pixels, 1))
  return { type: 'testSample', index, probabilities, trained, pixels, label: test.labels[index], predicted: argmaxRows(new Matrix(1, CLASSES, Float64Array.from(probabilities)))[0] }
}

/** W1 (784 × hidden, row-major) regrouped as hidden tiles of 784: tile h holds column h, the weights into hidden unit h. */
export function w1Tiles(W1: { rows: number; cols: number; data: Float64Array }): Float32Array {
  const tiles = new Float32Array(W1.rows * W1.cols)
  for (let p = 0; p < W1.rows; p++) {
    for (let h = 0; h < W1.cols; h++) tiles[h * W1.rows + p] = W1.data[p * W1.cols + h]
  }
  return tiles
}

/** The share of |w| the tiles' colour scale covers: a few outliers would otherwise turn every tile grey. */
export const TILE_SCALE_QUANTILE = 0.995

/**
 * The tiles' one shared colour scale: the TILE_SCALE_QUANTILE quantile of |w| over all of W1 (the value at
 * index floor(q·n) of the sorted magnitudes), at least 1e-12. Found by selection in O(n), not by a sort:
 * the worker sends an inspection every second while a run streams.
 */
export function tileScale(W1: Float32Array): number {
  const n = W1.length
  if (n === 0) return 1
  const a = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const m = Math.abs(W1[i])
    a[i] = m === m ? m : Number.POSITIVE_INFINITY // NaN (a diverged net) counts as the largest, as a sort puts it
  }
  const k = Math.min(n - 1, Math.floor(TILE_SCALE_QUANTILE * n))
  // Hoare's selection: narrow [lo, hi] around index k until a[k] is the k-th smallest
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const swap = a[i]
        a[i++] = a[j]
        a[j--] = swap
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else break
  }
  return Math.max(1e-12, a[k])
}

/**
 * The Inspect pane's data: confusion[actual * 10 + predicted] over the whole test set, and misclassified
 * digits spread over the actual labels (the first few of each, in test order), not just the first ones found.
 */
export function inspection(backend: TrainingBackend, test: DigitSet, trained: boolean): Extract<LabEvent, { type: 'inspection' }> {
  const W1 = backend.getParams().W1
  const confusion = new Array<number>(CLASSES * CLASSES).fill(0)
  const perLabel = Math.ceil(MISCLASSIFIED_LIMIT / CLASSES)
  type Wrong = DigitView & { index: number; confidence: number }
  const byLabel: Wrong[][] = Array.from({ length: CLASSES }, () => [])
  for (let start = 0; start < test.count; start += PREDICT_CHUNK) {
    const n = Math.min(PREDICT_CHUNK, test.count - start)
    const x = Float32Array.from(gatherImages(test, range(start, start + n)).data)
    const probabilities = backend.predict(x, n)
    const predictions = argmaxRows(new Matrix(n, CLASSES, probabilities))
    for (let i = 0; i < n; i++) {
      const label = test.labels[start + i]
      const predicted = predictions[i]
      confusion[label * CLASSES + predicted]++
      if (predicted !== label && byLabel[label].length < perLabel) {
        byLabel[label].push({ index: start + i, pixels: x.subarray(i * PIXELS, (i + 1) * PIXELS), label, predicted, confidence: probabilities[i * CLASSES + predicted] })
      }
    }
  }
  const misclassified: Wrong[] = []
  for (let round = 0; round < perLabel; round++) {
    for (const bucket of byLabel) if (round < bucket.length && misclassified.length < MISCLASSIFIED_LIMIT) misclassified.push(bucket[round])
  }
  misclassified.sort((a, b) => a.label - b.label || a.index - b.index)
  // their pixels copied into one buffer, each digit a view of it: one transfer to the page instead of a thousand
  const pixels = new Float32Array(misclassified.length * PIXELS)
  misclassified.forEach((d, k) => {
    pixels.set(d.pixels, k * PIXELS)
    d.pixels = pixels.subarray(k * PIXELS, (k + 1) * PIXELS)
  })
  const tiles = w1Tiles(W1)
  return { type: 'inspection', hiddenSize: W1.cols, W1: tiles, tileScale: tileScale(tiles), confusion, misclassified, trained }
}

/** The network's answer and its probability for each of the user's own digits, and the share it gets right. */
export function evaluateDigits(backend: TrainingBackend, digits: DigitSet, requestId: number): Extract<LabEvent, { type: 'digitsEvaluated' }> {
  const probabilities = new Float64Array(digits.count * CLASSES)
  for (let start = 0; start < digits.count; start += PREDICT_CHUNK) {
    const n = Math.min(PREDICT_CHUNK, digits.count - start)
    const x = new Float32Array(n * PIXELS)
    for (let i = 0; i < x.length; i++) x[i] = digits.images[start * PIXELS + i] / 255
    probabilities.set(backend.predict(x, n), start * CLASSES)
  }
  const predicted = Array.from(argmaxRows(new Matrix(digits.count, CLASSES, probabilities)))
  const confidence = predicted.map((k, i) => probabilities[i * CLASSES + k]!)
  const right = predicted.filter((k, i) => k === digits.labels[i]).length
  return { type: 'digitsEvaluated', requestId, predicted, confidence, accuracy: right / digits.count }
}
