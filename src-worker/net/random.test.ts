import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Random } from './random'

describe('seeded random numbers (np.random stand-in)', () => {
  it('the same seed gives the same sequence, another seed a different one', () => {
    const a = new Random(42), b = new Random(42), c = new Random(43)
    const seqA = Array.from({ length: 100 }, () => a.random())
    assert.deepEqual(Array.from({ length: 100 }, () => b.random()), seqA)
    assert.notDeepEqual(Array.from({ length: 100 }, () => c.random()), seqA)
  })

  it('random() stays in [0, 1) with mean ≈ 0.5 over 100,000 draws', () => {
    const rng = new Random(1)
    let sum = 0, min = 1, max = 0
    for (let i = 0; i < 100_000; i++) {
      const u = rng.random()
      sum += u
      min = Math.min(min, u)
      max = Math.max(max, u)
    }
    assert.ok(min >= 0 && max < 1)
    assert.ok(Math.abs(sum / 100_000 - 0.5) < 0.005, `mean ${sum / 100_000}`)
  })

  it('randn has mean ≈ 0 and variance ≈ 1 over 100,000 draws (Box–Muller)', () => {
    const rng = new Random(2)
    let sum = 0, sumSq = 0
    for (let i = 0; i < 100_000; i++) {
      const z = rng.randn()
      sum += z
      sumSq += z * z
    }
    const mean = sum / 100_000
    assert.ok(Math.abs(mean) < 0.01, `mean ${mean}`)
    assert.ok(Math.abs(sumSq / 100_000 - mean * mean - 1) < 0.02, `variance ${sumSq / 100_000}`)
  })

  it('choice(n, size) draws with replacement: indices in [0, n), repeats when size > n, every index hit', () => {
    const batch = new Random(3).choice(10, 1000)
    assert.equal(batch.length, 1000)
    assert.ok(batch.every((i) => Number.isInteger(i) && i >= 0 && i < 10))
    assert.equal(new Set(batch).size, 10)
  })

  it('a seed outside the unsigned 32-bit range is refused, naming the value', () => {
    assert.throws(() => new Random(-1), /seed must be an integer in \[0, 4294967295\], got -1/)
    assert.throws(() => new Random(1.5), /got 1.5/)
  })
})
