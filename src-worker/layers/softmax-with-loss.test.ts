import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { softmax } from '../net/functions'
import { Matrix } from '../math/matrix'
import { numericalGradient } from '../net/numerical-gradient'
import { Random } from '../net/random'
import { maxAbsDiff, randn } from '../testing/numeric'
import { SoftmaxWithLoss } from './softmax-with-loss'

describe('Softmax-with-Loss layer (5.6.3)', () => {
  it('backward is (y − t) / N, t one-hot from the labels', () => {
    const x = Matrix.from([[0.3, 2.9, 4.0], [1, 1, 1]])
    const t = Uint8Array.from([2, 0])
    const layer = new SoftmaxWithLoss()
    layer.forward(x, t)
    const y = softmax(x)
    const expected = Matrix.from([
      [y.get(0, 0) / 2, y.get(0, 1) / 2, (y.get(0, 2) - 1) / 2],
      [(y.get(1, 0) - 1) / 2, y.get(1, 1) / 2, y.get(1, 2) / 2],
    ])
    assert.ok(maxAbsDiff(layer.backward(), expected) < 1e-15)
  })

  it('forward is the mean of −log y[label]: equal scores over 3 classes give log 3', () => {
    const loss = new SoftmaxWithLoss().forward(Matrix.from([[5, 5, 5], [0, 0, 0]]), Uint8Array.from([0, 2]))
    assert.ok(Math.abs(loss - Math.log(3)) < 1e-15)
  })

  it('backward matches the numerical gradient of the loss within 1e-10', () => {
    const rng = new Random(9)
    const x = randn(4, 5, rng, 3)
    const t = Uint8Array.from([0, 4, 2, 2])
    const layer = new SoftmaxWithLoss()
    layer.forward(x, t)
    const dx = layer.backward()
    const numerical = numericalGradient(() => new SoftmaxWithLoss().forward(x, t), x)
    assert.ok(maxAbsDiff(dx, numerical) < 1e-10, `max diff ${maxAbsDiff(dx, numerical)}`)
  })

  it('a confident wrong answer gives a large finite loss, not Infinity (no log(0))', () => {
    const loss = new SoftmaxWithLoss().forward(Matrix.from([[1000, 0]]), Uint8Array.from([1]))
    assert.equal(loss, 1000)
  })
})
