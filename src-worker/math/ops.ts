// numpy-named helpers over Matrix, so the layers read like common/layers.py. Every helper returns a new
// Matrix and leaves its arguments alone, except the one named …InPlace.
import { Matrix } from './matrix'

function checkShape(ok: boolean, what: string, a: Matrix, b: Matrix): void {
  if (!ok) throw new RangeError(`${what}: shapes ${a.rows}×${a.cols} and ${b.rows}×${b.cols} do not fit`)
}

/**
 * np.dot(a, b) for 2-D arrays. i-k-j loop order: the inner loop walks rows of b and out contiguously.
 * Skips zero entries of a (about 80 % of MNIST pixels are background): the same sum for finite b, where
 * numpy would turn a 0·∞ into NaN.
 */
export function dot(a: Matrix, b: Matrix): Matrix {
  checkShape(a.cols === b.rows, 'dot', a, b)
  const out = new Matrix(a.rows, b.cols)
  const A = a.data, B = b.data, C = out.data, n = b.cols
  for (let i = 0; i < a.rows; i++) {
    const ci = i * n
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k], bk = k * n
      if (aik === 0) continue
      for (let j = 0; j < n; j++) C[ci + j] += aik * B[bk + j]
    }
  }
  return out
}

/** a.T */
export function transpose(a: Matrix): Matrix {
  const out = new Matrix(a.cols, a.rows)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j]
  }
  return out
}

/** np.sum(a, axis=0) as a 1×cols row (the bias gradient of 5.6.1). */
export function sumRows(a: Matrix): Matrix {
  const out = new Matrix(1, a.cols)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j] += a.data[i * a.cols + j]
  }
  return out
}

/** a + b with numpy broadcasting of the 1×cols row b over every row of a. */
export function addRowVector(a: Matrix, b: Matrix): Matrix {
  checkShape(b.rows === 1 && b.cols === a.cols, 'addRowVector', a, b)
  const out = new Matrix(a.rows, a.cols)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[i * a.cols + j] = a.data[i * a.cols + j] + b.data[j]
  }
  return out
}

/** np.argmax(a, axis=1): the first index of each row's maximum. */
export function argmaxRows(a: Matrix): Int32Array {
  const out = new Int32Array(a.rows)
  for (let i = 0; i < a.rows; i++) {
    let best = 0
    for (let j = 1; j < a.cols; j++) if (a.data[i * a.cols + j] > a.data[i * a.cols + best]) best = j
    out[i] = best
  }
  return out
}

/** target -= scale · m, in place (the SGD update `params[key] -= learning_rate * grad[key]`). */
export function subtractScaledInPlace(target: Matrix, scale: number, m: Matrix): void {
  checkShape(target.rows === m.rows && target.cols === m.cols, 'subtractScaledInPlace', target, m)
  for (let i = 0; i < target.data.length; i++) target.data[i] -= scale * m.data[i]
}

/** np.average(np.abs(a - b)) */
export function meanAbsDiff(a: Matrix, b: Matrix): number {
  checkShape(a.rows === b.rows && a.cols === b.cols, 'meanAbsDiff', a, b)
  let sum = 0
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i])
  return sum / a.data.length
}
