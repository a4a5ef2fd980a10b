// 5.2.3 the chain rule's square node (z = t², figure 5-7's "**2"), in the style of ch05/layer_naive.py.

/** Square node: out = x²; backward multiplies dout by the local derivative ∂(x²)/∂x = 2x */
export class SquareLayer {
  x = 0

  forward(x: number): number {
    this.x = x
    return x * x
  }

  backward(dout: number): number {
    const dx = dout * 2 * this.x
    return dx
  }
}
