// 5.5.2 the sigmoid as the book's four-node graph (× −1, exp, + 1, /), forward and backward node by node.
import { AddLayer, MulLayer } from './mul-add'

/** The 'exp' node: y = exp(x); backward multiplies dout by its own output. */
export class ExpLayer {
  out = 0
  forward(x: number): number {
    this.out = Math.exp(x)
    return this.out
  }
  backward(dout: number): number {
    return dout * this.out
  }
}

/** The '/' node: y = 1/x; backward multiplies dout by −1/x² = −y². */
export class ReciprocalLayer {
  out = 0
  forward(x: number): number {
    this.out = 1 / x
    return this.out
  }
  backward(dout: number): number {
    return dout * -(this.out * this.out)
  }
}

/** Forward values and backward signals of each node, plus the simplified node's dout·y(1 − y). */
export function sigmoidGraph(x: number, dout: number) {
  const mul = new MulLayer()
  const exp = new ExpLayer()
  const add = new AddLayer()
  const div = new ReciprocalLayer()
  const negX = mul.forward(x, -1)
  const expNegX = exp.forward(negX)
  const onePlus = add.forward(expNegX, 1)
  const y = div.forward(onePlus)
  const dOnePlus = div.backward(dout) //              step 1: · (−y²)
  const [dExpNegX] = add.backward(dOnePlus) //        step 2: · 1
  const dNegX = exp.backward(dExpNegX) //             step 3: · exp(−x)
  const [dx] = mul.backward(dNegX) //                 step 4: · (−1)
  const simplified = dout * y * (1 - y)
  return { negX, expNegX, onePlus, y, dOnePlus, dExpNegX, dNegX, dx, fourStep: dout * y * y * expNegX, simplified }
}
