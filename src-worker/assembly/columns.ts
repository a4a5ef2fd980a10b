// The W1 update pixel by pixel (5.6.2 Affine1.backward's dW = np.dot(x.T, dout), fused with 5.7.4's
// W1 −= lr·dW). Row by row, every lit pixel of every batch row loads and stores its 16-byte groups of W1
// again (~15,000 row updates a batch of 100), and that store-bound pass cost ~1.6× a forward pass. Instead
// the batch is first turned around into its columns (for each lit pixel p: the rows n that light it and
// their x_np), then each lit pixel's row of W1 is loaded and stored once, the sum kept in registers:
// W1[p] += Σ_n x_np · (−lr·dh_n).
import { COLUMN_ROWS, D, Hp, W1, batchIdx, colCount, colEntries, rowBytes, rowInverse, setOff, setStart, setVal, z } from './layout'
import { madd } from './simd'

const ENTRY = 8 // [u32 address of row n's −lr·dh][f32 x_np]
const COLUMN_BYTES: usize = <usize>(COLUMN_ROWS * ENTRY)

/**
 * Files batch rows first..last−1 under their lit pixels: column p gets, per row n lighting it, the address
 * of row n of z (which backward left holding −lr·dh) and x_np.
 */
function gatherColumns(first: i32, last: i32): void {
  memory.fill(colCount, 0, <usize>(D << 2))
  for (let n = first; n < last; n++) {
    const i = <usize>load<i32>(batchIdx + (<usize>n << 2))
    const g = <u64>(z + <usize>n * rowBytes)
    for (let e = <usize>load<i32>(setStart + (i << 2)) << 2, end = <usize>load<i32>(setStart + (i << 2), 4) << 2; e < end; e += 4) {
      // the pixel whose W1 row the offset k·rowBytes points at: k = offset / rowBytes, by a multiply
      const p = <usize>((<u64>load<u32>(setOff + e) * rowInverse) >> 32)
      const count = load<i32>(colCount + (p << 2))
      const entry = colEntries + p * COLUMN_BYTES + (<usize>count << 3)
      store<u64>(entry, g | (<u64>load<u32>(setVal + e) << 32)) // both halves of the entry in one store
      store<i32>(colCount + (p << 2), count + 1)
    }
  }
}

/** W1[p] += Σ_n x_np · g_n over column p's count entries, for one lit pixel p (g_n = −lr·dh_n) */
function updateRow(p: usize, count: i32): void {
  const row = W1 + p * <usize>rowBytes
  const first = colEntries + p * COLUMN_BYTES, end = first + (<usize>count << 3)
  let v = 0
  // four lane groups (16 hidden units) at a time, summed in registers over the column; five for the last
  // turn when one group would be left over (hidden 50 = 13 groups), then any rest one group at a time
  for (; v + 16 <= Hp; v += 16) {
    const col = <usize>(v << 2)
    if (v + 20 == Hp) {
      let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0, s4 = s0
      for (let e = first; e < end; e += ENTRY) {
        const x = v128.load32_splat(e, 4), g = <usize>load<u32>(e) + col
        s0 = madd(x, v128.load(g), s0)
        s1 = madd(x, v128.load(g, 16), s1)
        s2 = madd(x, v128.load(g, 32), s2)
        s3 = madd(x, v128.load(g, 48), s3)
        s4 = madd(x, v128.load(g, 64), s4)
      }
      const w = row + col
      v128.store(w, f32x4.add(v128.load(w), s0))
      v128.store(w, f32x4.add(v128.load(w, 16), s1), 16)
      v128.store(w, f32x4.add(v128.load(w, 32), s2), 32)
      v128.store(w, f32x4.add(v128.load(w, 48), s3), 48)
      v128.store(w, f32x4.add(v128.load(w, 64), s4), 64)
      v += 4
      continue
    }
    let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0
    for (let e = first; e < end; e += ENTRY) {
      const x = v128.load32_splat(e, 4), g = <usize>load<u32>(e) + col
      s0 = madd(x, v128.load(g), s0)
      s1 = madd(x, v128.load(g, 16), s1)
      s2 = madd(x, v128.load(g, 32), s2)
      s3 = madd(x, v128.load(g, 48), s3)
    }
    const w = row + col
    v128.store(w, f32x4.add(v128.load(w), s0))
    v128.store(w, f32x4.add(v128.load(w, 16), s1), 16)
    v128.store(w, f32x4.add(v128.load(w, 32), s2), 32)
    v128.store(w, f32x4.add(v128.load(w, 48), s3), 48)
  }
  for (; v < Hp; v += 4) {
    const col = <usize>(v << 2)
    let s0 = f32x4.splat(0)
    for (let e = first; e < end; e += ENTRY) s0 = madd(v128.load32_splat(e, 4), v128.load(<usize>load<u32>(e) + col), s0)
    v128.store(row + col, f32x4.add(v128.load(row + col), s0))
  }
}

/**
 * W1 −= lr · xᵀ·dh over the batch, z's rows holding −lr·dh: only the rows of W1 whose pixel is lit in some
 * batch row change, and Affine1's dx, which nothing uses, is never computed.
 */
export function updateW1(batchSize: i32): void {
  for (let first = 0; first < batchSize; first += COLUMN_ROWS) {
    gatherColumns(first, min(batchSize, first + COLUMN_ROWS))
    for (let p = 0; p < D; p++) {
      const count = load<i32>(colCount + (<usize>p << 2))
      if (count != 0) updateRow(<usize>p, count)
    }
  }
}
