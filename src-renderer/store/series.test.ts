import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatDuration, LossSeries, Throughput } from './series'

describe('loss series (every iteration of train_loss_list, 5.7.4)', () => {
  it('places losses[k] at iteration firstIteration + k across chunks', () => {
    const s = new LossSeries(3)
    s.append(0, [3, 2])
    s.append(2, [1])
    assert.deepEqual(s.raw, [{ x: 0, y: 3 }, { x: 1, y: 2 }, { x: 2, y: 1 }])
  })

  it('averages the trailing window, and fewer values while the window fills', () => {
    const s = new LossSeries(2)
    s.append(0, [4, 2, 6, 8])
    assert.deepEqual(s.average.map((p) => p.y), [4, 3, 4, 7])
  })

  it('skips iterations it already holds, so a repeated chunk does not duplicate points', () => {
    const s = new LossSeries(5)
    s.append(0, [1, 2, 3])
    const added = s.append(1, [2, 3, 4])
    assert.equal(added, 1)
    assert.deepEqual(s.raw.map((p) => p.x), [0, 1, 2, 3])
  })

  it('empties in place and starts the average afresh', () => {
    const s = new LossSeries(2)
    const raw = s.raw
    s.append(0, [10, 10])
    s.clear()
    s.append(0, [1])
    assert.equal(s.raw, raw)
    assert.deepEqual(s.average, [{ x: 0, y: 1 }])
  })

  it('rejects a window that is not a positive integer, naming it', () => {
    assert.throws(() => new LossSeries(0), /window must be a positive integer, got 0/)
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
  })
})
