import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ASSET_HEADER_BYTES, decodeDefaultAsset, encodeDefaultAsset } from './default-asset'
import { PIXELS, type DigitSet } from './digits'

function smallSet(count: number): DigitSet {
  const images = Uint8Array.from({ length: count * PIXELS }, (_, i) => (i * 13) % 256)
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 3) % 10)
  return { images, labels, count }
}

const NAME = 'mnist-default.bin'

describe('default digits asset (uint8 pixels + labels)', () => {
  it('round-trips pixels and labels exactly', () => {
    const set = smallSet(7)
    const decoded = decodeDefaultAsset(encodeDefaultAsset(set), NAME)
    assert.equal(decoded.count, 7)
    assert.deepEqual(decoded.labels, set.labels)
    assert.deepEqual(decoded.images, set.images)
  })

  it('takes 1 + 784 bytes per digit plus a 20-byte header', () => {
    assert.equal(encodeDefaultAsset(smallSet(3)).length, ASSET_HEADER_BYTES + 3 * 785)
  })

  it('decodes into fresh buffers, so the file bytes can be dropped', () => {
    const bytes = encodeDefaultAsset(smallSet(2))
    const decoded = decodeDefaultAsset(bytes, NAME)
    bytes.fill(0)
    assert.equal(decoded.images.buffer.byteLength, 2 * PIXELS)
    assert.notEqual(decoded.images[1], 0)
  })

  const corruptions: [string, (b: Uint8Array) => Uint8Array, RegExp][] = [
    ['a wrong magic', (b) => (b.set([0x50, 0x4b], 0), b), /not a Backprop Lab digits asset/],
    ['an unknown version', (b) => (new DataView(b.buffer).setUint32(8, 2, true), b), /format version 2 is not supported/],
    ['a truncated header', (b) => b.subarray(0, 10), /truncated: 10 bytes/],
    ['missing pixels', (b) => b.subarray(0, b.length - 1), /but 3 digits need exactly/],
    ['a count larger than the data', (b) => (new DataView(b.buffer).setUint32(12, 4, true), b), /but 4 digits need exactly/],
    ['images not 784 pixels', (b) => (new DataView(b.buffer).setUint32(16, 1024, true), b), /1024 pixels, expected 784/],
    ['a label above 9', (b) => ((b[ASSET_HEADER_BYTES + 1] = 11), b), /label 11 of digit 1 is not a digit 0–9/],
  ]
  for (const [what, corrupt, message] of corruptions) {
    it(`rejects ${what}, naming the file and how to rebuild it`, () => {
      const bytes = corrupt(encodeDefaultAsset(smallSet(3)))
      assert.throws(() => decodeDefaultAsset(bytes, NAME), (e: Error) => {
        assert.match(e.message, message)
        assert.match(e.message, /^mnist-default\.bin: .*npm run data/)
        return true
      })
    })
  }
})
