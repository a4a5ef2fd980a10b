import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DrawingSlot } from './last-drawing'

describe('the drawing Predict hands to the Step pane', () => {
  it('keeps a copy of the latest drawing, so later strokes on the pad do not change a step already chosen', () => {
    const slot = new DrawingSlot()
    const pad = new Float32Array(784)
    pad[300] = 0.8
    slot.set(pad)
    pad[300] = 0
    assert.equal(slot.get()?.[300], Math.fround(0.8))
  })

  it('an empty pad clears it, and listeners hear each change once', () => {
    const slot = new DrawingSlot()
    let heard = 0
    const off = slot.subscribe(() => heard++)
    const ink = new Float32Array(784).fill(0.5)
    slot.set(ink)
    slot.set(new Float32Array(784))
    slot.set(null)
    assert.equal(slot.get(), null)
    assert.equal(heard, 2, 'set, then cleared; clearing an empty slot says nothing')
    off()
    slot.set(ink)
    assert.equal(heard, 2)
  })
})
