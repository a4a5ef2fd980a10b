// Validators for everything that crosses a trust boundary. Each error names the field, the rule and the value.
import { parseDigitBatch } from '../data/my-digits'
import type { Activation, RendererCommand, StepSource, TrainSettings } from '../protocol'

/** Bad input from a user, a file or a renderer; the message is meant to be shown as is. */
export class LabInputError extends Error {
  override name = 'LabInputError'
}

/** The book's settings (5.7.4). */
export const BOOK_SETTINGS: Readonly<TrainSettings> = Object.freeze({
  hiddenSize: 50,
  learningRate: 0.1,
  batchSize: 100,
  iterations: 10_000,
  weightInitStd: 0.01,
  activation: 'relu',
  seed: 42,
})

/**
 * The smallest init std the lab accepts. The network keeps its weights in float32, whose smallest normal
 * number is 2^-126 ≈ 1.1755e-38: below it a weight std·randn is subnormal (fewer than float32's 24 significant
 * bits, down to none), and from ~1e-45 on every weight rounds to 0, a net that cannot learn (1e-320 trained
 * one with no warning, issue 13). 1.2e-38 is the shortest decimal at or above 2^-126, so a weight of at least
 * one standard deviation is always a normal float32. The upper end, 10, is far from float32's 3.4e38: the
 * seeded randn stays below ~8.6 in magnitude, so no weight exceeds ~86.
 */
export const WEIGHT_INIT_STD_MIN = 1.2e-38

/** Allowed ranges, shared by the validators, the CLI usage text and the UI's inline hints. */
export const LIMITS = {
  hiddenSize: { min: 1, max: 1024, integer: true },
  learningRate: { min: 0, max: 10, integer: false, exclusiveMin: true },
  batchSize: { min: 1, max: 60_000, integer: true },
  iterations: { min: 1, max: 1_000_000, integer: true },
  weightInitStd: { min: WEIGHT_INIT_STD_MIN, max: 10, integer: false },
  seed: { min: 0, max: 0xffff_ffff, integer: true },
} as const

type NumericField = keyof typeof LIMITS

export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : typeof value
}

/** A file size for a message about `limit`: "630 MB", or exact bytes where MB would round to the limit itself. */
export function sizeText(size: number, limit: number): string {
  const mb = Math.round(size / 2 ** 20)
  return mb * 2 ** 20 > limit ? `${mb} MB` : `${size.toLocaleString('en-US')} bytes`
}

/** "(0, 10]"-style text of a field's range. */
export function rangeText(field: NumericField): string {
  const l = LIMITS[field]
  const open = 'exclusiveMin' in l && l.exclusiveMin ? '(' : '['
  const kind = l.integer ? 'an integer' : 'a finite number'
  return `${kind} in ${open}${l.min}, ${l.max}]`
}

/** Plain decimal notation only: 12, -0.5, .5, 1e-3. Not hex, binary or octal (0x10, 0b101, 0o17), not Infinity. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/**
 * Text typed by a user (a form field, a CLI flag) as a number, when it is written in decimal; otherwise the
 * trimmed text itself, so the message shows what was typed. `Number()` would read "0x10" as 16.
 */
export function parseDecimal(text: string): number | string {
  const trimmed = text.trim()
  return isDecimal(trimmed) ? Number(trimmed) : trimmed
}

/** Whether trimmed text is a number written in plain decimal (the rule every numeric field follows). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text)
}

/** Returns the value if it satisfies the field's range, else throws naming field, range and value. */
export function checkNumber(field: NumericField, value: unknown, where = ''): number {
  const l = LIMITS[field]
  const low = 'exclusiveMin' in l && l.exclusiveMin ? (v: number) => v > l.min : (v: number) => v >= l.min
  const ok =
    typeof value === 'number' && Number.isFinite(value) && low(value) && value <= l.max && (!l.integer || Number.isInteger(value))
  if (!ok && field === 'weightInitStd' && typeof value === 'number' && value > 0 && value < l.min) throw new LabInputError(`${where}${initStdTooSmall(value)}`)
  if (!ok) throw new LabInputError(`${where}${field} must be ${rangeText(field)}, got ${describeValue(value)}`)
  return value as number
}

/** Why a positive init std below WEIGHT_INIT_STD_MIN is refused; the renderer words it from the same facts. */
export function initStdTooSmall(value: number): string {
  return `weightInitStd ${value} is below ${WEIGHT_INIT_STD_MIN}, float32’s smallest normal number (2^-126 ≈ 1.18e-38): the network keeps its weights in float32, where weights this small lose their precision or round to 0 and the net cannot learn; use at least ${WEIGHT_INIT_STD_MIN} (the book: 0.01)`
}

export function checkActivation(value: unknown, where = ''): Activation {
  if (value === 'relu' || value === 'sigmoid') return value
  throw new LabInputError(`${where}activation must be "relu" or "sigmoid", got ${describeValue(value)}`)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks untrusted settings: every field present, in range, and nothing else. */
export function parseTrainSettings(raw: unknown, where = ''): TrainSettings {
  if (!isRecord(raw)) throw new LabInputError(`${where}settings must be an object, got ${describeValue(raw)}`)
  const known = new Set<string>([...Object.keys(BOOK_SETTINGS)])
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new LabInputError(`${where}settings has an unknown field ${JSON.stringify(key)}`)
  }
  return {
    hiddenSize: checkNumber('hiddenSize', raw.hiddenSize, where),
    learningRate: checkNumber('learningRate', raw.learningRate, where),
    batchSize: checkNumber('batchSize', raw.batchSize, where),
    iterations: checkNumber('iterations', raw.iterations, where),
    weightInitStd: checkNumber('weightInitStd', raw.weightInitStd, where),
    activation: checkActivation(raw.activation, where),
    seed: checkNumber('seed', raw.seed, where),
  }
}

