import { Matrix } from '../math/matrix'

/** the step of the central difference, the book's h = 1e-4 */
export const H = 1e-4

/**
 * 4.4 numerical gradient by central difference (common/gradient.py): (f(x+h) − f(x−h)) / 2h with h = 1e-4,
 * one element of x at a time. f must read x (by reference); each element is restored after use.
 * onElement, when given, is called after each element (the lab's progress bar).
 */
export function numericalGradient(f: () => number, x: Matrix, onElement?: () => void): Matrix {
  const h = H // 0.0001
  const grad = new Matrix(x.rows, x.cols)
  for (let idx = 0; idx < x.data.length; idx++) {
    const tmpVal = x.data[idx]
    x.data[idx] = tmpVal + h
    const fxh1 = f() //                           f(x+h)
    x.data[idx] = tmpVal - h
    const fxh2 = f() //                           f(x-h)
    grad.data[idx] = (fxh1 - fxh2) / (2 * h)
    x.data[idx] = tmpVal //                       restore the value
    onElement?.()
  }
  return grad
}
