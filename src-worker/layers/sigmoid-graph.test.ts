import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sigmoidGraph } from './sigmoid-graph'

describe('the sigmoid four-step graph of 5.5.2', () => {
  it('its backward product dout·y²·exp(−x) equals dout·y(1 − y) within 1e-12 for x in [−10, 10]', () => {
    for (let x = -10; x <= 10; x += 0.25) {
      const r = sigmoidGraph(x, 1)
      assert.ok(Math.abs(r.dx - r.simplified) < 1e-12, `x = ${x}: ${r.dx} vs ${r.simplified}`)
      assert.ok(Math.abs(r.y - 1 / (1 + Math.exp(-x))) < 1e-15)
    }
  })
})
