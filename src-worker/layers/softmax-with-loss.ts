import { crossEntropyError, logSoftmax, softmax } from '../net/functions'
import { Matrix } from '../math/matrix'

/**
 * 5.6.3 Softmax-with-Loss: loss = cross-entropy(softmax(x), t); backward = (y − t) / N.
 * t: labels (one class index per row), where the book passes one-hot rows; y − t then subtracts 1 at each label.
 */
export class SoftmaxWithLoss {
  loss = NaN
  y: Matrix | null = null
  t: Uint8Array | null = null

  forward(x: Matrix, t: Uint8Array): number {
    this.t = t
    this.y = softmax(x)
    this.loss = crossEntropyError(logSoftmax(x), t) // cross_entropy_error(self.y, self.t), exact: see functions.ts
    return this.loss
  }

  /** dout: upstream gradient, 1 at the end of the net (the book ignores it; we scale by it) */
  backward(dout = 1): Matrix {
    if (!this.y || !this.t) throw new Error('SoftmaxWithLoss.backward called before forward')
    const batchSize = this.t.length
    const dx = new Matrix(this.y.rows, this.y.cols)
    for (let n = 0; n < batchSize; n++) {
      for (let k = 0; k < this.y.cols; k++) {
        const tnk = this.t[n] === k ? 1 : 0
        dx.data[n * dx.cols + k] = (dout * (this.y.data[n * dx.cols + k] - tnk)) / batchSize // (self.y - self.t) / batch_size
      }
    }
    return dx
  }
}
