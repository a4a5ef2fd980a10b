import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { crossEntropyError, logSoftmax, softmax } from './functions'
import { Matrix } from '../math/matrix'

describe('softmax (3.5)', () => {
  it('each row sums to 1 and keeps the order of its scores', () => {
    const y = softmax(Matrix.from([[0.3, 2.9, 4.0], [-1, 0, 1]]))
    for (const row of y.toArrays()) {
      assert.ok(Math.abs(row.reduce((a, b) => a + b) - 1) < 1e-15)
      assert.ok(row[0] < row[1] && row[1] < row[2])
    }
  })

  it('does not overflow on scores [1010, 1000, 990] (the book\'s example; subtracts the row max)', () => {
    const y = softmax(Matrix.from([[1010, 1000, 990]]))
    assert.ok(y.data.every(Number.isFinite))
    assert.ok(Math.abs(y.get(0, 0) - 1 / (1 + Math.exp(-10) + Math.exp(-20))) < 1e-15) // 9.99954600e-01
  })
})

describe('cross-entropy error (4.2.2), exact via log-softmax', () => {
  it('the book\'s example y with label 2 gives −log 0.6 ≈ 0.5108', () => {
    const y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
    const logY = new Matrix(1, 10, Float64Array.from(y, Math.log))
    assert.ok(Math.abs(crossEntropyError(logY, [2]) - 0.5108256237659907) < 1e-15)
  })

  it('logSoftmax equals log(softmax) where softmax is representable, and stays finite where it underflows', () => {
    const x = Matrix.from([[0.3, 2.9, 4.0], [800, 0, -800]])
    const logY = logSoftmax(x), y = softmax(x)
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(logY.get(0, j) - Math.log(y.get(0, j))) < 1e-15)
    assert.equal(y.get(1, 2), 0)
    assert.equal(logY.get(1, 2), -1600)
  })

  it('averages over the batch', () => {
    const logY = Matrix.from([[Math.log(0.5), Math.log(0.5)], [Math.log(0.25), Math.log(0.75)]])
    assert.ok(Math.abs(crossEntropyError(logY, [0, 1]) - (Math.log(2) - Math.log(0.75)) / 2) < 1e-15)
  })

  it('refuses a label count that differs from the row count', () => {
    assert.throws(() => crossEntropyError(new Matrix(2, 3), [0]), /2 rows but 1 labels/)
  })
})
