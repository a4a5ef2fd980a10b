import { sigmoid } from '../net/functions'
import { Matrix } from '../math/matrix'

/** 5.5.2 Sigmoid: y = 1 / (1 + exp(−x)); backward = dout · y(1 − y), from the output alone */
export class Sigmoid {
  out: Matrix | null = null

  forward(x: Matrix): Matrix {
    this.out = sigmoid(x) //                        out = 1 / (1 + np.exp(-x))
    return this.out
  }

  backward(dout: Matrix): Matrix {
    if (!this.out) throw new Error('Sigmoid.backward called before forward')
    const y = this.out.data
    const dx = new Matrix(dout.rows, dout.cols)
    for (let i = 0; i < dx.data.length; i++) dx.data[i] = dout.data[i] * (1.0 - y[i]) * y[i] // dout * (1.0 - self.out) * self.out
    return dx
  }
}
