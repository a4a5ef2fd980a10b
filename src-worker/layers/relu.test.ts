import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Matrix } from '../math/matrix'
import { Relu } from './relu'

describe('Relu layer (5.5.1)', () => {
  const x = Matrix.from([[1.0, -0.5], [-2.0, 3.0]])

  it('mask of [[1, −0.5], [−2, 3]] is [[False, True], [True, False]]', () => {
    const relu = new Relu()
    relu.forward(x)
    assert.deepEqual([...relu.mask!], [0, 1, 1, 0])
  })

  it('forward zeroes the masked inputs: [[1, 0], [0, 3]], and leaves x as it was', () => {
    const out = new Relu().forward(x)
    assert.deepEqual(out.toArrays(), [[1, 0], [0, 3]])
    assert.deepEqual(x.toArrays(), [[1.0, -0.5], [-2.0, 3.0]])
  })

  it('backward passes dout where x > 0 and sends 0 where x ≤ 0, without touching dout', () => {
    const relu = new Relu()
    relu.forward(x)
    const dout = Matrix.from([[5, 6], [7, 8]])
    assert.deepEqual(relu.backward(dout).toArrays(), [[5, 0], [0, 8]])
    assert.deepEqual(dout.toArrays(), [[5, 6], [7, 8]])
  })

  it('an input of exactly 0 counts as masked (x ≤ 0), so its gradient is 0', () => {
    const relu = new Relu()
    relu.forward(Matrix.from([[0]]))
    assert.deepEqual(relu.backward(Matrix.from([[1]])).toArrays(), [[0]])
  })
})
