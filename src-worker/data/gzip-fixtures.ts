// Test helpers: gzip bombs built in memory from a small seed (never committed as files; imported only by tests).
// A deflate stream of zeros is sync-flushed to a byte boundary after each MiB; from the third MiB on, every
// flushed piece is the same ~1 KB, so repeating it gives a valid stream of any length in ~1/1000 of its size.
// A prefix (an IDX header) goes in front as a stored block: fflate's flushed output after a non-zero prefix
// is one zlib rejects ("invalid stored block lengths"), while the zero-only pieces are valid for both.
import { Deflate, gzipSync } from 'fflate'
import { crc32 } from './gzip'

const MIB = 1 << 20

let pieces: { first: Uint8Array; second: Uint8Array; repeat: Uint8Array; final: Uint8Array } | undefined

/** Deflate pieces of zeros: the first MiB, the second, the steady one (window all zeros by then), the final block. */
function zeroPieces() {
  if (pieces) return pieces
  const flushed: Uint8Array[] = []
  let current: Uint8Array[] = []
  const deflate = new Deflate({ level: 9 }, (chunk) => current.push(chunk))
  const take = () => {
    const piece = concat(current)
    current = []
    return piece
  }
  for (let k = 0; k < 3; k++) {
    deflate.push(new Uint8Array(MIB))
    deflate.flush(true)
    flushed.push(take())
  }
  deflate.push(new Uint8Array(0), true)
  pieces = { first: flushed[0]!, second: flushed[1]!, repeat: flushed[2]!, final: take() }
  return pieces
}

/** A deflate stored block (RFC 1951 §3.2.4), not final: the prefix verbatim, byte-aligned like the pieces after it. */
function storedBlock(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0xffff) throw new RangeError('a stored block holds at most 65,535 bytes')
  const head = new Uint8Array([0, bytes.length & 0xff, bytes.length >> 8, ~bytes.length & 0xff, (~bytes.length >> 8) & 0xff])
  return concat([head, bytes])
}

/**
 * One valid gzip member holding `prefix` then `mib` MiB of zeros (mib ≥ 2), with the true CRC-32 and length
 * (modulo 2^32) in its footer: a 5 GiB one is ~5 MB and takes ~20 ms to build.
 */
export function gzipZeroBomb(prefix: Uint8Array, mib: number): Uint8Array {
  const { first, second, repeat, final } = zeroPieces()
  const zeros = mib * MIB
  const crc = crc32Combine(crc32(prefix), crc32Zeros(zeros), zeros)
  const body = [storedBlock(prefix), first, second, ...Array<Uint8Array>(mib - 2).fill(repeat), final]
  return concat([GZIP_HEADER, ...body, footer(crc, prefix.length + zeros)])
}

/** A multi-member stream (RFC 1952 §2.2): `prefix` as one member, then `members` members of `mibEach` MiB of zeros. */
export function gzipMembersBomb(prefix: Uint8Array, members: number, mibEach = 2): Uint8Array {
  const one = gzipZeroBomb(new Uint8Array(0), mibEach)
  return concat([gzipSync(prefix), ...Array<Uint8Array>(members).fill(one)])
}

/** Each part as its own gzip member, concatenated: what `cat a.gz b.gz > c.gz` gives. */
export function gzipMultiMember(parts: Uint8Array[]): Uint8Array {
  return concat(parts.map((part) => gzipSync(part)))
}

const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255])

function footer(crc: number, size: number): Uint8Array {
  const bytes = new Uint8Array(8)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, crc, true)
  view.setUint32(4, size % 2 ** 32, true)
  return bytes
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

// CRC-32 of long runs without touching every byte: zlib's crc32_combine (GF(2) matrices, squared per bit of length).
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!
  return sum >>> 0
}
function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]!)
}

/** CRC-32 of A‖B from crc(A), crc(B) and B's length. */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1
  const even = new Uint32Array(32)
  const odd = new Uint32Array(32)
  odd[0] = 0xedb88320
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row
  gf2Square(even, odd)
  gf2Square(odd, even)
  let len = len2
  do {
    gf2Square(even, odd)
    if (len % 2) crc1 = gf2Times(even, crc1)
    len = Math.floor(len / 2)
    if (len === 0) break
    gf2Square(odd, even)
    if (len % 2) crc1 = gf2Times(odd, crc1)
    len = Math.floor(len / 2)
  } while (len !== 0)
  return (crc1 ^ crc2) >>> 0
}

const zeroCrcs = new Map<number, number>()

/** CRC-32 of n zero bytes, by halving down to 1 MiB (memoised: O(log n) combines). */
export function crc32Zeros(n: number): number {
  const known = zeroCrcs.get(n)
  if (known !== undefined) return known
  const half = Math.floor(n / 2)
  const crc = n <= MIB ? crc32(new Uint8Array(n)) : crc32Combine(crc32Zeros(half), crc32Zeros(n - half), n - half)
  zeroCrcs.set(n, crc)
  return crc
}
