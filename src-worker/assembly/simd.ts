// f32x4 helpers. `madd` would be one fused instruction in a build with --enable relaxed-simd; build-wasm.ts
// makes none (measured 1–3 % faster in Node 20 behind its flag and in Chromium 156, where this CPU's FMA
// shares ports with its multiplies; and fused rounding differs between CPUs), so it is a mul then an add.

/** a·b + c per lane */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c)
  return f32x4.add(f32x4.mul(a, b), c)
}

/** the sum of the four lanes */
// @ts-ignore: decorator
@inline export function hsum(v: v128): f32 {
  const s = f32x4.add(v, i32x4.shuffle(v, v, 2, 3, 0, 1))
  return f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1)
}

/**
 * exp per lane for x ≤ 0 (scores shifted by their max), within ~2 ulp of Mathf.exp: exp(x) = 2^k · exp(r)
 * with k = round(x / ln 2) and |r| ≤ ln 2 / 2, exp(r) by Cephes' expf polynomial. Below −87 (where exp
 * is under 2⁻¹²⁵ and adds nothing to a softmax sum) x is clamped, so that 2^k stays a normal float.
 */
// @ts-ignore: decorator
@inline export function expv(x: v128): v128 {
  x = f32x4.max(x, f32x4.splat(-87.0))
  const k = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)))
  // r = x − k·ln 2, with ln 2 in two parts so that k·(first part) is exact
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(k, f32x4.splat(0.693359375))), f32x4.mul(k, f32x4.splat(-2.12194440e-4)))
  let p = f32x4.splat(1.9875691500e-4)
  p = madd(p, r, f32x4.splat(1.3981999507e-3))
  p = madd(p, r, f32x4.splat(8.3334519073e-3))
  p = madd(p, r, f32x4.splat(4.1665795894e-2))
  p = madd(p, r, f32x4.splat(1.6666665459e-1))
  p = madd(p, r, f32x4.splat(5.0000001201e-1))
  const er = f32x4.add(madd(p, f32x4.mul(r, r), r), f32x4.splat(1)) // 1 + r + r²·p(r)
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23) // 2^k's bits
  return f32x4.mul(er, scale)
}
