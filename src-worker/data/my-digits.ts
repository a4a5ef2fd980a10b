// The user's own handwriting as a data set: drawings kept from Predict with the label the user gave them.
// Kept as 784 bytes each (0 = background, 255 = ink, like MNIST's IDX files), so they train, export and
// import exactly as MNIST digits do. Every reader here takes untrusted input (a stored file, an import).
import type { MyDigit } from '../protocol'
import { LabInputError, describeValue, isRecord } from '../session/validate'
import { CLASSES, PIXELS, type DigitSet } from './digits'

export const MY_DIGITS_FORMAT = 'backprop-lab-my-digits'
export const MY_DIGITS_VERSION = 1
/** The most digits the lab keeps: 10,000 × 784 bytes ≈ 7.8 MB, the size of the mnist package itself. */
export const MAX_MY_DIGITS = 10_000
const ID = /^[A-Za-z0-9-]{1,64}$/

/** A drawing's pixels (784 values in [0, 1]) as the bytes an IDX file would hold. */
export function pixelsToBytes(pixels: ArrayLike<number>): Uint8Array {
  if (pixels.length !== PIXELS) throw new LabInputError(`a digit must hold ${PIXELS} pixels (28×28), got ${pixels.length}`)
  const bytes = new Uint8Array(PIXELS)
  for (let i = 0; i < PIXELS; i++) bytes[i] = Math.round(255 * Math.min(1, Math.max(0, pixels[i] || 0)))
  return bytes
}

/** Bytes back to the [0, 1] values the network reads. */
export function bytesToPixels(bytes: Uint8Array): Float32Array {
  const pixels = new Float32Array(PIXELS)
  for (let i = 0; i < PIXELS; i++) pixels[i] = bytes[i] / 255
  return pixels
}

/** Checks one untrusted digit; `where` names it in the message, e.g. "my digit 3". */
export function parseMyDigit(raw: unknown, where: string): MyDigit {
  if (!isRecord(raw)) throw new LabInputError(`${where} must be an object, got ${describeValue(raw)}`)
  const { id, label, keptAt } = raw
  if (typeof id !== 'string' || !ID.test(id)) throw new LabInputError(`${where}: id must be 1–64 letters, digits or dashes, got ${describeValue(id)}`)
  if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= CLASSES) {
    throw new LabInputError(`${where}: label must be a digit 0–9, got ${describeValue(label)}`)
  }
  if (typeof keptAt !== 'string' || Number.isNaN(Date.parse(keptAt))) throw new LabInputError(`${where}: keptAt must be a date, got ${describeValue(keptAt)}`)
  return { id, label, keptAt, pixels: parsePixelBytes(raw.pixels, where) }
}

/** 784 bytes, given as a Uint8Array (IPC, IndexedDB) or as an array of integers 0–255 (JSON). */
function parsePixelBytes(raw: unknown, where: string): Uint8Array {
  if (raw instanceof Uint8Array) {
    if (raw.length !== PIXELS) throw new LabInputError(`${where}: pixels must hold ${PIXELS} values (28×28), got ${raw.length}`)
    return raw.slice()
  }
  if (!Array.isArray(raw) || raw.length !== PIXELS) {
    throw new LabInputError(`${where}: pixels must be ${PIXELS} integers 0–255 (28×28), got ${Array.isArray(raw) ? `${raw.length} values` : describeValue(raw)}`)
  }
  const bytes = new Uint8Array(PIXELS)
  for (let i = 0; i < PIXELS; i++) {
    const v: unknown = raw[i]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255) throw new LabInputError(`${where}: pixels[${i}] must be an integer 0–255, got ${describeValue(v)}`)
    bytes[i] = v
  }
  return bytes
}

/** Checks a whole untrusted list: at most MAX_MY_DIGITS, ids unique. */
export function parseMyDigits(raw: unknown, where = 'my digits'): MyDigit[] {
  if (!Array.isArray(raw)) throw new LabInputError(`${where} must be a list, got ${describeValue(raw)}`)
  if (raw.length > MAX_MY_DIGITS) throw new LabInputError(`${where}: ${raw.length.toLocaleString('en-US')} digits is more than the ${MAX_MY_DIGITS.toLocaleString('en-US')} the lab keeps`)
  const digits = raw.map((d, i) => parseMyDigit(d, `${where}, digit ${i + 1}`))
  const ids = new Set<string>()
  for (const d of digits) {
    if (ids.has(d.id)) throw new LabInputError(`${where}: the id ${d.id} appears twice`)
    ids.add(d.id)
  }
  return digits
}

