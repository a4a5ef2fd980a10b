import type { Params } from '../net/backend'
import { CLASSES, PIXELS } from '../data/digits'
import { softmax } from '../net/functions'
import { Matrix } from '../math/matrix'
import type { Activation } from '../protocol'
import { TwoLayerNet } from '../net/two-layer-net'

/**
 * softmax(predict(x)) for the fast path with the readable float64 net on a copy of its params: predictions
 * are rare (a drawn digit, an Inspect refresh), so they need no fast path of their own. The copy is made on
 * the first predict after the params change (a step, setParams), not on every call.
 */
export class PredictCopy {
  private net: TwoLayerNet | null = null

  /** read: a float64 copy of the fast path's current params */
  constructor(private readonly read: () => Params, private readonly activation: Activation) {}

  /** The params changed: the next predict copies them again. */
  stale(): void {
    this.net = null
  }

  predict(x: Float32Array, n: number): Float64Array {
    if (!(Number.isInteger(n) && n >= 1) || x.length !== n * PIXELS) {
      throw new RangeError(`predict needs n ≥ 1 images of ${PIXELS} pixel values, got ${x.length} values for n = ${n}`)
    }
    this.net ??= new TwoLayerNet(this.read(), this.activation)
    const y = softmax(this.net.predict(new Matrix(n, PIXELS, Float64Array.from(x))))
    if (y.cols !== CLASSES) throw new RangeError(`the net has ${y.cols} outputs, expected ${CLASSES}`)
    return y.data
  }
}
