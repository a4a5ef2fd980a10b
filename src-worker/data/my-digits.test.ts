import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { MyDigit } from '../protocol'
import { parseIdxFiles } from './idx'
import {
  bytesToPixels, digitSetToMyDigits, MAX_MY_DIGITS, myDigitsToIdx, myDigitsToJson, myDigitsToSet, parseDigitBatch, parseMyDigits, parseMyDigitsJson,
  pixelsToBytes, withExtraDigits,
} from './my-digits'

const KEPT = '2026-12-03T07:00:00.000Z'
function digit(i: number, label = i % 10): MyDigit {
  const pixels = new Uint8Array(784)
  for (let p = 0; p < 784; p++) pixels[p] = (p * 7 + i * 13) % 256
  return { id: `d-${i}`, label, keptAt: KEPT, pixels }
}

describe('My digits: the user’s own handwriting as a data set (#13 §2)', () => {
  it('keeps a drawing as the bytes an IDX file would hold: 0 → 0, 1 → 255, rounded, clamped', () => {
    const pixels = new Float32Array(784)
    pixels[0] = 1
    pixels[1] = 0.5
    pixels[2] = 1.7 // clamped, never wraps around
    const bytes = pixelsToBytes(pixels)
    assert.deepEqual([bytes[0], bytes[1], bytes[2], bytes[3]], [255, 128, 255, 0])
    assert.ok(Math.abs(bytesToPixels(bytes)[1] - 0.5) < 1 / 255)
  })

  it('round-trips through its JSON export exactly', () => {
    const digits = [digit(0), digit(1), digit(2, 7)]
    const back = parseMyDigitsJson(JSON.parse(myDigitsToJson(digits)), 'mine.json')
    assert.deepEqual(back, digits)
  })

  it('exports an IDX pair that the lab’s own MNIST reader reads back, label for label and byte for byte', () => {
    const digits = Array.from({ length: 12 }, (_, i) => digit(i))
    const { images, labels } = myDigitsToIdx(digits)
    const split = parseIdxFiles({
      trainImages: { name: 'my-digits-images-idx3-ubyte', bytes: images },
      trainLabels: { name: 'my-digits-labels-idx1-ubyte', bytes: labels },
      testImages: { name: 'my-digits-images-idx3-ubyte', bytes: images },
      testLabels: { name: 'my-digits-labels-idx1-ubyte', bytes: labels },
    })
    const back = digitSetToMyDigits(split.train, KEPT, 'd')
    assert.deepEqual(back, digits)
  })

  it('refuses a bad stored or imported list by naming the digit and the problem', () => {
    const good = JSON.parse(myDigitsToJson([digit(0), digit(1)])) as { digits: Record<string, unknown>[] }
    const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
      ['a label out of range', (d) => (d.label = 10), /mine\.json, digit 2: label must be a digit 0–9, got 10/],
      ['a fractional label', (d) => (d.label = 2.5), /label must be a digit 0–9, got 2\.5/],
      ['a short image', (d) => (d.pixels = [1, 2, 3]), /pixels must be 784 integers 0–255 \(28×28\), got 3 values/],
      ['a pixel over 255', (d) => ((d.pixels as number[])[5] = 256), /pixels\[5\] must be an integer 0–255, got 256/],
      ['an id with a slash', (d) => (d.id = '../x'), /id must be 1–64 letters, digits or dashes/],
      ['no date', (d) => (d.keptAt = 'yesterday'), /keptAt must be a date/],
    ]
    for (const [what, spoil, message] of cases) {
      const file = structuredClone(good)
      spoil(file.digits[1]!)
      assert.throws(() => parseMyDigitsJson({ format: 'backprop-lab-my-digits', version: 1, digits: file.digits }, 'mine.json'), message, what)
    }
    assert.throws(() => parseMyDigitsJson({ format: 'backprop-lab-model' }, 'model.json'), /model\.json is not a Backprop Lab digits file/)
    assert.throws(() => parseMyDigits([digit(1), digit(1)]), /the id d-1 appears twice/)
  })

  it('keeps at most 10,000 digits and says so', () => {
    const many = Array.from({ length: MAX_MY_DIGITS + 1 }, () => ({}))
    assert.throws(() => parseMyDigits(many), /10,001 digits is more than the 10,000 the lab keeps/)
  })

  it('appends to a training set in new buffers, leaving the original untouched', () => {
    const train = myDigitsToSet([digit(0), digit(1)])
    const extra = myDigitsToSet([digit(5)])
    const both = withExtraDigits(train, extra)
    assert.equal(both.count, 3)
    assert.deepEqual(Array.from(both.labels), [0, 1, 5])
    assert.deepEqual(both.images.subarray(2 * 784), digit(5).pixels)
    assert.equal(train.count, 2)
  })

  it('checks a command’s digits: sizes that agree and labels 0–9', () => {
    assert.throws(() => parseDigitBatch({ images: new Uint8Array(784), labels: new Uint8Array(2) }, 'start: extraTrain'), /2 labels need 1568 image bytes, got 784/)
    assert.throws(() => parseDigitBatch({ images: new Uint8Array(784), labels: Uint8Array.of(11) }, 'x'), /label 11 at index 0 is not a digit/)
    assert.throws(() => parseDigitBatch({ images: new Uint8Array(0), labels: new Uint8Array(0) }, 'x'), /holds no digits/)
    assert.throws(() => parseDigitBatch({ images: [1], labels: [1] }, 'x'), /must be byte arrays/)
  })
})
