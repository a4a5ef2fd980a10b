// The saved-model file: documented, versioned JSON that any tool can read (numpy: np.array(p["W1"]["values"]).reshape(p["W1"]["shape"])).
//
// {
//   "format": "backprop-lab-model", "version": 1, "createdAt": "2026-11-29T10:47:12.123Z",
//   "layers": [                                   5.7.2 TwoLayerNet, in forward order
//     { "type": "Affine", "name": "Affine1", "inputSize": 784, "outputSize": H, "params": ["W1", "b1"] },
//     { "type": "Relu" | "Sigmoid", "name": "Relu1" | "Sigmoid1" },
//     { "type": "Affine", "name": "Affine2", "inputSize": H, "outputSize": 10, "params": ["W2", "b2"] },
//     { "type": "SoftmaxWithLoss", "name": "lastLayer" } ],
//   "hyperparameters": TrainSettings,             hiddenSize H and activation must agree with the layers
//   "dataset": DatasetInfo,                       what the weights were trained on
//   "params": { "W1": { "shape": [784, H], "values": [...] }, "b1": { "shape": [H] }, "W2": [H, 10], "b2": [10] },
//                                                 values row-major, float64, every one finite
//   "metrics": { "iterations", "finalLoss", "trainAccuracy", "testAccuracy" }   at save time
// }
import { PARAM_NAMES, type Params } from '../net/backend'
import { CLASSES, PIXELS } from '../data/digits'
import { Matrix } from '../math/matrix'
import type { DatasetInfo, TrainSettings } from '../protocol'
import { describeValue, isRecord, LabInputError, parseTrainSettings, sizeText } from './validate'

export const MODEL_FORMAT = 'backprop-lab-model'
export const MODEL_VERSION = 1

/** Metrics of the saved weights. */
export interface ModelMetrics {
  /** SGD iterations the weights have seen */
  iterations: number
  /** last mini-batch loss; null when unknown (never NaN in JSON) */
  finalLoss: number | null
  trainAccuracy: number
  testAccuracy: number
}

export interface ModelFile {
  format: typeof MODEL_FORMAT
  version: typeof MODEL_VERSION
  /** ISO 8601 */
  createdAt: string
  layers: ({ type: 'Affine'; name: string; inputSize: number; outputSize: number; params: string[] } | { type: string; name: string })[]
  hyperparameters: TrainSettings
  dataset: DatasetInfo
  params: Record<(typeof PARAM_NAMES)[number], { shape: number[]; values: number[] }>
  metrics: ModelMetrics
}

/** What a valid file gives back. */
export interface LoadedModel {
  settings: TrainSettings
  dataset: DatasetInfo
  params: Params
  metrics: ModelMetrics
}

/**
 * The largest model file the lab reads, desktop and browser alike: a 784-1024-10 model (the largest hidden
 * size) as JSON is ~20 MB; anything much larger is not ours and is refused by its size, before it is read.
 */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024

/** Why a model file of `size` bytes is refused unread (empty, or over MAX_MODEL_FILE_BYTES); null when its size is fine. */
export function modelFileSizeProblem(fileName: string, size: number): string | null {
  if (size === 0) return `model file ${fileName} is empty`
  if (size <= MAX_MODEL_FILE_BYTES) return null
  return `model file ${fileName} is ${sizeText(size, MAX_MODEL_FILE_BYTES)}, more than a Backprop Lab model can be (${MAX_MODEL_FILE_BYTES / 2 ** 20} MB)`
}

/** The largest finite float32, 2^128 − 2^104. */
const FLOAT32_MAX = 3.4028234663852886e38

/**
 * Every weight as a plain number list, or a LabInputError naming the first that a model file cannot hold:
 * JSON writes NaN and ±Infinity as null, and parseModelFile refuses values beyond float32, so such a file
 * could never be loaded back.
 */
