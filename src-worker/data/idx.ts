// MNIST's original IDX files (http://yann.lecun.com/exdb/mnist/), raw or gzip, into a Split.
//
// IDX header, big-endian: uint32 magic (0x00000803 images / 0x00000801 labels), uint32 count,
// then for images uint32 rows and uint32 cols; then the data, one unsigned byte per pixel or label.
import type { DatasetInfo, IdxFiles, NamedBytes } from '../protocol'
import { LabInputError } from '../session/validate'
import { PIXELS, type DigitSet, type Split } from './digits'
import { gunzipChecked, InflateLimitError, isGzip, type InflateBudget } from './gzip'

const IMAGES_MAGIC = 0x00000803
const LABELS_MAGIC = 0x00000801

/** Test accuracy the book's settings reach on full MNIST (60k/10k). */
export const IDX_EXPECTED_TEST_ACCURACY = 0.97

/**
 * Parses the four IDX files into a train/test Split, or throws a LabInputError naming the file and the
 * problem; nothing is returned half-loaded. Each DigitSet owns exactly sized buffers.
 */
export function parseIdxFiles(files: IdxFiles): Split {
  const train = parseIdxPair(files.trainImages, files.trainLabels)
  const test = parseIdxPair(files.testImages, files.testLabels)
  return { train, test }
}

/** The DatasetInfo of an IDX split; `source` is e.g. the folder name. */
export function idxDatasetInfo(split: Split, source = 'MNIST IDX files'): DatasetInfo {
  const n = (k: number) => k.toLocaleString('en-US')
  return {
    kind: 'idx',
    name: `${source} (${n(split.train.count)} train / ${n(split.test.count)} test)`,
    trainSize: split.train.count,
    testSize: split.test.count,
    expectedTestAccuracy: IDX_EXPECTED_TEST_ACCURACY,
  }
}

/** One images file and its labels file (raw or gzip) as a DigitSet; throws naming the file. */
export function parseIdxPair(imagesFile: NamedBytes, labelsFile: NamedBytes): DigitSet {
  const images = parseImages(imagesFile)
  const labels = parseLabels(labelsFile)
  if (images.length / PIXELS !== labels.length) {
    throw new LabInputError(
      `${imagesFile.name} holds ${images.length / PIXELS} images but ${labelsFile.name} holds ${labels.length} labels; they must match`,
    )
  }
  return { images, labels, count: labels.length }
}

function parseImages(file: NamedBytes): Uint8Array {
  const bytes = ungzip(file, IMAGES_BUDGET)
  const header = readHeader(file.name, bytes, IMAGES_MAGIC, 16, 'an IDX image file (idx3-ubyte)')
  const rows = header.getUint32(8)
  const cols = header.getUint32(12)
  if (rows !== 28 || cols !== 28) throw fileError(file, `images are ${rows}×${cols}, expected 28×28`)
  return body(file, bytes, 16, header.getUint32(4), PIXELS, 'images')
}

function parseLabels(file: NamedBytes): Uint8Array {
  const bytes = ungzip(file, LABELS_BUDGET)
  const header = readHeader(file.name, bytes, LABELS_MAGIC, 8, 'an IDX label file (idx1-ubyte)')
  const labels = body(file, bytes, 8, header.getUint32(4), 1, 'labels')
  const bad = labels.findIndex((label) => label > 9)
  if (bad >= 0) throw fileError(file, `label ${labels[bad]} at index ${bad} is not a digit 0–9`)
  return labels
}

/** The most digits an MNIST-shaped file holds: the 60,000 of the original training set. */
export const MAX_IDX_COUNT = 60_000

/** How far a .gz may inflate: what its header claims, and never past the largest MNIST file (RFC 1952 bombs). */
function idxBudget(magic: number, headerBytes: number, itemBytes: number, what: string): InflateBudget {
  const most = headerBytes + MAX_IDX_COUNT * itemBytes
  const n = (k: number) => k.toLocaleString('en-US')
  return {
    maxBytes: most,
    maxReason: `the largest MNIST-shaped file (${n(MAX_IDX_COUNT)} ${what}) is ${n(most)} bytes`,
    headerBytes,
    afterHeader(header) {
      const view = new DataView(header.buffer, header.byteOffset, headerBytes)
      const count = view.getUint32(4)
      const shapeOk = headerBytes === 8 || (view.getUint32(8) === 28 && view.getUint32(12) === 28)
      if (view.getUint32(0) !== magic || !shapeOk || count === 0) return null // the parser words what is wrong
      const claimed = headerBytes + count * itemBytes
      if (claimed > most) return { limit: most, reason: `its IDX header claims ${n(count)} ${what}, more than MNIST's ${n(MAX_IDX_COUNT)} (${n(most)} bytes)` }
      return { limit: claimed, reason: `its IDX header claims ${n(count)} ${what} (${n(claimed)} bytes)` }
    },
  }
}
const IMAGES_BUDGET = idxBudget(IMAGES_MAGIC, 16, PIXELS, 'images of 28×28')
const LABELS_BUDGET = idxBudget(LABELS_MAGIC, 8, 1, 'labels')

/** gzip is recognised by its magic bytes 1f 8b, whatever the file is called. */
function ungzip(file: NamedBytes, budget: InflateBudget): Uint8Array {
  if (!isGzip(file.bytes)) return file.bytes
  try {
    return gunzipChecked(file.bytes, budget)
  } catch (error) {
    if (error instanceof InflateLimitError) throw fileError(file, error.message)
    throw fileError(file, `corrupt gzip data (${error instanceof Error ? error.message : String(error)})`)
  }
}

function readHeader(name: string, bytes: Uint8Array, magic: number, size: number, what: string): DataView {
  if (bytes.length < size) {
    throw new LabInputError(`${name}: truncated: ${bytes.length} bytes, but the IDX header alone needs ${size}`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, size)
  const found = view.getUint32(0)
  if (found !== magic) {
    throw new LabInputError(`${name}: wrong magic number ${hex(found)}, expected ${hex(magic)} for ${what}`)
  }
  return view
}

/** The data after the header, copied into its own buffer, after checking the size against the header's count. */
function body(file: NamedBytes, bytes: Uint8Array, offset: number, count: number, itemSize: number, what: string): Uint8Array {
  if (count === 0) throw fileError(file, `holds no ${what}`)
  const available = bytes.length - offset
  const needed = count * itemSize
  if (available < needed) {
    const whole = Math.floor(available / itemSize)
    throw fileError(file, `truncated: the header claims ${count} ${what} but the file holds only ${whole}`)
  }
  if (available > needed) throw fileError(file, `${available - needed} unexpected bytes after the ${count} ${what}`)
  return bytes.slice(offset, offset + needed)
}

function fileError(file: NamedBytes, problem: string): LabInputError {
  return new LabInputError(`${file.name}: ${problem}`)
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0')
}
