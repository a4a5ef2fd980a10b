import type { Params, TrainingBackend } from './backend'
import { PARAM_NAMES } from './backend'
import { gatherImages, gatherLabels, range } from './batch'
import type { DigitSet } from '../data/digits'
import { CLASSES, PIXELS } from '../data/digits'
import { softmax } from './functions'
import { Matrix } from '../math/matrix'
import { argmaxRows, subtractScaledInPlace } from '../math/ops'
import type { Activation } from '../protocol'
import { TwoLayerNet } from './two-layer-net'

/** rows per accuracy() forward pass: bounds memory (1000 × 784 float64 ≈ 6 MB) on 60k-image sets */
const ACCURACY_CHUNK = 1000

/** The readable float64 TwoLayerNet behind the TrainingBackend interface: the reference the fast path is tested against. */
export class ReferenceBackend implements TrainingBackend {
  readonly name = 'reference-f64'
  readonly net: TwoLayerNet

  /** params are copied, so the caller's matrices never change under training */
  constructor(params: Params, activation: Activation) {
    this.net = new TwoLayerNet(copyParams(params), activation)
  }

  /** 5.7.4 one iteration: gradient, params -= lr·grad, then the loss on the same batch */
  step(set: DigitSet, batch: Int32Array, learningRate: number): number {
    const xBatch = gatherImages(set, batch) //                       x_batch = x_train[batch_mask]
    const tBatch = gatherLabels(set, batch) //                       t_batch = t_train[batch_mask]
    const grad = this.net.gradient(xBatch, tBatch) //                grad = network.gradient(x_batch, t_batch)
    for (const key of PARAM_NAMES) {
      subtractScaledInPlace(this.net.params[key], learningRate, grad[key]) // network.params[key] -= learning_rate * grad[key]
    }
    return this.net.loss(xBatch, tBatch) //                          loss = network.loss(x_batch, t_batch)
  }

  accuracy(set: DigitSet): number {
    if (set.count === 0) return NaN
    let correct = 0
    for (let start = 0; start < set.count; start += ACCURACY_CHUNK) {
      const rows = range(start, Math.min(set.count, start + ACCURACY_CHUNK))
      const y = argmaxRows(this.net.predict(gatherImages(set, rows))) // y = np.argmax(y, axis=1)
      const t = gatherLabels(set, rows)
      for (let n = 0; n < rows.length; n++) if (y[n] === t[n]) correct++
    }
    return correct / set.count
  }

  predict(x: Float32Array, n: number): Float64Array {
    if (x.length !== n * PIXELS) throw new RangeError(`predict needs ${n} × ${PIXELS} pixel values, got ${x.length}`)
    const y = softmax(this.net.predict(new Matrix(n, PIXELS, Float64Array.from(x))))
    if (y.cols !== CLASSES) throw new RangeError(`the net has ${y.cols} outputs, expected ${CLASSES}`)
    return y.data
  }

  getParams(): Params {
    return copyParams(this.net.params)
  }

  /** copies the values into the net's own matrices (the layers hold them by reference) */
  setParams(params: Params): void {
    for (const key of PARAM_NAMES) {
      const to = this.net.params[key], from = params[key]
      if (from.rows !== to.rows || from.cols !== to.cols) {
        throw new RangeError(`setParams: ${key} must be ${to.rows}×${to.cols}, got ${from.rows}×${from.cols}`)
      }
      to.data.set(from.data)
    }
  }
}

/** a deep float64 copy */
export function copyParams(params: Params): Params {
  return { W1: params.W1.clone(), b1: params.b1.clone(), W2: params.W2.clone(), b2: params.b2.clone() }
}
