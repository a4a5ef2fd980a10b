// Draws the app icon (src-main/assets/icon.png, 512×512): a 3-4-2 network on a dark tile, edges lit
// like a backward pass. Run once with `npx tsx src-main/packaging/make-icon.ts`; the PNG is committed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const N = 512
const rgba = new Uint8Array(N * N * 4)
const layers = [3, 4, 2].map((count, l) => Array.from({ length: count }, (_, i) => [128 + l * 128, N / 2 + (i - (count - 1) / 2) * 96] as const))

function segmentDistance(px: number, py: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))
}

for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const corner = Math.max(0, Math.hypot(Math.max(72 - x, x - (N - 72), 0), Math.max(72 - y, y - (N - 72), 0)) - 56)
    const inside = Math.max(0, Math.min(1, 1.5 - corner)) // rounded tile with a soft edge
    let [r, g, b] = [21, 23, 28]
    let edge = 0
    for (let l = 0; l < 2; l++) for (const a of layers[l]!) for (const c of layers[l + 1]!) edge = Math.max(edge, Math.max(0, Math.min(1, 3.5 - segmentDistance(x, y, a, c))))
    ;[r, g, b] = [r + edge * (230 - r), g + edge * (159 - g), b + edge * (0 - b)] // orange edges
    for (const node of layers.flat()) {
      const d = Math.hypot(x - node[0], y - node[1])
      const fill = Math.max(0, Math.min(1, 28 - d))
      ;[r, g, b] = [r + fill * (86 - r), g + fill * (180 - g), b + fill * (233 - b)] // sky-blue nodes
    }
    const o = (y * N + x) * 4
    rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(255 * inside)], o)
  }
}

function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const byte of bytes) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

const raw = Buffer.alloc(N * (N * 4 + 1))
for (let y = 0; y < N; y++) Buffer.from(rgba.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1) // filter 0 per row
const header = Buffer.alloc(13)
header.writeUInt32BE(N, 0)
header.writeUInt32BE(N, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())])
writeFileSync(join(__dirname, '..', 'assets', 'icon.png'), png)
console.log(`wrote src-main/assets/icon.png (${N}×${N}, ${png.length} bytes)`)
