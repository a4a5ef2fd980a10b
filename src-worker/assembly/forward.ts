// Forward pass (5.7.2 TwoLayerNet.predict / loss) over sparse rows: ~80 % of MNIST pixels are 0, so
// x·W1 only visits the rows of W1 whose pixel is lit.
import { C, D, H, Hp, W1, W2T, b1, b2, colCount, colEntries, rowBytes, rowInverse, useRelu } from './layout'
import { fileEntry } from './columns'
import { expv, hsum, madd } from './simd'

const INV255: f32 = 1.0 / 255.0

/**
 * Encodes the 784-byte image at img sparsely: its lit pixels k go to off (k × rowBytes, W1's row) and
 * val (x = byte / 255) from entry `at` on. Returns the entry after the last.
 */
export function encodeRow(img: usize, off: usize, val: usize, at: i32): i32 {
  const zero = i8x16.splat(0)
  for (let j = 0; j < D; j += 16) {
    let lit = i8x16.bitmask(i8x16.ne(v128.load(img + <usize>j), zero))
    while (lit != 0) {
      const k = j + ctz(lit)
      store<u32>(off + (<usize>at << 2), k * rowBytes)
      store<f32>(val + (<usize>at << 2), <f32>load<u8>(img + <usize>k) * INV255)
      at++
      lit &= lit - 1
    }
  }
  return at
}

/**
 * Whether hiddenRow can file a row's pixels under their columns: it does so in its first turn when that
 * is a six-group one, which needs Hp ≥ 24 and Hp ≠ 28. Smaller nets have updateW1 file them instead.
 */
export function canFileColumns(): bool {
  return Hp >= 24 && Hp != 28
}

/**
 * out = activation(x·W1 + b1) for one image whose lit pixels are entries first..last of off/val
 * (Affine1 then Relu1 / Sigmoid1, 5.6.2, 5.5). h = b1 + Σ_k x_k · W1[k, :]  (np.dot(x, W1) + b1)
 * With file set (see canFileColumns), each lit pixel is also filed under its column for the W1 update
 * (columns.ts), as row out.
 */
export function hiddenRow(off: usize, val: usize, first: i32, last: i32, out: usize, file: bool): void {
  // 24 hidden units (six lane groups) at a time, summed in registers over the lit pixels; 28 in the last
  // turn when one group would be left over (hidden 50 = 13 groups). Narrower turns reread x and the rows of
  // W1 more often; wider ones, two pixels per turn, or these loops written once as an inlined helper make
  // V8 keep loop values on the stack (all measured slower).
  let v = 0
  for (; v + 24 <= Hp; v += 24) {
    const col = <usize>(v << 2), base = W1 + col
    if (v + 28 == Hp) {
      let h0 = v128.load(b1 + col), h1 = v128.load(b1 + col, 16), h2 = v128.load(b1 + col, 32), h3 = v128.load(b1 + col, 48)
      let h4 = v128.load(b1 + col, 64), h5 = v128.load(b1 + col, 80), h6 = v128.load(b1 + col, 96)
      for (let e = <usize>first << 2, end = <usize>last << 2; e < end; e += 4) {
        const xk = v128.load32_splat(val + e)
        const w = base + <usize>load<u32>(off + e)
        h0 = madd(xk, v128.load(w), h0)
        h1 = madd(xk, v128.load(w, 16), h1)
        h2 = madd(xk, v128.load(w, 32), h2)
        h3 = madd(xk, v128.load(w, 48), h3)
        h4 = madd(xk, v128.load(w, 64), h4)
        h5 = madd(xk, v128.load(w, 80), h5)
        h6 = madd(xk, v128.load(w, 96), h6)
      }
      v128.store(out + col, h0)
      v128.store(out + col, h1, 16)
      v128.store(out + col, h2, 32)
      v128.store(out + col, h3, 48)
      v128.store(out + col, h4, 64)
      v128.store(out + col, h5, 80)
      v128.store(out + col, h6, 96)
      v += 4
      continue
    }
    let h0 = v128.load(b1 + col), h1 = v128.load(b1 + col, 16), h2 = v128.load(b1 + col, 32), h3 = v128.load(b1 + col, 48)
    let h4 = v128.load(b1 + col, 64), h5 = v128.load(b1 + col, 80)
    if (file && v == 0) {
      const counts = colCount, entries = colEntries, inverse = rowInverse // read once, not once per pixel
      for (let e = <usize>first << 2, end = <usize>last << 2; e < end; e += 4) {
        const offset = load<u32>(off + e)
        const xk = v128.load32_splat(val + e)
        const w = base + <usize>offset
        fileEntry(counts, entries, inverse, offset, out, load<u32>(val + e))
        h0 = madd(xk, v128.load(w), h0)
        h1 = madd(xk, v128.load(w, 16), h1)
        h2 = madd(xk, v128.load(w, 32), h2)
        h3 = madd(xk, v128.load(w, 48), h3)
        h4 = madd(xk, v128.load(w, 64), h4)
        h5 = madd(xk, v128.load(w, 80), h5)
      }
    } else {
      for (let e = <usize>first << 2, end = <usize>last << 2; e < end; e += 4) {
        const xk = v128.load32_splat(val + e)
        const w = base + <usize>load<u32>(off + e)
        h0 = madd(xk, v128.load(w), h0)
        h1 = madd(xk, v128.load(w, 16), h1)
        h2 = madd(xk, v128.load(w, 32), h2)
        h3 = madd(xk, v128.load(w, 48), h3)
        h4 = madd(xk, v128.load(w, 64), h4)
        h5 = madd(xk, v128.load(w, 80), h5)
      }
    }
    v128.store(out + col, h0)
    v128.store(out + col, h1, 16)
    v128.store(out + col, h2, 32)
    v128.store(out + col, h3, 48)
    v128.store(out + col, h4, 64)
    v128.store(out + col, h5, 80)
  }
  // any groups left over (small nets, or groups that don't split into sixes and a seven), one at a time
  // with two sums, two pixels per turn, so that consecutive pixels don't wait on each other
  for (; v < Hp; v += 4) {
    const col = <usize>(v << 2), base = W1 + col
    let h0 = v128.load(b1 + col), h1 = f32x4.splat(0)
    let e = <usize>first << 2
    const end = <usize>last << 2
    for (; e + 4 < end; e += 8) {
      h0 = madd(v128.load32_splat(val + e), v128.load(base + <usize>load<u32>(off + e)), h0)
      h1 = madd(v128.load32_splat(val + e, 4), v128.load(base + <usize>load<u32>(off + e, 4)), h1)
    }
    if (e < end) h0 = madd(v128.load32_splat(val + e), v128.load(base + <usize>load<u32>(off + e)), h0)
    v128.store(out + col, f32x4.add(h0, h1))
  }
  activate(out)
}

