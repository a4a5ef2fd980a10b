import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Matrix } from '../math/matrix'
import { Random } from '../net/random'
import { maxAbsDiff, numericalBackward, randn } from '../testing/numeric'
import { Affine } from './affine'

describe('Affine layer (5.6.1, 5.6.2)', () => {
  it('forward is x·W + b with b added to every row', () => {
    const affine = new Affine(Matrix.from([[1, 0, 2], [0, 1, 3]]), Matrix.from([[1, 2, 3]]))
    assert.deepEqual(affine.forward(Matrix.from([[1, 1], [2, 0]])).toArrays(), [[2, 3, 8], [3, 2, 7]])
  })

  it('the bias gradient of the seed\'s dY [[1,2,3],[4,5,6]] is [5, 7, 9]', () => {
    const affine = new Affine(new Matrix(2, 3), new Matrix(1, 3))
    affine.forward(new Matrix(2, 2))
    affine.backward(Matrix.from([[1, 2, 3], [4, 5, 6]]))
    assert.deepEqual(affine.db!.toArrays(), [[5, 7, 9]])
  })

  it('dx = dout·Wᵀ and dW = xᵀ·dout match the numerical gradients within 1e-9 (5.13)', () => {
    const rng = new Random(11)
    const W = randn(4, 3, rng), b = randn(1, 3, rng), x = randn(2, 4, rng), dout = randn(2, 3, rng)
    const affine = new Affine(W, b)
    affine.forward(x)
    const dx = affine.backward(dout)
    const numericalDx = numericalBackward((v) => new Affine(W, b).forward(v), x, dout)
    const numericalDW = numericalBackward((v) => new Affine(v, b).forward(x), W, dout)
    const numericalDb = numericalBackward((v) => new Affine(W, v).forward(x), b, dout)
    assert.ok(maxAbsDiff(dx, numericalDx) < 1e-9, `dx off by ${maxAbsDiff(dx, numericalDx)}`)
    assert.ok(maxAbsDiff(affine.dW!, numericalDW) < 1e-9, `dW off by ${maxAbsDiff(affine.dW!, numericalDW)}`)
    assert.ok(maxAbsDiff(affine.db!, numericalDb) < 1e-9, `db off by ${maxAbsDiff(affine.db!, numericalDb)}`)
  })

  it('gradients keep the shapes of what they belong to: dx like x, dW like W, db like b', () => {
    const affine = new Affine(new Matrix(4, 3), new Matrix(1, 3))
    affine.forward(new Matrix(2, 4))
    const dx = affine.backward(new Matrix(2, 3))
    assert.deepEqual([dx.rows, dx.cols, affine.dW!.rows, affine.dW!.cols, affine.db!.rows, affine.db!.cols], [2, 4, 4, 3, 1, 3])
  })
})
