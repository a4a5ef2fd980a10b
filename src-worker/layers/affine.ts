import { Matrix } from '../math/matrix'
import { addRowVector, dot, sumRows, transpose } from '../math/ops'

/**
 * 5.6.2 batch Affine: out = x·W + b. Holds W and b by reference, as the book does, so the net's
 * in-place SGD update of params is what the next forward sees.
 */
export class Affine {
  x: Matrix | null = null
  dW: Matrix | null = null
  db: Matrix | null = null

  constructor(
    readonly W: Matrix,
    readonly b: Matrix,
  ) {}

  forward(x: Matrix): Matrix {
    this.x = x
    return addRowVector(dot(x, this.W), this.b) //    np.dot(x, self.W) + self.b
  }

  backward(dout: Matrix): Matrix {
    if (!this.x) throw new Error('Affine.backward called before forward')
    const dx = dot(dout, transpose(this.W)) //        np.dot(dout, self.W.T)
    this.dW = dot(transpose(this.x), dout) //         np.dot(self.x.T, dout)
    this.db = sumRows(dout) //                        np.sum(dout, axis=0)
    return dx
  }
}
