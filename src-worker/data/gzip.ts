// gunzip (RFC 1952) that cannot be made to inflate without bound: fflate's streaming Gunzip fed in sized
// chunks, stopping as soon as the output passes a limit, with the checks gunzipSync leaves out (each
// member's CRC-32 and length, §2.3.1) and every member of a multi-member stream (§2.2) kept.
import { Gunzip } from 'fflate'

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** How much inflating may produce. */
export interface InflateBudget {
  /** never more than this many bytes */
  maxBytes: number
  /** why maxBytes, for the message ("the largest MNIST file, …") */
  maxReason: string
  /** once this many bytes are out, `afterHeader` may lower the limit (e.g. to what a file header claims) */
  headerBytes?: number
  /**
   * The limit the header allows, with the reason; null when the header is not the expected format: then
   * inflating stops and only the header comes back, for the caller's parser to say what is wrong with it.
   */
  afterHeader?: (header: Uint8Array) => { limit: number; reason: string } | null
}

/** The output passed the budget; inflating stopped there. */
export class InflateLimitError extends Error {
  override name = 'InflateLimitError'
  constructor(
    /** bytes of gzip data given */
    readonly compressedBytes: number,
    /** the limit that was passed */
    readonly limit: number,
    readonly reason: string,
    /** what the last member's footer says the data is (ISIZE, modulo 2^32); a single-member file's true size */
    readonly footerBytes: number | null,
  ) {
    const claims = footerBytes !== null && footerBytes > limit ? ` (its gzip footer says ${count(footerBytes)} bytes, modulo 4 GiB)` : ''
    super(`${count(compressedBytes)} bytes of gzip data inflate to more than ${count(limit)} bytes${claims}, but ${reason}; refused without inflating further`)
  }
}

/** Deflate's best ratio (RFC 1951: 258 bytes from a 2-bit code, ~1032:1): a push of n bytes gives at most this × n. */
const MAX_RATIO = 1032
/**
 * Each push is sized so its output cannot pass the limit (remaining / 1032 bytes), within [4 KiB, 1 MiB]: a bomb
 * is stopped at most 4.2 MB past the limit. Measured on a 47 MB MNIST-like file (ratio 4.6), this costs ~10 %
 * over one gunzipSync call (~550 vs ~500 ms on a busy 2-core VM), and chunk sizes from 16 KiB to 256 KiB time the same.
 */
const pushSize = (remaining: number) => Math.min(1 << 20, Math.max(4096, Math.floor(remaining / MAX_RATIO)))

/**
 * Inflates a gzip file of one or more members within the budget; throws an InflateLimitError past it, or an
 * Error saying what is corrupt (bad data, a CRC-32 or length mismatch, trailing bytes).
 */
export function gunzipChecked(bytes: Uint8Array, budget: InflateBudget): Uint8Array {
  if (bytes.length < 18) throw new Error(`a gzip file needs at least 18 bytes, got ${bytes.length}`)
  let limit = budget.maxBytes
  let reason = budget.maxReason
  let out: Uint8Array = new Uint8Array(Math.min(limit, 1 << 16))
  let size = 0
  let over = false
  let headerOnly = false
  let headerSeen = false
  /** the member being inflated: its CRC so far and its length */
  let crc = CRC_INIT
  let memberSize = 0
  const member = { start: 0 }
  const endMember = (trailerEnd: number) => {
    if (over || headerOnly) return
    if (trailerEnd - 8 < member.start + 10) throw new Error(`member at byte ${member.start} ends before its 8-byte footer`)
    checkFooter(bytes, trailerEnd - 8, crcDigest(crc), memberSize, member.start)
    crc = CRC_INIT
    memberSize = 0
    member.start = trailerEnd
  }
  const gunzip = new Gunzip((chunk) => {
    if (over || headerOnly) return
    if (size + chunk.length > limit) {
      over = true
      return
    }
    crc = crcUpdate(crc, chunk)
    memberSize += chunk.length
    if (size + chunk.length > out.length) out = grow(out, Math.min(limit, Math.max(size + chunk.length, out.length * 2)))
    out.set(chunk, size)
    size += chunk.length
    if (!headerSeen && budget.afterHeader && budget.headerBytes !== undefined && size >= budget.headerBytes) {
      headerSeen = true
      const allowed = budget.afterHeader(out.subarray(0, budget.headerBytes))
      if (allowed === null) headerOnly = true
      else if (allowed.limit <= limit) [limit, reason] = [allowed.limit, allowed.reason]
      if (size > limit) over = true
      else if (!headerOnly) out = grow(out, limit) // what a valid file needs; no doubling copies from here on
    }
  })
  gunzip.onmember = (offset) => endMember(offset)
  for (let at = 0; at < bytes.length && !over && !headerOnly; ) {
    // until the header is out, push little: a bomb behind a small header must not inflate 45 MB first
    const next = at + pushSize((headerSeen || !budget.afterHeader ? limit : (budget.headerBytes ?? limit)) - size)
    gunzip.push(bytes.subarray(at, next), next >= bytes.length)
    at = next
  }
  if (over) throw new InflateLimitError(bytes.length, limit, reason, new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4, true))
  if (headerOnly) return out.slice(0, budget.headerBytes)
  endMember(bytes.length)
  return size === out.length ? out : out.slice(0, size)
}

function checkFooter(bytes: Uint8Array, at: number, crc: number, size: number, start: number): void {
  const footer = new DataView(bytes.buffer, bytes.byteOffset + at, 8)
  const expectedCrc = footer.getUint32(0, true)
  const expectedSize = footer.getUint32(4, true)
  const where = start === 0 ? '' : ` (member at byte ${start})`
  if (size % 2 ** 32 !== expectedSize) throw new Error(`inflated to ${size} bytes but the gzip footer says ${expectedSize}${where}`)
  if (crc !== expectedCrc) throw new Error(`CRC-32 mismatch: data ${hex(crc)}, footer ${hex(expectedCrc)}${where}`)
}

function grow(buffer: Uint8Array, length: number): Uint8Array {
  if (length <= buffer.length) return buffer
  const bigger = new Uint8Array(length)
  bigger.set(buffer)
  return bigger
}

let tables: Uint32Array | undefined
const CRC_INIT = 0xffffffff

/** Slicing-by-8 tables: table k at [256k, 256k + 256) advances a byte through k more zero bytes (~2× the plain loop here). */
function crcTables(): Uint32Array {
  const t = new Uint32Array(8 * 256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!
  return t
}

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of the bytes so far, before the final inversion. */
export function crcUpdate(crc: number, bytes: Uint8Array): number {
  const t = (tables ??= crcTables())
  let i = 0
  for (const end8 = bytes.length - 8; i <= end8; i += 8) {
    crc ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)
    crc =
      t[1792 + (crc & 0xff)]! ^ t[1536 + ((crc >>> 8) & 0xff)]! ^ t[1280 + ((crc >>> 16) & 0xff)]! ^ t[1024 + (crc >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^ t[512 + bytes[i + 5]!]! ^ t[256 + bytes[i + 6]!]! ^ t[bytes[i + 7]!]!
  }
  for (; i < bytes.length; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return crc >>> 0
}

function crcDigest(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0
}

/** CRC-32 as gzip stores it. */
export function crc32(bytes: Uint8Array): number {
  return crcDigest(crcUpdate(CRC_INIT, bytes))
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0')
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}
