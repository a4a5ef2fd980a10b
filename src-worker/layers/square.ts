// 5.2.3 the "**2" node of the chain-rule graph: z = t²; backward multiplies dout by the local derivative 2t.
export class SquareLayer {
  t = 0

  forward(t: number): number {
    this.t = t
    return t * t
  }

  backward(dout: number): number {
    return dout * 2 * this.t
  }
}
