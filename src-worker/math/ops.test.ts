import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Random } from '../net/random'
import { Matrix } from './matrix'
import { addRowVector, argmaxRows, dot, meanAbsDiff, subtractScaledInPlace, sumRows, transpose } from './ops'

function randomMatrix(rows: number, cols: number, rng: Random, zeros = 0): Matrix {
  const m = new Matrix(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.random() < zeros ? 0 : rng.randn()
  return m
}

/** the textbook triple loop, the oracle for dot */
function naiveDot(a: Matrix, b: Matrix): Matrix {
  const out = new Matrix(a.rows, b.cols)
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0
      for (let k = 0; k < a.cols; k++) s += a.get(i, k) * b.get(k, j)
      out.set(i, j, s)
    }
  return out
}

describe('numpy-named matrix helpers', () => {
  it('dot of [[1,2],[3,4]] and [[5,6],[7,8]] is [[19,22],[43,50]] (np.dot)', () => {
    const y = dot(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[5, 6], [7, 8]]))
    assert.deepEqual(y.toArrays(), [[19, 22], [43, 50]])
  })

  it('dot agrees bit for bit with the triple loop, also when a is mostly zeros like MNIST pixels', () => {
    const rng = new Random(3)
    for (const zeros of [0, 0.8]) {
      const a = randomMatrix(7, 13, rng, zeros)
      const b = randomMatrix(13, 5, rng)
      assert.deepEqual(dot(a, b).data, naiveDot(a, b).data)
    }
  })

  it('dot refuses shapes that do not fit, naming both', () => {
    assert.throws(() => dot(new Matrix(2, 3), new Matrix(2, 3)), /dot: shapes 2×3 and 2×3 do not fit/)
  })

  it('transpose swaps rows and columns', () => {
    assert.deepEqual(transpose(Matrix.from([[1, 2, 3], [4, 5, 6]])).toArrays(), [[1, 4], [2, 5], [3, 6]])
  })

  it('sumRows of the seed\'s dY [[1,2,3],[4,5,6]] is [5,7,9] (np.sum(dY, axis=0), 5.6.1)', () => {
    assert.deepEqual(sumRows(Matrix.from([[1, 2, 3], [4, 5, 6]])).toArrays(), [[5, 7, 9]])
  })

  it('addRowVector broadcasts B [1,2,3] over X·W [[0,0,0],[10,10,10]] to [[1,2,3],[11,12,13]] (5.6.1)', () => {
    const y = addRowVector(Matrix.from([[0, 0, 0], [10, 10, 10]]), Matrix.from([[1, 2, 3]]))
    assert.deepEqual(y.toArrays(), [[1, 2, 3], [11, 12, 13]])
  })

  it('argmaxRows gives each row\'s first maximum (np.argmax(y, axis=1))', () => {
    assert.deepEqual([...argmaxRows(Matrix.from([[0.1, 0.8, 0.1], [0.5, 0.2, 0.5], [-3, -1, -2]]))], [1, 0, 1])
  })

  it('subtractScaledInPlace does params -= lr · grad and leaves grad alone', () => {
    const W = Matrix.from([[1, 2]])
    const grad = Matrix.from([[10, -10]])
    subtractScaledInPlace(W, 0.1, grad)
    assert.deepEqual(W.toArrays(), [[0, 3]])
    assert.deepEqual(grad.toArrays(), [[10, -10]])
  })

  it('meanAbsDiff is np.average(np.abs(a − b))', () => {
    assert.equal(meanAbsDiff(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[2, 2], [3, 1]])), 1)
  })
})
