import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'fflate'
import { gunzipSync as zlibGunzip } from 'node:zlib'
import { crc32, gunzipChecked, InflateLimitError, type InflateBudget } from './gzip'
import { concat, crc32Zeros, gzipMembersBomb, gzipMultiMember, gzipZeroBomb } from './gzip-fixtures'
import { parseIdxPair } from './idx'
import { cyclingLabels, idxImages, idxLabels } from './idx-fixtures'
import { LabInputError } from '../session/validate'

const MIB = 1 << 20
const LIMIT_16_MIB: InflateBudget = { maxBytes: 16 * MIB, maxReason: 'the test allows 16 MiB' }
const header60k = () => idxImages({ count: 0, claimed: 60_000 })
const labels60k = { name: 'train-labels-idx1-ubyte', bytes: idxLabels(cyclingLabels(60_000)) }

/** The InflateLimitError `run` throws; fails the test if it throws anything else or nothing. */
function limitError(run: () => unknown): InflateLimitError {
  try {
    run()
  } catch (error) {
    assert.ok(error instanceof InflateLimitError, `expected an InflateLimitError, got ${String(error)}`)
    return error
  }
  assert.fail('expected the inflating to be refused')
}

describe('gzip bomb fixtures (made in the test from a ~1 KB seed)', () => {
  it('are valid gzip: zlib inflates a 5 MiB one to the right bytes and accepts its CRC-32 and length', () => {
    const bomb = gzipZeroBomb(new Uint8Array([1, 2, 3, 4, 5]), 5)
    const out = zlibGunzip(bomb)
    assert.equal(out.length, 5 + 5 * MIB)
    assert.deepEqual([...out.subarray(0, 6)], [1, 2, 3, 4, 5, 0])
    assert.ok(bomb.length < 6000, `${bomb.length} bytes`)
  })

  it('compute the CRC-32 of long zero runs without touching every byte', () => {
    assert.equal(crc32Zeros(3 * MIB + 7), crc32(new Uint8Array(3 * MIB + 7)))
  })
})

describe('gunzip within a budget (RFC 1952)', () => {
  it('inflates a single member and checks its CRC-32 and length', () => {
    const data = new TextEncoder().encode('the book reaches 0.9706 on the test set')
    assert.deepEqual(gunzipChecked(gzipSync(data), LIMIT_16_MIB), data)
  })

  it('accepts a multi-member stream (§2.2) as the concatenation of its members', () => {
    const parts = [new Uint8Array([1, 2, 3]), new Uint8Array(70_000).fill(7), new Uint8Array([9])]
    assert.deepEqual(gunzipChecked(gzipMultiMember(parts), LIMIT_16_MIB), concat(parts))
  })

  it('checks the CRC-32 of every member, not only the last, and says which member', () => {
    const first = gzipSync(new Uint8Array(1000).fill(1))
    const second = gzipSync(new Uint8Array(1000).fill(2))
    second[second.length - 8] ^= 0xff
    const stream = concat([first, second, gzipSync(new Uint8Array([3]))])
    assert.throws(() => gunzipChecked(stream, LIMIT_16_MIB), new RegExp(`CRC-32 mismatch: .*\\(member at byte ${first.length}\\)`))
  })

  it('checks each member’s length field', () => {
    const one = gzipSync(new Uint8Array(500))
    one[one.length - 4] ^= 0x01
    assert.throws(() => gunzipChecked(concat([one, gzipSync(new Uint8Array(3))]), LIMIT_16_MIB), /inflated to 500 bytes but the gzip footer says 501/)
  })

  it('refuses bytes after the last member', () => {
    const stream = concat([gzipSync(new Uint8Array(10)), new Uint8Array([0, 0, 0, 0, 0])])
    assert.throws(() => gunzipChecked(stream, LIMIT_16_MIB), /invalid gzip data|footer/)
  })

  it('stops a valid 1 GiB single-member stream at the budget, with both sizes in the message', () => {
    const bomb = gzipZeroBomb(new Uint8Array(0), 1024)
    const error = limitError(() => gunzipChecked(bomb, LIMIT_16_MIB))
    assert.equal(error.limit, 16 * MIB)
    assert.match(error.message, new RegExp(`^${bomb.length.toLocaleString('en-US')} bytes of gzip data inflate to more than 16,777,216 bytes`))
    assert.match(error.message, /its gzip footer says 1,073,741,824 bytes/)
  })

  it('stops a multi-member bomb (many small members) at the budget too', () => {
    const error = limitError(() => gunzipChecked(gzipMembersBomb(new Uint8Array(0), 100), LIMIT_16_MIB))
    assert.equal(error.limit, 16 * MIB)
  })
})

describe('a .gz IDX file inflates no further than its header can need (#13 §3)', () => {
  const refuse = (bytes: Uint8Array) => {
    try {
      parseIdxPair({ name: 'train-images-idx3-ubyte.gz', bytes }, labels60k)
    } catch (error) {
      assert.ok(error instanceof LabInputError, `expected a LabInputError, got ${String(error)}`)
      return error.message
    }
    return assert.fail('expected the file to be refused')
  }

  it('refuses a valid 5 GiB stream behind a 60,000-image header by its size, not as a CRC-32 mismatch', () => {
    const message = refuse(gzipZeroBomb(header60k(), 5 * 1024))
    assert.match(message, /^train-images-idx3-ubyte\.gz: [\d,]+ bytes of gzip data inflate to more than 47,040,016 bytes/)
    assert.match(message, /its IDX header claims 60,000 images of 28×28 \(47,040,016 bytes\)/)
    assert.doesNotMatch(message, /CRC/)
  })

  it('caps at what the header claims when that is smaller: 10 images may inflate to 7,856 bytes', () => {
    const message = refuse(gzipZeroBomb(idxImages({ count: 0, claimed: 10 }), 64))
    assert.match(message, /inflate to more than 7,856 bytes .*its IDX header claims 10 images of 28×28 \(7,856 bytes\)/)
  })

  it('caps a header claiming more than MNIST holds at the largest MNIST file', () => {
    const message = refuse(gzipZeroBomb(idxImages({ count: 0, claimed: 4_000_000 }), 64))
    assert.match(message, /claims 4,000,000 images of 28×28, more than MNIST's 60,000 \(47,040,016 bytes\)/)
  })

  it('refuses a 3.6 GiB multi-member bomb', () => {
    assert.match(refuse(gzipMembersBomb(header60k(), 1800)), /inflate to more than 47,040,016 bytes/)
  })

  it('still reports a wrong header as such, without inflating the rest', () => {
    assert.match(refuse(gzipZeroBomb(idxImages({ count: 0, claimed: 60_000, magic: 0x801 }), 64)), /wrong magic number 0x00000801/)
  })

  it('reads a valid multi-member IDX file', () => {
    const images = idxImages({ count: 3 })
    const members = gzipMultiMember([images.subarray(0, 16), images.subarray(16, 900), images.subarray(900)])
    const set = parseIdxPair({ name: 'train-images-idx3-ubyte.gz', bytes: members }, { name: 'l', bytes: idxLabels([1, 2, 3]) })
    assert.equal(set.count, 3)
    assert.deepEqual(set.images, images.subarray(16))
  })
})
