// f32x4 helpers. `madd` would be one fused instruction in a build with --enable relaxed-simd; build-wasm.ts
// makes none (measured no faster under Node 20, and fused rounding differs between CPUs), so it is a mul
// then an add.

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