/** The JSON export: readable in numpy as np.array([d["pixels"] for d in f["digits"]]).reshape(-1, 28, 28). */
export function myDigitsToJson(digits: readonly MyDigit[]): string {
  const file = {
    format: MY_DIGITS_FORMAT,
    version: MY_DIGITS_VERSION,
    digits: digits.map((d) => ({ id: d.id, label: d.label, keptAt: d.keptAt, pixels: Array.from(d.pixels) })),
  }
  return JSON.stringify(file)
}

/** Reads a JSON export back; `fileName` names the file in every message. */
export function parseMyDigitsJson(value: unknown, fileName: string): MyDigit[] {
  if (!isRecord(value) || value.format !== MY_DIGITS_FORMAT) {
    throw new LabInputError(`${fileName} is not a Backprop Lab digits file (its "format" is not "${MY_DIGITS_FORMAT}")`)
  }
  if (value.version !== MY_DIGITS_VERSION) throw new LabInputError(`${fileName}: version ${describeValue(value.version)} is not one this lab reads (it reads ${MY_DIGITS_VERSION})`)
  return parseMyDigits(value.digits, fileName)
}

/** The digits as the two IDX files MNIST uses (idx3-ubyte images, idx1-ubyte labels), big-endian headers. */
export function myDigitsToIdx(digits: readonly MyDigit[]): { images: Uint8Array; labels: Uint8Array } {
  const n = digits.length
  const images = new Uint8Array(16 + n * PIXELS)
  const labels = new Uint8Array(8 + n)
  const iv = new DataView(images.buffer)
  iv.setUint32(0, 0x00000803)
  iv.setUint32(4, n)
  iv.setUint32(8, 28)
  iv.setUint32(12, 28)
  const lv = new DataView(labels.buffer)
  lv.setUint32(0, 0x00000801)
  lv.setUint32(4, n)
  digits.forEach((d, i) => {
    images.set(d.pixels, 16 + i * PIXELS)
    labels[8 + i] = d.label
  })
  return { images, labels }
}

/** Digits read from an IDX pair become my digits, with fresh ids; at most MAX_MY_DIGITS. */
export function digitSetToMyDigits(set: DigitSet, keptAt: string, idPrefix: string): MyDigit[] {
  if (set.count > MAX_MY_DIGITS) {
    throw new LabInputError(`these files hold ${set.count.toLocaleString('en-US')} digits, more than the ${MAX_MY_DIGITS.toLocaleString('en-US')} the lab keeps as your own`)
  }
  const digits: MyDigit[] = []
  for (let i = 0; i < set.count; i++) {
    digits.push({ id: `${idPrefix}-${i}`, label: set.labels[i], keptAt, pixels: set.images.slice(i * PIXELS, (i + 1) * PIXELS) })
  }
  return digits
}

/** The images and labels of a list of digits, as the worker's commands carry them. */
export function myDigitsToSet(digits: readonly MyDigit[]): DigitSet {
  const images = new Uint8Array(digits.length * PIXELS)
  const labels = new Uint8Array(digits.length)
  digits.forEach((d, i) => {
    images.set(d.pixels, i * PIXELS)
    labels[i] = d.label
  })
  return { images, labels, count: digits.length }
}

/** Checks images + labels from an untrusted command: n × 784 bytes, n labels 0–9, 1 ≤ n ≤ MAX_MY_DIGITS. */
export function parseDigitBatch(raw: unknown, where: string): DigitSet {
  if (!isRecord(raw)) throw new LabInputError(`${where} must be an object with images and labels, got ${describeValue(raw)}`)
  const { images, labels } = raw
  if (!(images instanceof Uint8Array) || !(labels instanceof Uint8Array)) throw new LabInputError(`${where}: images and labels must be byte arrays`)
  const n = labels.length
  if (n === 0) throw new LabInputError(`${where}: holds no digits`)
  if (n > MAX_MY_DIGITS) throw new LabInputError(`${where}: ${n} digits is more than ${MAX_MY_DIGITS}`)
  if (images.length !== n * PIXELS) throw new LabInputError(`${where}: ${n} labels need ${n * PIXELS} image bytes, got ${images.length}`)
  const bad = labels.findIndex((l) => l >= CLASSES)
  if (bad >= 0) throw new LabInputError(`${where}: label ${labels[bad]} at index ${bad} is not a digit 0–9`)
  return { images: images.slice(), labels: labels.slice(), count: n }
}

/** The training set with my digits appended (new buffers; the split's own are untouched). */
export function withExtraDigits(train: DigitSet, extra: DigitSet): DigitSet {
  const images = new Uint8Array((train.count + extra.count) * PIXELS)
  images.set(train.images.subarray(0, train.count * PIXELS))
  images.set(extra.images.subarray(0, extra.count * PIXELS), train.count * PIXELS)
  const labels = new Uint8Array(train.count + extra.count)
  labels.set(train.labels.subarray(0, train.count))
  labels.set(extra.labels.subarray(0, extra.count), train.count)
  return { images, labels, count: train.count + extra.count }
}
