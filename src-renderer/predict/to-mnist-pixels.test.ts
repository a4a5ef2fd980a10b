import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { centreOfMass, inkBoundingBox, inkFromRgba, toMnistPixels, type InkImage } from './to-mnist-pixels'

/** A w × h blank image with the given rectangles filled with ink 1. */
function drawing(w: number, h: number, rects: [x: number, y: number, rw: number, rh: number][]): InkImage {
  const ink = new Float32Array(w * h)
  for (const [x0, y0, rw, rh] of rects) {
    for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) ink[y * w + x] = 1
  }
  return { width: w, height: h, ink }
}

/** Bounding box of the non-zero pixels of a 28×28 result. */
function box28(pixels: Float32Array) {
  return inkBoundingBox({ width: 28, height: 28, ink: pixels })
}

describe('MNIST-style preprocessing of a drawing', () => {
  it('gives 784 zeros for a canvas without ink', () => {
    const pixels = toMnistPixels(drawing(280, 280, []))
    assert.equal(pixels.length, 784)
    assert.ok(pixels.every((v) => v === 0))
  })

  it('crops to the ink: the same stroke anywhere on the canvas gives the same image', () => {
    const topLeft = toMnistPixels(drawing(200, 200, [[10, 20, 30, 120]]))
    const bottomRight = toMnistPixels(drawing(200, 200, [[150, 70, 30, 120]]))
    assert.deepEqual(Array.from(topLeft), Array.from(bottomRight))
  })

  it('scales the longer side to 20 px and keeps the aspect ratio (tall bar 30×120 → 5×20)', () => {
    const b = box28(toMnistPixels(drawing(200, 200, [[10, 20, 30, 120]])))
    assert.equal(b?.height, 20)
    assert.equal(b?.width, 5)
  })

  it('scales a wide stroke the same way on its longer side (120×40 → 20×7)', () => {
    const b = box28(toMnistPixels(drawing(200, 200, [[40, 80, 120, 40]])))
    assert.equal(b?.width, 20)
    assert.equal(b?.height, 7)
  })

  it('area-averages: a 1-px line in a 40-px box becomes half-strength ink, not a dropped or full pixel', () => {
    // a 20×40 box → factor 0.5 exactly; each 1-px column covers half of one target pixel's 2-px span
    const pixels = toMnistPixels(drawing(60, 60, [[10, 10, 1, 40], [29, 10, 1, 40]]))
    const values = Array.from(pixels).filter((v) => v > 0)
    assert.ok(values.length > 0)
    for (const v of values) assert.ok(Math.abs(v - 0.5) < 1e-6, `expected 0.5, got ${v}`)
  })

  it('keeps the total ink in proportion to the area when downscaling (a filled square stays filled)', () => {
    const pixels = toMnistPixels(drawing(100, 100, [[0, 0, 100, 100]]))
    const sum = pixels.reduce((a, v) => a + v, 0)
    assert.ok(Math.abs(sum - 400) < 1e-3, `20×20 of ink 1 should sum to 400, got ${sum}`)
  })

  it('places the centre of mass within half a pixel of the image centre (13.5, 13.5)', () => {
    // an L shape: its centre of mass is far from its box centre
    const pixels = toMnistPixels(drawing(100, 100, [[10, 10, 8, 80], [10, 82, 70, 8]]))
    const com = centreOfMass(pixels, 28, 28)
    assert.ok(Math.abs(com.x - 13.5) <= 0.5, `x ${com.x}`)
    assert.ok(Math.abs(com.y - 13.5) <= 0.5, `y ${com.y}`)
  })

  it('keeps every value in [0, 1], the range the network was trained on', () => {
    const image = drawing(90, 90, [[5, 5, 3, 70], [5, 5, 70, 3], [40, 40, 20, 20]])
    const pixels = toMnistPixels(image)
    assert.ok(pixels.every((v) => v >= 0 && v <= 1))
    assert.ok(pixels.some((v) => v === 1))
  })

  it('upscales a tiny drawing to 20 px as well', () => {
    const b = box28(toMnistPixels(drawing(50, 50, [[20, 20, 4, 8]])))
    assert.equal(b?.height, 20)
    assert.equal(b?.width, 10)
  })

  it('rejects an ink array whose length does not match width × height, naming both', () => {
    assert.throws(() => toMnistPixels({ width: 10, height: 10, ink: new Float32Array(99) }), /10×10 image needs 100 values, got 99/)
  })

  it('reads ink from the red channel of a white-on-black RGBA canvas', () => {
    const image = inkFromRgba([255, 255, 255, 255, 0, 0, 0, 255, 51, 51, 51, 255], 3, 1)
    assert.deepEqual(Array.from(image.ink), [1, 0, 0.2].map((v) => Math.fround(v)))
  })
})
