import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chainRule } from './chain-rule'

describe('the chain-rule graph of 5.2.3', () => {
  it('gives ∂z/∂x = ∂z/∂y = 2(x + y) for several x, y', () => {
    for (const [x, y] of [[1, 2], [-3, 0.5], [0, 0], [2.5, -7]] as const) {
      const r = chainRule(x, y)
      assert.equal(r.t, x + y)
      assert.equal(r.z, (x + y) ** 2)
      assert.equal(r.dt, 2 * (x + y))
      assert.equal(r.dx, 2 * (x + y))
      assert.equal(r.dy, 2 * (x + y))
    }
  })
})