/** Relu.forward: max(0, h)  or  Sigmoid.forward: 1 / (1 + exp(−h)), in place on one row of Hp values */
function activate(row: usize): void {
  if (useRelu) {
    const zero = f32x4.splat(0)
    for (let v = 0; v < Hp; v += 4) v128.store(row + (<usize>v << 2), f32x4.max(v128.load(row + (<usize>v << 2)), zero))
    return
  }
  for (let j = 0; j < Hp; j++) {
    const p = row + (<usize>j << 2)
    store<f32>(p, 1.0 / (1.0 + Mathf.exp(-load<f32>(p))))
  }
  // padding lanes would be sigmoid(0) = 0.5: keep them 0 so they never reach W2's gradient
  for (let j = H; j < Hp; j++) store<f32>(row + (<usize>j << 2), 0)
}

/** a = z·W2 + b2 for one row z into out[0..10)  (Affine2.forward, 5.6.2); returns max_c a_c */
export function scoresRow(zr: usize, out: usize): f32 {
  // five classes at a time: five independent sums share each load of z
  for (let c = 0; c < C; c += 5) {
    const w = W2T + <usize>(c * rowBytes)
    let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0, a4 = a0
    for (let j: usize = 0, end = <usize>rowBytes; j < end; j += 16) {
      const zj = v128.load(zr + j), wj = w + j
      a0 = madd(zj, v128.load(wj), a0)
      a1 = madd(zj, v128.load(wj + <usize>rowBytes), a1)
      a2 = madd(zj, v128.load(wj + <usize>(2 * rowBytes)), a2)
      a3 = madd(zj, v128.load(wj + <usize>(3 * rowBytes)), a3)
      a4 = madd(zj, v128.load(wj + <usize>(4 * rowBytes)), a4)
    }
    const o = out + (<usize>c << 2), b = b2 + (<usize>c << 2)
    store<f32>(o, hsum(a0) + load<f32>(b))
    store<f32>(o, hsum(a1) + load<f32>(b, 4), 4)
    store<f32>(o, hsum(a2) + load<f32>(b, 8), 8)
    store<f32>(o, hsum(a3) + load<f32>(b, 12), 12)
    store<f32>(o, hsum(a4) + load<f32>(b, 16), 16)
  }
  let max = load<f32>(out)
  for (let c = 1; c < C; c++) max = Mathf.max(max, load<f32>(out + (<usize>c << 2)))
  return max
}

/**
 * y = softmax(a) in place for one row's scores (3.5.2, shifted by the max), returning this row's
 * cross-entropy −log y_t computed exactly as log Σ exp(a − max) − (a_t − max) (functions.ts).
 * The ten exponentials are taken four at a time (classes 0–3, 4–7, 8–9 with two lanes unused).
 */
export function softmaxRow(a: usize, max: f32, label: i32): f32 {
  const shifted = load<f32>(a + (<usize>label << 2)) - max
  const m = f32x4.splat(max)
  const e0 = expv(f32x4.sub(v128.load(a), m))
  const e1 = expv(f32x4.sub(v128.load(a, 16), m))
  const e2 = v128.and(expv(f32x4.sub(v128.load64_zero(a + 32), m)), i32x4(-1, -1, 0, 0))
  const sum = hsum(f32x4.add(f32x4.add(e0, e1), e2))
  const inv = f32x4.splat(<f32>1.0 / sum)
  v128.store(a, f32x4.mul(e0, inv))
  v128.store(a, f32x4.mul(e1, inv), 16)
  v128.store64_lane(a + 32, f32x4.mul(e2, inv), 0)
  return Mathf.log(sum) - shifted
}
