// Activation and loss functions (common/functions.py), row-wise over a batch Matrix.
import { Matrix } from '../math/matrix'

/** 3.2.4 sigmoid: y = 1 / (1 + exp(−x)), element-wise */
export function sigmoid(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols)
  for (let i = 0; i < x.data.length; i++) out.data[i] = 1 / (1 + Math.exp(-x.data[i]))
  return out
}

function rowMax(x: Matrix, i: number): number {
  let max = -Infinity
  for (let j = 0; j < x.cols; j++) max = Math.max(max, x.data[i * x.cols + j])
  return max
}

/** 3.5.2 softmax per row: exp(a − max) / Σ exp(a − max); subtracting the row max guards against overflow */
export function softmax(x: Matrix): Matrix {
  const y = new Matrix(x.rows, x.cols)
  for (let i = 0; i < x.rows; i++) {
    const max = rowMax(x, i)
    let sum = 0
    for (let j = 0; j < x.cols; j++) sum += y.data[i * x.cols + j] = Math.exp(x.data[i * x.cols + j] - max)
    for (let j = 0; j < x.cols; j++) y.data[i * x.cols + j] /= sum
  }
  return y
}

/** log(softmax(x)) per row, computed as (a − max) − log Σ exp(a − max): finite even where softmax underflows to 0 */
export function logSoftmax(x: Matrix): Matrix {
  const out = new Matrix(x.rows, x.cols)
  for (let i = 0; i < x.rows; i++) {
    const max = rowMax(x, i)
    let sum = 0
    for (let j = 0; j < x.cols; j++) sum += Math.exp(x.data[i * x.cols + j] - max)
    const logSum = Math.log(sum)
    for (let j = 0; j < x.cols; j++) out.data[i * x.cols + j] = x.data[i * x.cols + j] - max - logSum
  }
  return out
}

/**
 * 4.2.4 cross-entropy error over a batch with label targets: E = −Σ log y[n, t_n] / N.
 *
 * Takes logY = logSoftmax(x), not y. The book computes `-np.sum(np.log(y[np.arange(N), t] + 1e-7)) / N`;
 * the 1e-7 keeps log(0) away but shifts the loss by about 1e-7 / y, a term SoftmaxWithLoss.backward's
 * (y − t)/N does not contain, so the numerical gradient disagrees with backprop by ~1e-7 (b2 in 5.7.3).
 * The log-softmax form is exact and never reaches log(0), so the gradient check lands at the 1e-10 scale.
 * t: labels (class indices), one per row.
 */
export function crossEntropyError(logY: Matrix, t: ArrayLike<number>): number {
  if (t.length !== logY.rows) throw new RangeError(`crossEntropyError: ${logY.rows} rows but ${t.length} labels`)
  let sum = 0
  for (let n = 0; n < logY.rows; n++) sum += logY.data[n * logY.cols + t[n]]
  return -sum / logY.rows
}
