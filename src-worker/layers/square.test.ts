import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AddLayer } from './mul-add'
import { SquareLayer } from './square'

describe('the square node (5.2.3)', () => {
  it('forward squares its input, backward multiplies dout by 2x', () => {
    const layer = new SquareLayer()
    assert.equal(layer.forward(3), 9)
    assert.equal(layer.backward(1), 6)
    assert.equal(layer.backward(0.5), 3)
    assert.equal(layer.forward(-2), 4)
    assert.equal(layer.backward(1), -4)
  })

  it('chained after an add node gives ∂z/∂x = ∂z/∂y = 2(x + y) for z = (x + y)²', () => {
    const add = new AddLayer()
    const square = new SquareLayer()
    for (const [x, y] of [[1, 2], [0.5, -3], [-1.25, 4]]) {
      const t = add.forward(x, y)
      const z = square.forward(t)
      assert.equal(z, (x + y) ** 2)
      const [dx, dy] = add.backward(square.backward(1))
      assert.equal(dx, 2 * (x + y))
      assert.equal(dy, 2 * (x + y))
    }
  })
})
