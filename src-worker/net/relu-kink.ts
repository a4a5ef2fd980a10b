import type { Matrix } from '../math/matrix'
import type { ParamName, ReluKink } from '../protocol'

/**
 * 5.5.1 / 5.7.3 where the central difference meets ReLU's kink. a = x·W1 + b1 (the ReLU's input, N × hidden).
 * Moving W1[row, col] by ±h moves a[n, col] by ±h·x[n, row]; moving b1[0, col] moves it by ±h. When |a[n, col]|
 * is below that shift, f(x+h) and f(x−h) lie on both sides of 0, and (f(x+h) − f(x−h)) / 2h is not the slope
 * backprop takes. Returns the sample with the input nearest 0 among those, or null (always null for W2, b2).
 */
export function reluKinkAt(a: Matrix, x: Matrix, parameter: ParamName, row: number, col: number, h: number): ReluKink | null {
  if (parameter !== 'W1' && parameter !== 'b1') return null
  let found: ReluKink | null = null
  for (let n = 0; n < a.rows; n++) {
    const input = a.data[n * a.cols + col]!
    const shift = parameter === 'b1' ? h : h * Math.abs(x.data[n * x.cols + row]!)
    if (!(Math.abs(input) < shift)) continue
    if (!found || Math.abs(input) < Math.abs(found.input)) found = { unit: col, sample: n, input, shift }
  }
  return found
}
