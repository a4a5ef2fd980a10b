import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { chartPoints, formatDuration, LossSeries, SummedValues, Throughput } from './series'

describe('loss series (every iteration of train_loss_list, 5.7.4)', () => {
  const all = (v: SummedValues): number[] => Array.from(v.values())

  it('places losses[k] at iteration firstIteration + k across chunks', () => {
    const s = new LossSeries(3)
    s.append(0, [3, 2])
    s.append(2, [1])
    assert.deepEqual(all(s.raw), [3, 2, 1])
  })

  it('averages the trailing window, and fewer values while the window fills', () => {
    const s = new LossSeries(2)
    s.append(0, [4, 2, 6, 8])
    assert.deepEqual(all(s.average), [4, 3, 4, 7])
  })

  it('skips iterations it already holds, so a repeated chunk does not duplicate points', () => {
    const s = new LossSeries(5)
    s.append(0, [1, 2, 3])
    const added = s.append(1, [2, 3, 4])
    assert.equal(added, 1)
    assert.deepEqual(all(s.raw), [1, 2, 3, 4])
  })

  it('empties in place and starts the average afresh', () => {
    const s = new LossSeries(2)
    const raw = s.raw
    s.append(0, [10, 10])
    s.clear()
    s.append(0, [1])
    assert.equal(s.raw, raw)
    assert.deepEqual(all(s.average), [1])
  })

  it('rejects a window that is not a positive integer, naming it', () => {
    assert.throws(() => new LossSeries(0), /window must be a positive integer, got 0/)
  })

  it('takes 1,000,000 losses in one chunk (the old spread into push overflowed the stack at ~130,000) and keeps every one', () => {
    const losses = new Float32Array(1_000_000)
    for (let i = 0; i < losses.length; i++) losses[i] = 2.3 / (1 + i / 1000)
    const s = new LossSeries(50)
    assert.equal(s.append(0, losses), 1_000_000)
    assert.equal(s.length, 1_000_000)
    assert.equal(s.nextIteration, 1_000_000)
    assert.deepEqual(s.raw.values(), losses)
  })

  it('also takes 1,000,000 losses one progress chunk at a time', () => {
    const s = new LossSeries(50)
    const chunk = new Float32Array(100).fill(1.5)
    for (let first = 0; first < 1_000_000; first += 100) s.append(first, chunk)
    assert.equal(s.length, 1_000_000)
    assert.equal(s.raw.at(999_999), 1.5)
  })
})

describe('loss envelope (what the charts draw: min, max and mean per pixel)', () => {
  // a deterministic noisy curve with a few NaN (diverged) steps
  const n = 1_000_000
  const values = new Float32Array(n)
  let seed = 12345
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    values[i] = i % 99_991 === 7 ? Number.NaN : 2 / (1 + i / 5000) + (seed / 2147483648) * 0.5
  }
  const s = new LossSeries(50)
  s.append(0, values)

  function direct(from: number, to: number): { min: number; max: number; mean: number } {
    let min = Infinity
    let max = -Infinity
    let sum = 0
    let count = 0
    for (let i = from; i < to; i++) {
      const v = values[i]!
      if (Number.isNaN(v)) continue
      min = Math.min(min, v)
      max = Math.max(max, v)
      sum += v
      count++
    }
    return { min, max, mean: sum / count }
  }

  it('equals the min, max and mean computed directly, over ranges of every size and alignment', () => {
    const ranges: [number, number, number][] = [
      [0, n, 800], [0, n, 1], [3, 1000, 7], [255, 257, 2], [256, 512, 1], [1, 999_999, 333], [500_000, 500_600, 600], [777_777, 900_001, 1024],
    ]
    for (let r = 0; r < 40; r++) {
      const a = Math.floor(Math.abs(Math.sin(r * 7.1)) * (n - 10))
      const b = a + 1 + Math.floor(Math.abs(Math.cos(r * 3.3)) * (n - a - 1))
      ranges.push([a, b, 1 + (r * 37) % 900])
    }
    for (const [from, to, buckets] of ranges) {
      const env = s.raw.envelope(from, to, buckets)
      assert.equal(env.x.length, Math.min(buckets, to - from), `bucket count for [${from}, ${to})`)
      let covered = 0
      for (let j = 0; j < env.x.length; j++) {
        const start = env.x[j]!
        const end = start + env.count[j]!
        assert.equal(start, from + covered, 'buckets tile the range')
        covered += env.count[j]!
        const want = direct(start, end)
        assert.equal(env.min[j], want.min, `min of [${start}, ${end})`)
        assert.equal(env.max[j], want.max, `max of [${start}, ${end})`)
        assert.ok(Math.abs(env.mean[j]! - want.mean) <= 1e-9 * Math.abs(want.mean), `mean of [${start}, ${end}): ${env.mean[j]} vs ${want.mean}`)
      }
      assert.equal(covered, to - from, `the buckets of [${from}, ${to}) cover it`)
    }
  })

  it('draws at most two points per pixel when zoomed out, and every iteration of a range that fits', () => {
    const wide = chartPoints(s, 0, n, 800)
    assert.equal(wide.line.length, 800)
    assert.equal(wide.perPoint, n / 800)
    const near = chartPoints(s, 1000, 2500, 800)
    assert.equal(near.line.length, 1500)
    assert.deepEqual(near.upper.map((p) => p.x), Array.from({ length: 1500 }, (_, k) => 1000 + k))
    assert.deepEqual(near.upper.map((p) => p.y), Array.from(values.subarray(1000, 2500)))
    assert.deepEqual(near.lower.map((p) => p.y), Array.from(values.subarray(1000, 2500)))
  })

  it('clips a range outside the series and gives nothing for an empty one', () => {
    assert.equal(s.raw.envelope(n - 2, n + 50, 10).x.length, 2)
    assert.equal(new LossSeries().raw.envelope(0, 100, 10).x.length, 0)
  })
})

describe('throughput and ETA', () => {
  it('measures iterations per second over the samples', () => {
    const t = new Throughput(10_000)
    t.sample(0, 0)
    t.sample(500, 1000)
    t.sample(1000, 2000)
    assert.equal(t.perSecond, 500)
    assert.equal(t.etaSeconds(1500), 3)
  })

  it('knows no pace before two samples 100 ms apart', () => {
    const t = new Throughput()
    t.sample(10, 0)
    t.sample(20, 50)
    assert.equal(t.perSecond, null)
    assert.equal(t.etaSeconds(100), null)
  })

  it('forgets samples older than its window, following a change of pace', () => {
    const t = new Throughput(1000)
    t.sample(0, 0)
    t.sample(100, 1000)
    t.sample(1100, 2000)
    t.sample(2100, 3000)
    assert.equal(t.perSecond, 1000)
  })
})

describe('duration text', () => {
  it('reads seconds, minutes and hours', () => {
    assert.equal(formatDuration(12.4), '12 s')
    assert.equal(formatDuration(65), '1 min 05 s')
    assert.equal(formatDuration(3720), '1 h 02 min')
    assert.equal(formatDuration(null), '—')
    const ko = { s: (s: string) => `${s}초`, minS: (m: string, s: string) => `${m}분 ${s}초`, hMin: (h: string, m: string) => `${h}시간 ${m}분` }
    assert.equal(formatDuration(2596, ko), '43분 16초')
    assert.equal(formatDuration(3720, ko), '1시간 02분')
  })
})
