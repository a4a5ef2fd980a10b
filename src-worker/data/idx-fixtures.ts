// Test helpers: small MNIST IDX files built in memory (never shipped; imported only by *.test.ts).
import { gzipSync } from 'fflate'
import type { IdxFiles, NamedBytes } from '../protocol'

export interface ImageOptions {
  /** images actually written */
  count: number
  /** count written in the header; default count */
  claimed?: number
  rows?: number
  cols?: number
  magic?: number
}

/** An idx3-ubyte file; pixel j of image i is (i * 7 + j) % 256, so every image differs. */
export function idxImages({ count, claimed = count, rows = 28, cols = 28, magic = 0x803 }: ImageOptions): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, magic)
  view.setUint32(4, claimed)
  view.setUint32(8, rows)
  view.setUint32(12, cols)
  for (let i = 0; i < count * rows * cols; i++) bytes[16 + i] = (Math.floor(i / (rows * cols)) * 7 + (i % (rows * cols))) % 256
  return bytes
}

/** An idx1-ubyte file with the given labels. */
export function idxLabels(labels: number[], { claimed = labels.length, magic = 0x801 } = {}): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, magic)
  view.setUint32(4, claimed)
  bytes.set(labels, 8)
  return bytes
}

/** n labels cycling 0..9 */
export function cyclingLabels(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i % 10)
}

/** A good set of four files (train 12, test 5), optionally gzipped, with overrides for one file. */
export function goodIdxFiles(gzip = false, override: Partial<IdxFiles> = {}): IdxFiles {
  const file = (name: string, bytes: Uint8Array): NamedBytes =>
    gzip ? { name: `${name}.gz`, bytes: gzipSync(bytes) } : { name, bytes }
  return {
    trainImages: file('train-images-idx3-ubyte', idxImages({ count: 12 })),
    trainLabels: file('train-labels-idx1-ubyte', idxLabels(cyclingLabels(12))),
    testImages: file('t10k-images-idx3-ubyte', idxImages({ count: 5 })),
    testLabels: file('t10k-labels-idx1-ubyte', idxLabels(cyclingLabels(5))),
    ...override,
  }
}
