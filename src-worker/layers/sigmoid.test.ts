import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Matrix } from '../math/matrix'
import { Random } from '../net/random'
import { maxAbsDiff, numericalBackward, randn } from '../testing/numeric'
import { Sigmoid } from './sigmoid'

describe('Sigmoid layer (5.5.2)', () => {
  it('forward of [[0, 100, −100]] is [[0.5, ≈1, ≈0]]', () => {
    const y = new Sigmoid().forward(Matrix.from([[0, 100, -100]]))
    assert.equal(y.get(0, 0), 0.5)
    assert.ok(1 - y.get(0, 1) < 1e-12 && y.get(0, 2) < 1e-12)
  })

  it('backward is dout · y(1 − y)', () => {
    const layer = new Sigmoid()
    const y = layer.forward(Matrix.from([[0, 2]]))
    const dx = layer.backward(Matrix.from([[1, 3]]))
    assert.equal(dx.get(0, 0), 0.25)
    assert.equal(dx.get(0, 1), 3 * y.get(0, 1) * (1 - y.get(0, 1)))
  })

  it('backward matches the numerical gradient within 1e-9 (measured ~1e-11)', () => {
    const rng = new Random(5)
    const x = randn(3, 4, rng, 2)
    const dout = randn(3, 4, rng)
    const layer = new Sigmoid()
    layer.forward(x)
    const dx = layer.backward(dout)
    const numerical = numericalBackward((v) => new Sigmoid().forward(v), x, dout)
    assert.ok(maxAbsDiff(dx, numerical) < 1e-9, `max diff ${maxAbsDiff(dx, numerical)}`)
  })
})
