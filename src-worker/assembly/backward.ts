// Backward pass and SGD update (5.7.2 TwoLayerNet.gradient, 5.7.4 params -= lr·grad), float32.
import { updateW1 } from './columns'
import { C, Hp, W2T, b1, b2, db1, db2, dW2T, rowBytes, t, useRelu, y, z } from './layout'
import { madd } from './simd'

/**
 * One row's share of the gradient: dout, then Affine2.backward and the activation's backward.
 * Accumulates dW2ᵀ, db2 and db1, and overwrites z's row n with −lr·dh, ready for the W1 update.
 */
function backwardRow(n: i32, batchSize: i32, negLr: f32): void {
  const yr = y + <usize>(n * C * 4)
  const label = load<i32>(t + (<usize>n << 2))
  const invN: f32 = 1.0 / <f32>batchSize
  // dout = (y − t) / batch_size  (SoftmaxWithLoss.backward, 5.6.3)
  for (let c = 0; c < C; c++) {
    const p = yr + (<usize>c << 2)
    const dout = (load<f32>(p) - (c == label ? <f32>1 : <f32>0)) * invN
    store<f32>(p, dout)
    store<f32>(db2 + (<usize>c << 2), load<f32>(db2 + (<usize>c << 2)) + dout) // db2 = np.sum(dout, axis=0)
  }
  const zr = z + <usize>n * rowBytes
  const zero = f32x4.splat(0), one = f32x4.splat(1), lr = f32x4.splat(negLr)
  for (let v = 0; v < Hp; v += 4) {
    const col = <usize>(v << 2)
    const zv = v128.load(zr + col)
    let dz = f32x4.splat(0), dzOdd = dz // two sums, so that consecutive classes don't wait on each other
    for (let c = 0; c < C; c += 2) {
      const d = v128.load32_splat(yr + (<usize>c << 2)), e = v128.load32_splat(yr + (<usize>c << 2), 4)
      const g = dW2T + <usize>(c * rowBytes) + col, w = W2T + <usize>(c * rowBytes) + col
      v128.store(g, madd(d, zv, v128.load(g))) //                           dW2 = np.dot(z.T, dout)
      v128.store(g + <usize>rowBytes, madd(e, zv, v128.load(g + <usize>rowBytes)))
      dz = madd(d, v128.load(w), dz) //                                     dz = np.dot(dout, W2.T)
      dzOdd = madd(e, v128.load(w + <usize>rowBytes), dzOdd)
    }
    dz = f32x4.add(dz, dzOdd)
    const dh = useRelu
      ? v128.and(dz, f32x4.gt(zv, zero)) //                      Relu.backward: dout[mask] = 0
      : f32x4.mul(dz, f32x4.mul(zv, f32x4.sub(one, zv))) //      Sigmoid.backward: dout·y·(1 − y)
    v128.store(db1 + col, f32x4.add(v128.load(db1 + col), dh)) // db1 = np.sum(dh, axis=0)
    v128.store(zr + col, f32x4.mul(lr, dh))
  }
}

/** gradient by backprop, then params −= lr·grad for every parameter (5.7.4); filed: as for updateW1 */
export function backwardAndUpdate(batchSize: i32, learningRate: f32, filed: bool): void {
  memory.fill(dW2T, 0, <usize>(C * rowBytes + rowBytes + 64))
  for (let n = 0; n < batchSize; n++) backwardRow(n, batchSize, -learningRate)
  updateW1(batchSize, filed)
  const lr = f32x4.splat(learningRate)
  for (let v = 0; v < Hp; v += 4) {
    const col = <usize>(v << 2)
    v128.store(b1 + col, f32x4.sub(v128.load(b1 + col), f32x4.mul(lr, v128.load(db1 + col)))) // b1 -= lr·db1
  }
  for (let i = 0; i < C * Hp; i += 4) {
    const p = W2T + (<usize>i << 2), g = dW2T + (<usize>i << 2)
    v128.store(p, f32x4.sub(v128.load(p), f32x4.mul(lr, v128.load(g)))) //                  W2 -= lr·dW2
  }
  for (let c = 0; c < C; c++) {
    const p = b2 + (<usize>c << 2)
    store<f32>(p, load<f32>(p) - learningRate * load<f32>(db2 + (<usize>c << 2))) //        b2 -= lr·db2
  }
}

