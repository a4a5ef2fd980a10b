import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { TILE_SCALE_QUANTILE, tileScale } from './session-views'

/** The definition, by sorting: the magnitude at index floor(q·n), NaN sorted last. */
function bySort(W1: Float32Array): number {
  const m = Float32Array.from(W1, Math.abs).sort()
  return Math.max(1e-12, m[Math.min(m.length - 1, Math.floor(TILE_SCALE_QUANTILE * m.length))]!)
}

/** a seeded stream in [-1, 1) */
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 31 - 1
  })
}

describe('the Inspect tiles’ shared colour scale (tileScale)', () => {
  it('is the 99.5th percentile of |w|, as sorting every magnitude finds it, at the book’s size and at odd ones', () => {
    for (const [n, seed] of [[784 * 50, 1], [784 * 7, 2], [1, 3], [2, 4], [201, 5], [784 * 1000, 6]] as const) {
      const W1 = values(n, seed)
      assert.equal(tileScale(W1), bySort(W1), `n = ${n}`)
    }
  })

  it('is not pulled up by a few outliers: 0.4 % of weights at 1000 leave the scale at the rest’s size', () => {
    const W1 = values(10_000, 7).map((w) => w * 0.01)
    for (let i = 0; i < 40; i++) W1[i * 250] = 1000
    const scale = tileScale(W1)
    assert.equal(scale, bySort(W1))
    assert.ok(scale < 0.011, `scale ${scale}`)
  })

  it('copes with ties, zeros, NaN and infinities (a diverged net) without looping, and never returns 0', () => {
    assert.equal(tileScale(new Float32Array(784 * 50)), 1e-12, 'all zero: the floor')
    assert.equal(tileScale(new Float32Array(1000).fill(-0.25)), 0.25)
    assert.equal(tileScale(new Float32Array(0)), 1)
    const diverged = values(5000, 8)
    for (let i = 0; i < 5000; i += 3) diverged[i] = Number.NaN
    diverged[1] = Number.NEGATIVE_INFINITY
    assert.equal(tileScale(diverged), Number.POSITIVE_INFINITY, 'a third NaN: past the quantile, as a sort puts NaN last')
    const few = values(5000, 9)
    few[10] = Number.NaN
    assert.equal(tileScale(few), bySort(few))
  })
})