/** 28×28 pixels, each a finite number in [0, 1]. */
export function parsePixels(raw: unknown, field = 'pixels'): Float32Array {
  if (!(raw instanceof Float32Array)) throw new LabInputError(`${field} must be a Float32Array, got ${describeValue(raw)}`)
  if (raw.length !== 784) throw new LabInputError(`${field} must hold 784 values (28×28), got ${raw.length}`)
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]
    if (!(v >= 0 && v <= 1)) throw new LabInputError(`${field}[${i}] must be in [0, 1], got ${v}`)
  }
  return raw
}

function exactKeys(raw: Record<string, unknown>, keys: string[]): void {
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) throw new LabInputError(`command ${String(raw.type)} has an unknown field ${JSON.stringify(key)}`)
  }
}

/** Checks a command from the untrusted renderer; loadIdx and importModel are main's alone. */
export function parseRendererCommand(raw: unknown): RendererCommand {
  if (!isRecord(raw)) throw new LabInputError(`command must be an object, got ${describeValue(raw)}`)
  const type = raw.type
  switch (type) {
    case 'pause':
    case 'resume':
    case 'stop':
    case 'inspect':
    case 'useDefaultData':
    case 'exportModel':
      exactKeys(raw, ['type'])
      return { type }
    case 'start': {
      exactKeys(raw, ['type', 'settings', 'extraTrain'])
      const settings = parseTrainSettings(raw.settings, 'start: ')
      return raw.extraTrain === undefined ? { type, settings } : { type, settings, extraTrain: parseDigitBatch(raw.extraTrain, 'start: extraTrain') }
    }
    case 'traceStep':
      exactKeys(raw, ['type', 'requestId', 'source', 'learningRate'])
      return { type, requestId: parseRequestId(raw.requestId, type), source: parseStepSource(raw.source), learningRate: checkNumber('learningRate', raw.learningRate, 'traceStep: ') }
    case 'applyStep':
      exactKeys(raw, ['type', 'requestId'])
      return { type, requestId: parseRequestId(raw.requestId, type) }
    case 'evaluateDigits':
      exactKeys(raw, ['type', 'requestId', 'digits'])
      return { type, requestId: parseRequestId(raw.requestId, type), digits: parseDigitBatch(raw.digits, 'evaluateDigits: digits') }
    case 'predict': {
      exactKeys(raw, ['type', 'requestId', 'pixels'])
      return { type, requestId: parseRequestId(raw.requestId, type), pixels: parsePixels(raw.pixels, 'predict: pixels') }
    }
    case 'checkGradient':
      exactKeys(raw, ['type', 'activation'])
      return { type, activation: checkActivation(raw.activation, 'checkGradient: ') }
    case 'sampleTest': {
      exactKeys(raw, ['type', 'index'])
      const index = raw.index
      if (index !== undefined && (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0)) {
        throw new LabInputError(`sampleTest: index must be a non-negative integer, got ${describeValue(index)}`)
      }
      return index === undefined ? { type } : { type, index }
    }
    // issue 12: fresh weights and the learning rate of a paused run
    case 'resetWeights':
      exactKeys(raw, ['type', 'settings'])
      return { type, settings: parseTrainSettings(raw.settings, 'resetWeights: ') }
    case 'setLearningRate':
      exactKeys(raw, ['type', 'learningRate'])
      return { type, learningRate: checkNumber('learningRate', raw.learningRate, 'setLearningRate: ') }
    default:
      throw new LabInputError(`command type ${describeValue(type)} is not one the renderer may send`)
  }
}

function parseRequestId(requestId: unknown, command: string): number {
  if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId) || requestId < 0) {
    throw new LabInputError(`${command}: requestId must be a non-negative integer, got ${describeValue(requestId)}`)
  }
  return requestId
}

/** A stepped iteration keeps every intermediate in float64: 1,000 digits × 784 is already 6 MB per matrix. */
export const STEP_BATCH_MAX = 1000

/** Where a stepped iteration takes its digits from; sizes and indices are checked again against the data. */
export function parseStepSource(raw: unknown): StepSource {
  if (!isRecord(raw)) throw new LabInputError(`traceStep: source must be an object, got ${describeValue(raw)}`)
  const whole = (value: unknown, field: string, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) throw new LabInputError(`traceStep: ${field} must be an integer in [0, ${max}], got ${describeValue(value)}`)
    return value
  }
  switch (raw.kind) {
    case 'batch': {
      const batchSize = whole(raw.batchSize, 'batchSize', STEP_BATCH_MAX)
      if (batchSize < 1) throw new LabInputError('traceStep: batchSize must be at least 1')
      return { kind: 'batch', batchSize }
    }
    case 'test':
      return { kind: 'test', index: whole(raw.index, 'index', 1_000_000) }
    case 'pixels':
      return { kind: 'pixels', pixels: parsePixels(raw.pixels, 'traceStep: pixels'), label: whole(raw.label, 'label', 9) }
    default:
      throw new LabInputError(`traceStep: source.kind must be "batch", "test" or "pixels", got ${describeValue(raw.kind)}`)
  }
}
