// 5.4 the simple layers on scalars (ch05/layer_naive.py): the apple-shopping graph of 5.3.3.

/** 5.4.1 multiplication node: out = x·y; backward swaps the inputs: dx = dout·y, dy = dout·x */
export class MulLayer {
  x = 0
  y = 0

  forward(x: number, y: number): number {
    this.x = x
    this.y = y
    return x * y
  }

  backward(dout: number): [dx: number, dy: number] {
    const dx = dout * this.y
    const dy = dout * this.x
    return [dx, dy]
  }
}

/** 5.4.2 addition node: out = x + y; backward passes dout through to both inputs unchanged */
export class AddLayer {
  forward(x: number, y: number): number {
    return x + y
  }

  backward(dout: number): [dx: number, dy: number] {
    const dx = dout * 1
    const dy = dout * 1
    return [dx, dy]
  }
}
