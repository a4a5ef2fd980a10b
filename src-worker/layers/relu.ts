import { Matrix } from '../math/matrix'

/** 5.5.1 ReLU: y = x (x > 0), 0 (x ≤ 0); backward lets dout through where x > 0 */
export class Relu {
  /** 1 where the forward input was ≤ 0 (the book's `mask = (x <= 0)`) */
  mask: Uint8Array | null = null

  forward(x: Matrix): Matrix {
    this.mask = new Uint8Array(x.data.length)
    const out = x.clone() //                           out = x.copy()
    for (let i = 0; i < x.data.length; i++) {
      this.mask[i] = x.data[i] <= 0 ? 1 : 0 //         self.mask = (x <= 0)
      if (this.mask[i]) out.data[i] = 0 //             out[self.mask] = 0
    }
    return out
  }

  /** Unlike the book (`dout[self.mask] = 0`), returns a new dx and leaves dout as it was. */
  backward(dout: Matrix): Matrix {
    if (!this.mask) throw new Error('Relu.backward called before forward')
    const dx = dout.clone()
    for (let i = 0; i < dx.data.length; i++) if (this.mask[i]) dx.data[i] = 0
    return dx
  }
}
