import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { LossLog } from './loss-log'

describe('LossLog: one growable Float32Array per run', () => {
  it('keeps every loss in iteration order across growth, as float32', () => {
    const log = new LossLog(5000)
    const expected: number[] = []
    for (let first = 0; first < 5000; first += 700) {
      const chunk = Array.from({ length: Math.min(700, 5000 - first) }, (_, k) => 1 / (first + k + 1))
      log.set(first, Float32Array.from(chunk))
      expected.push(...chunk.map(Math.fround))
    }
    assert.equal(log.count, 5000)
    assert.deepEqual(Array.from(log.view()), expected)
  })

  it('grows no further than the planned iterations, and past them only when a run reports more', () => {
    const log = new LossLog(3000)
    log.set(0, new Float32Array(2500))
    assert.equal(log.view().buffer.byteLength, 3000 * 4, 'capacity is capped at the planned length')
    log.set(3000, new Float32Array([1]))
    assert.equal(log.count, 3001)
  })

  it('a repeated chunk changes nothing, and a gap reads as NaN rather than 0', () => {
    const log = new LossLog(10)
    log.set(0, new Float32Array([2, 1]))
    log.set(0, new Float32Array([2, 1]))
    log.set(4, new Float32Array([0.5]))
    assert.deepEqual(Array.from(log.view()), [2, 1, NaN, NaN, 0.5])
  })
})
