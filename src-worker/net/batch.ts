// Gathering a mini-batch (5.7.4 `x_train[batch_mask]`): pixels stay bytes in the DigitSet until here.
import type { DigitSet } from '../data/digits'
import { PIXELS } from '../data/digits'
import { Matrix } from '../math/matrix'

/** x_batch = x_train[batch_mask]: the chosen images as float64 rows, bytes / 255 → [0, 1] */
export function gatherImages(set: DigitSet, indices: ArrayLike<number>): Matrix {
  const x = new Matrix(indices.length, PIXELS)
  for (let n = 0; n < indices.length; n++) {
    const from = checkIndex(set, indices[n]) * PIXELS
    for (let p = 0; p < PIXELS; p++) x.data[n * PIXELS + p] = set.images[from + p] / 255
  }
  return x
}

/** t_batch = t_train[batch_mask]: the chosen labels */
export function gatherLabels(set: DigitSet, indices: ArrayLike<number>): Uint8Array {
  const t = new Uint8Array(indices.length)
  for (let n = 0; n < indices.length; n++) t[n] = set.labels[checkIndex(set, indices[n])]
  return t
}

/** the indices start, start+1, …, end−1 */
export function range(start: number, end: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i)
}

function checkIndex(set: DigitSet, index: number): number {
  if (!(index >= 0 && index < set.count && Number.isInteger(index))) {
    throw new RangeError(`batch index ${index} is outside the set of ${set.count} digits`)
  }
  return index
}