function savableValues(m: Matrix, key: string): number[] {
  const index = m.data.findIndex((v) => !(Math.abs(v) <= FLOAT32_MAX))
  if (index >= 0) throw new LabInputError(`the weights cannot be saved: ${key}[${index}] is ${m.data[index]}, which a model file cannot hold (every weight must be a finite float32 number)`)
  return Array.from(m.data)
}

/** Builds the file for the current weights; refuses (naming the weight) weights that could not be loaded back. */
export function toModelFile(params: Params, settings: TrainSettings, dataset: DatasetInfo, metrics: ModelMetrics, createdAt = new Date()): ModelFile {
  const H = settings.hiddenSize
  const act = settings.activation === 'relu' ? 'Relu' : 'Sigmoid'
  const vector = (m: Matrix, key: string) => ({ shape: [m.cols], values: savableValues(m, key) })
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: createdAt.toISOString(),
    layers: [
      { type: 'Affine', name: 'Affine1', inputSize: PIXELS, outputSize: H, params: ['W1', 'b1'] },
      { type: act, name: `${act}1` },
      { type: 'Affine', name: 'Affine2', inputSize: H, outputSize: CLASSES, params: ['W2', 'b2'] },
      { type: 'SoftmaxWithLoss', name: 'lastLayer' },
    ],
    hyperparameters: { ...settings },
    dataset: { ...dataset },
    params: {
      W1: { shape: [params.W1.rows, params.W1.cols], values: savableValues(params.W1, 'W1') },
      b1: vector(params.b1, 'b1'),
      W2: { shape: [params.W2.rows, params.W2.cols], values: savableValues(params.W2, 'W2') },
      b2: vector(params.b2, 'b2'),
    },
    metrics: { ...metrics, finalLoss: metrics.finalLoss !== null && Number.isFinite(metrics.finalLoss) ? metrics.finalLoss : null },
  }
}

/** Checks an untrusted, JSON-parsed model file; every error says exactly what is wrong and where. */
export function parseModelFile(raw: unknown): LoadedModel {
  const m = object(raw, 'the model file')
  if (m.format !== MODEL_FORMAT) fail(`format must be "${MODEL_FORMAT}", got ${describeValue(m.format)}: this is not a Backprop Lab model`)
  if (m.version !== MODEL_VERSION) fail(`version ${describeValue(m.version)} is not supported (this app reads version ${MODEL_VERSION})`)
  if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) fail(`createdAt must be an ISO 8601 date, got ${describeValue(m.createdAt)}`)
  const settings = parseTrainSettings(m.hyperparameters, 'hyperparameters.')
  const H = settings.hiddenSize
  checkLayers(m.layers, settings)
  const p = object(m.params, 'params')
  const shapes = { W1: [PIXELS, H], b1: [H], W2: [H, CLASSES], b2: [CLASSES] }
  const params = Object.fromEntries(PARAM_NAMES.map((key) => [key, parseParam(p[key], key, shapes[key])])) as unknown as Params
  return { settings, dataset: parseDataset(m.dataset), params, metrics: parseMetrics(m.metrics) }
}

function parseParam(raw: unknown, key: string, shape: number[]): Matrix {
  const p = object(raw, `params.${key}`)
  const shapeText = (s: unknown) => (Array.isArray(s) ? `[${s.join(', ')}]` : describeValue(s))
  if (!Array.isArray(p.shape) || p.shape.length !== shape.length || p.shape.some((n, i) => n !== shape[i])) {
    fail(`params.${key}.shape must be ${shapeText(shape)} for hiddenSize ${shape.includes(PIXELS) ? shape[1] : shape[0]}, got ${shapeText(p.shape)}`)
  }
  const values = p.values
  const size = shape.reduce((a, b) => a * b, 1)
  if (!Array.isArray(values)) fail(`params.${key}.values must be an array of numbers, got ${describeValue(values)}`)
  const list = values as unknown[]
  if (list.length !== size) fail(`params.${key}.values must hold ${size} numbers (${shapeText(shape)}), got ${list.length}`)
  const data = new Float64Array(size)
  for (let i = 0; i < size; i++) {
    const v = list[i]
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`params.${key}.values[${i}] must be a finite number, got ${describeValue(v)}`)
    // the lab's network holds float32 weights: 1e300 is finite here but Infinity there (and would save as null)
    if (Math.abs(v as number) > FLOAT32_MAX) fail(`params.${key}.values[${i}] is ${describeValue(v)}, beyond float32's range (±3.4e38) that the network's weights are kept in`)
    data[i] = v as number
  }
  return shape.length === 1 ? new Matrix(1, shape[0], data) : new Matrix(shape[0], shape[1], data)
}

