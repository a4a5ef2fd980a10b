// The W1 update pixel by pixel (5.6.2 Affine1.backward's dW = np.dot(x.T, dout), fused with 5.7.4's
// W1 −= lr·dW). Row by row, every lit pixel of every batch row loads and stores its 16-byte groups of W1
// again (~15,000 row updates a batch of 100), and that store-bound pass cost ~1.6× a forward pass. Instead
// the batch is first turned around into its columns (for each lit pixel p: the rows n that light it and
// their x_np), then each lit pixel's row of W1 is loaded and stored once, the sum kept in registers:
// W1[p] += Σ_n x_np · (−lr·dh_n). The turning around costs a scalar pass over the batch's ~15,000 lit
// pixels; the first forward pass, which visits each of them anyway, does it on the side (forward.ts).
import { COLUMN_ROWS, D, Hp, W1, batchIdx, colCount, colEntries, rowBytes, rowInverse, setOff, setStart, setVal, z } from './layout'
import { madd } from './simd'

const ENTRY = 8 // [u32 address of row n's −lr·dh][f32 x_np]
const COLUMN_BYTES: usize = <usize>(COLUMN_ROWS * ENTRY)

/**
 * Files one lit pixel of a batch row under its column: p from W1's row offset k·rowBytes (k = offset /
 * rowBytes, by a multiply), then the entry [row address, x bits] after the column's count entries.
 * counts, entries and inverse are colCount, colEntries and rowInverse, read by the caller before its loop.
 */
// @ts-ignore: decorator
@inline export function fileEntry(counts: usize, entries: usize, inverse: u64, offset: u32, row: usize, x: u32): void {
  const p = <usize>((<u64>offset * inverse) >> 32)
  const count = load<i32>(counts + (p << 2))
  store<u64>(entries + p * COLUMN_BYTES + (<usize>count << 3), <u64>row | (<u64>x << 32)) // both halves in one store
  store<i32>(counts + (p << 2), count + 1)
}

/** Empties every column, before a batch's rows are filed. */
export function clearColumns(): void {
  memory.fill(colCount, 0, <usize>(D << 2))
}

/**
 * Files batch rows first..last−1 under their lit pixels: column p gets, per row n lighting it, the address
 * of row n of z (which backward leaves holding −lr·dh) and x_np. The forward pass files them itself when the
 * batch fits in one pass (kernel.ts); this is for larger batches, COLUMN_ROWS rows at a time.
 */
function gatherColumns(first: i32, last: i32): void {
  clearColumns()
  const counts = colCount, entries = colEntries, inverse = rowInverse
  for (let n = first; n < last; n++) {
    const i = <usize>load<i32>(batchIdx + (<usize>n << 2))
    const row = z + <usize>n * rowBytes
    for (let e = <usize>load<i32>(setStart + (i << 2)) << 2, end = <usize>load<i32>(setStart + (i << 2), 4) << 2; e < end; e += 4) {
      fileEntry(counts, entries, inverse, load<u32>(setOff + e), row, load<u32>(setVal + e))
    }
  }
}

/** W1[p] += Σ_n x_np · g_n over column p's count entries, for one lit pixel p (g_n = −lr·dh_n) */
function updateRow(p: usize, count: i32): void {
  const row = W1 + p * <usize>rowBytes
  const first = colEntries + p * COLUMN_BYTES, end = first + (<usize>count << 3)
  // 24 hidden units at a time (28 in the last turn when one group would be left over), summed in
  // registers over the column, as in forward.ts; then any rest one group at a time
  let v = 0
  for (; v + 24 <= Hp; v += 24) {
    if (v + 28 == Hp) {
      addColumnSums(first, end, row, <usize>(v << 2), true)
      v += 4
    } else addColumnSums(first, end, row, <usize>(v << 2), false)
  }
  for (; v < Hp; v += 4) {
    const col = <usize>(v << 2)
    let s0 = f32x4.splat(0)
    for (let e = first; e < end; e += ENTRY) s0 = madd(v128.load32_splat(e, 4), v128.load(<usize>load<u32>(e) + col), s0)
    v128.store(row + col, f32x4.add(v128.load(row + col), s0))
  }
}

/** W1[p][col..] += Σ over the column's entries first..end of x · g[col..], for 24 hidden units (28 if seven) */
// @ts-ignore: decorator
@inline function addColumnSums(first: usize, end: usize, row: usize, col: usize, seven: bool): void {
  let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0
  for (let e = first; e < end; e += ENTRY) {
    const x = v128.load32_splat(e, 4), g = <usize>load<u32>(e) + col
    s0 = madd(x, v128.load(g), s0)
    s1 = madd(x, v128.load(g, 16), s1)
    s2 = madd(x, v128.load(g, 32), s2)
    s3 = madd(x, v128.load(g, 48), s3)
    s4 = madd(x, v128.load(g, 64), s4)
    s5 = madd(x, v128.load(g, 80), s5)
    if (seven) s6 = madd(x, v128.load(g, 96), s6)
  }
  const w = row + col
  v128.store(w, f32x4.add(v128.load(w), s0))
  v128.store(w, f32x4.add(v128.load(w, 16), s1), 16)
  v128.store(w, f32x4.add(v128.load(w, 32), s2), 32)
  v128.store(w, f32x4.add(v128.load(w, 48), s3), 48)
  v128.store(w, f32x4.add(v128.load(w, 64), s4), 64)
  v128.store(w, f32x4.add(v128.load(w, 80), s5), 80)
  if (seven) v128.store(w, f32x4.add(v128.load(w, 96), s6), 96)
}

/**
 * W1 −= lr · xᵀ·dh over the batch, z's rows holding −lr·dh: only the rows of W1 whose pixel is lit in some
 * batch row change, and Affine1's dx, which nothing uses, is never computed. filed: the forward pass has
 * already filed the batch's columns (a batch of at most COLUMN_ROWS rows).
 */
export function updateW1(batchSize: i32, filed: bool): void {
  for (let first = 0; first < batchSize; first += COLUMN_ROWS) {
    if (!filed) gatherColumns(first, min(batchSize, first + COLUMN_ROWS))
    for (let p = 0; p < D; p++) {
      const count = load<i32>(colCount + (<usize>p << 2))
      if (count != 0) updateRow(<usize>p, count)
    }
  }
}
