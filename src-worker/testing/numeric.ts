// Oracles for the layer tests: the numerical gradient of L = Σ dout ⊙ f(x), whose exact gradient is backward(dout).
import { Matrix } from '../math/matrix'
import { numericalGradient } from '../net/numerical-gradient'
import { Random } from '../net/random'

/** Σ dout ⊙ y: a scalar loss whose gradient with respect to y is dout */
export function weightedSum(y: Matrix, dout: Matrix): number {
  let sum = 0
  for (let i = 0; i < y.data.length; i++) sum += y.data[i] * dout.data[i]
  return sum
}

/** numerical d(Σ dout ⊙ f(x)) / dx, central differences with h = 1e-4 */
export function numericalBackward(f: (x: Matrix) => Matrix, x: Matrix, dout: Matrix): Matrix {
  return numericalGradient(() => weightedSum(f(x), dout), x)
}

/** rows × cols standard-normal values from a seeded rng */
export function randn(rows: number, cols: number, rng: Random, scale = 1): Matrix {
  const m = new Matrix(rows, cols)
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.randn()
  return m
}

/** the largest |a − b| */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  let max = 0
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i] - b.data[i]))
  return max
}
