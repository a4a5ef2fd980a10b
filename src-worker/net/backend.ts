import type { Matrix } from '../math/matrix'
import type { DigitSet } from '../data/digits'

/** The network's parameters (5.7.2): W1 784×hidden, b1 1×hidden, W2 hidden×10, b2 1×10, float64. */
export interface Params {
  W1: Matrix
  b1: Matrix
  W2: Matrix
  b2: Matrix
}
export const PARAM_NAMES = ['W1', 'b1', 'W2', 'b2'] as const

/**
 * What the training loop (train.ts) needs from a network. Implemented by the readable layer classes
 * (TwoLayerNet, float64, the reference) and by the fast path (fast/, float32), which must agree.
 */
export interface TrainingBackend {
  /** e.g. 'reference-f64', 'wasm-simd-f32', 'ts-f32' */
  readonly name: string
  /**
   * One SGD step in the book's order (5.7.4): gradient by backprop on the batch, params -= lr·grad,
   * then the loss on the same batch with the updated params, which is returned.
   * batch: indices into set, drawn by the caller.
   */
  step(set: DigitSet, batch: Int32Array, learningRate: number): number
  /** fraction of set whose argmax prediction equals the label */
  accuracy(set: DigitSet): number
  /** softmax probabilities for n images (n×784 values in [0, 1]); n×10 values */
  predict(x: Float32Array, n: number): Float64Array
  /** a float64 copy of the current parameters */
  getParams(): Params
  setParams(params: Params): void
}
