// The fast path keeps the params in float32, W2 transposed (10 × hidden) so every inner loop runs along the
// hidden axis, and every row padded to `stride` floats (a multiple of 4 for the SIMD kernel). These
// helpers check the shapes and convert to and from the float64 Params of the reference.
import type { Params } from '../net/backend'
import { CLASSES, PIXELS } from '../data/digits'
import { Matrix } from '../math/matrix'

/** The largest hidden layer the fast path accepts (LIMITS.hiddenSize.max in validate.ts). */
export const MAX_HIDDEN = 1024
/** The largest batch the fast path accepts (LIMITS.batchSize.max). */
export const MAX_BATCH = 60_000

/** float32 views of the four params: W1 784×stride, b1 stride, W2ᵀ 10×stride, b2 10 */
export interface ParamsF32 {
  W1: Float32Array
  b1: Float32Array
  W2T: Float32Array
  b2: Float32Array
  hidden: number
  stride: number
}

/** The hidden size of params shaped W1 784×H, b1 1×H, W2 H×10, b2 1×10 with 1 ≤ H ≤ 1024; else a RangeError naming the param. */
export function hiddenSizeOf(params: Params): number {
  const H = params.W1.cols
  const expect = (name: keyof Params, m: Matrix, rows: number, cols: number) => {
    if (m.rows !== rows || m.cols !== cols) {
      throw new RangeError(`fast path: ${name} must be ${rows}×${cols} for a ${PIXELS}-${H}-${CLASSES} net, got ${m.rows}×${m.cols}`)
    }
  }
  if (!(Number.isInteger(H) && H >= 1 && H <= MAX_HIDDEN)) {
    throw new RangeError(`fast path: hidden size (W1's columns) must be an integer in [1, ${MAX_HIDDEN}], got ${H}`)
  }
  expect('W1', params.W1, PIXELS, H)
  expect('b1', params.b1, 1, H)
  expect('W2', params.W2, H, CLASSES)
  expect('b2', params.b2, 1, CLASSES)
  return H
}

/** float64 → float32 (rounded to nearest), transposing W2 and zeroing the padding */
export function writeParams(params: Params, to: ParamsF32): void {
  if (hiddenSizeOf(params) !== to.hidden) {
    throw new RangeError(`setParams: the net has ${to.hidden} hidden units, got params with ${params.W1.cols}`)
  }
  const { hidden: H, stride } = to
  to.W1.fill(0)
  to.b1.fill(0)
  to.W2T.fill(0)
  for (let k = 0; k < PIXELS; k++) for (let j = 0; j < H; j++) to.W1[k * stride + j] = params.W1.data[k * H + j]
  for (let j = 0; j < H; j++) to.b1[j] = params.b1.data[j]
  for (let j = 0; j < H; j++) for (let c = 0; c < CLASSES; c++) to.W2T[c * stride + j] = params.W2.data[j * CLASSES + c]
  for (let c = 0; c < CLASSES; c++) to.b2[c] = params.b2.data[c]
}

/** float32 → a float64 copy in the reference's shapes */
export function readParams(from: ParamsF32): Params {
  const { hidden: H, stride } = from
  const W1 = new Matrix(PIXELS, H), b1 = new Matrix(1, H), W2 = new Matrix(H, CLASSES), b2 = new Matrix(1, CLASSES)
  for (let k = 0; k < PIXELS; k++) for (let j = 0; j < H; j++) W1.data[k * H + j] = from.W1[k * stride + j]
  for (let j = 0; j < H; j++) b1.data[j] = from.b1[j]
  for (let j = 0; j < H; j++) for (let c = 0; c < CLASSES; c++) W2.data[j * CLASSES + c] = from.W2T[c * stride + j]
  for (let c = 0; c < CLASSES; c++) b2.data[c] = from.b2[c]
  return { W1, b1, W2, b2 }
}

/** Throws a RangeError unless batch holds 1..60,000 integer indices into a set of `count` digits. */
export function checkBatch(batch: Int32Array, count: number): void {
  if (batch.length < 1 || batch.length > MAX_BATCH) {
    throw new RangeError(`step: batch must hold 1 to ${MAX_BATCH} indices, got ${batch.length}`)
  }
  for (let n = 0; n < batch.length; n++) {
    const i = batch[n]
    if (!(i >= 0 && i < count)) throw new RangeError(`step: batch index ${i} is outside the set of ${count} digits`)
  }
}

/** Throws a RangeError unless lr is a finite number > 0. */
export function checkLearningRate(learningRate: number): void {
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new RangeError(`step: learningRate must be a finite number > 0, got ${learningRate}`)
  }
}