function checkLayers(raw: unknown, settings: TrainSettings): void {
  const act = settings.activation === 'relu' ? 'Relu' : 'Sigmoid'
  const expected = [
    { type: 'Affine', inputSize: PIXELS, outputSize: settings.hiddenSize },
    { type: act },
    { type: 'Affine', inputSize: settings.hiddenSize, outputSize: CLASSES },
    { type: 'SoftmaxWithLoss' },
  ]
  if (!Array.isArray(raw) || raw.length !== expected.length) fail(`layers must be the 4 layers Affine, ${act}, Affine, SoftmaxWithLoss, got ${describeValue(raw)}${Array.isArray(raw) ? ` of ${raw.length}` : ''}`)
  expected.forEach((want, i) => {
    const layer = object((raw as unknown[])[i], `layers[${i}]`)
    for (const [field, value] of Object.entries(want)) {
      if (layer[field] !== value) fail(`layers[${i}].${field} must be ${describeValue(value)} for hyperparameters hiddenSize ${settings.hiddenSize} / activation ${settings.activation}, got ${describeValue(layer[field])}`)
    }
  })
}

function parseDataset(raw: unknown): DatasetInfo {
  const d = object(raw, 'dataset')
  if (d.kind !== 'default' && d.kind !== 'idx') fail(`dataset.kind must be "default" or "idx", got ${describeValue(d.kind)}`)
  if (typeof d.name !== 'string') fail(`dataset.name must be a string, got ${describeValue(d.name)}`)
  const count = (key: string) => {
    const v = d[key]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`dataset.${key} must be a non-negative integer, got ${describeValue(v)}`)
    return v as number
  }
  return { kind: d.kind as DatasetInfo['kind'], name: d.name as string, trainSize: count('trainSize'), testSize: count('testSize'), expectedTestAccuracy: fraction(d.expectedTestAccuracy, 'dataset.expectedTestAccuracy') }
}

function parseMetrics(raw: unknown): ModelMetrics {
  const m = object(raw, 'metrics')
  if (typeof m.iterations !== 'number' || !Number.isInteger(m.iterations) || m.iterations < 0) fail(`metrics.iterations must be a non-negative integer, got ${describeValue(m.iterations)}`)
  if (m.finalLoss !== null && (typeof m.finalLoss !== 'number' || !Number.isFinite(m.finalLoss))) fail(`metrics.finalLoss must be a finite number or null, got ${describeValue(m.finalLoss)}`)
  return { iterations: m.iterations as number, finalLoss: m.finalLoss as number | null, trainAccuracy: fraction(m.trainAccuracy, 'metrics.trainAccuracy'), testAccuracy: fraction(m.testAccuracy, 'metrics.testAccuracy') }
}

function fraction(v: unknown, name: string): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(`${name} must be a number in [0, 1], got ${describeValue(v)}`)
  return v as number
}

function object(raw: unknown, name: string): Record<string, unknown> {
  if (!isRecord(raw)) fail(`${name} must be an object, got ${describeValue(raw)}`)
  return raw as Record<string, unknown>
}

function fail(problem: string): never {
  throw new LabInputError(problem)
}
