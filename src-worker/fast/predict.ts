import type { Params } from '../backend'
import { CLASSES, PIXELS } from '../data/digits'
import { softmax } from '../functions'
import { Matrix } from '../math/matrix'
import type { Activation } from '../protocol'
import { TwoLayerNet } from '../two-layer-net'

/**
 * softmax(predict(x)) for n images with the readable float64 net on a copy of the fast path's params:
 * predictions are rare (a drawn digit), so they need no fast path of their own.
 */
export function predictWith(params: Params, activation: Activation, x: Float32Array, n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 1) || x.length !== n * PIXELS) {
    throw new RangeError(`predict needs n ≥ 1 images of ${PIXELS} pixel values, got ${x.length} values for n = ${n}`)
  }
  const y = softmax(new TwoLayerNet(params, activation).predict(new Matrix(n, PIXELS, Float64Array.from(x))))
  if (y.cols !== CLASSES) throw new RangeError(`the net has ${y.cols} outputs, expected ${CLASSES}`)
  return y.data
}
