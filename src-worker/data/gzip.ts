// gunzip with the integrity checks fflate's gunzipSync leaves out: CRC-32 and length (RFC 1952 §2.3.1).
import { gunzipSync } from 'fflate'

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** Inflates a single-member gzip file; throws an Error saying what is corrupt. */
export function gunzipChecked(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 18) throw new Error(`a gzip file needs at least 18 bytes, got ${bytes.length}`)
  const out = gunzipSync(bytes)
  const footer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8)
  const expectedCrc = footer.getUint32(0, true)
  const expectedSize = footer.getUint32(4, true)
  if (out.length % 2 ** 32 !== expectedSize) {
    throw new Error(`inflated to ${out.length} bytes but the gzip footer says ${expectedSize}`)
  }
  const crc = crc32(out)
  if (crc !== expectedCrc) throw new Error(`CRC-32 mismatch: data ${hex(crc)}, footer ${hex(expectedCrc)}`)
  return out
}

let table: Uint32Array | undefined

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as gzip stores it. */
export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0')
}
