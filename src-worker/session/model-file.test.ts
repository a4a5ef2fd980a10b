import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CLASSES, PIXELS } from '../data/digits'
import { MODEL_FORMAT, parseModelFile, toModelFile, type ModelFile } from './model-file'
import { Random } from '../net/random'
import { initParams } from '../net/two-layer-net'
import { BOOK_SETTINGS, LabInputError } from './validate'
import type { DatasetInfo } from '../protocol'

const settings = { ...BOOK_SETTINGS, hiddenSize: 6, activation: 'sigmoid' as const }
const dataset: DatasetInfo = { kind: 'default', name: 'mnist package', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 }
const params = initParams(PIXELS, 6, CLASSES, 0.01, new Random(7))
params.b1.data.set([0.5, -0.25, 0, 1e-300, -3, 2])
const metrics = { iterations: 500, finalLoss: 0.41, trainAccuracy: 0.9, testAccuracy: 0.88 }

/** A valid file after a JSON round trip, as a plain object to corrupt. */
function validFile(): Record<string, any> {
  return JSON.parse(JSON.stringify(toModelFile(params, settings, dataset, metrics, new Date('2026-11-29T10:00:00Z'))))
}

function assertRejected(mutate: (file: Record<string, any>) => unknown, message: RegExp): void {
  const file = validFile()
  const replaced = mutate(file)
  assert.throws(() => parseModelFile(replaced ?? file), (e: unknown) => {
    assert.ok(e instanceof LabInputError, String(e))
    assert.match(e.message, message)
    return true
  })
}

describe('model file (format backprop-lab-model, version 1)', () => {
  it('round-trips weights bit for bit through JSON, with settings, dataset and metrics', () => {
    const loaded = parseModelFile(validFile())
    for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
      assert.deepEqual([loaded.params[key].rows, loaded.params[key].cols], [params[key].rows, params[key].cols])
      assert.deepEqual(loaded.params[key].data, params[key].data)
    }
    assert.deepEqual(loaded.settings, settings)
    assert.deepEqual(loaded.dataset, dataset)
    assert.deepEqual(loaded.metrics, metrics)
  })

  it('documents the layers and shapes: W1 784×H, b1 H, W2 H×10, b2 10', () => {
    const file: ModelFile = toModelFile(params, settings, dataset, metrics)
    assert.equal(file.format, MODEL_FORMAT)
    assert.deepEqual(file.layers.map((l) => l.name), ['Affine1', 'Sigmoid1', 'Affine2', 'lastLayer'])
    assert.deepEqual([file.params.W1.shape, file.params.b1.shape, file.params.W2.shape, file.params.b2.shape], [[784, 6], [6], [6, 10], [10]])
  })

  it('refuses to save a weight a model file cannot hold (JSON would write null), naming the parameter and the index', () => {
    for (const [key, index, value] of [['W2', 13, Infinity], ['b1', 4, NaN], ['W1', 100, -1e300]] as const) {
      const bad = initParams(PIXELS, 6, CLASSES, 0.01, new Random(7))
      bad[key].data[index] = value
      assert.throws(() => toModelFile(bad, settings, dataset, metrics), (e: unknown) => {
        assert.ok(e instanceof LabInputError, String(e))
        assert.match(e.message, new RegExp(`^the weights cannot be saved: ${key}\\[${index}\\] is ${String(value).replace('+', '\\+')}, which`))
        return true
      })
    }
  })

  it('writes a non-finite final loss as null, never NaN', () => {
    assert.equal(toModelFile(params, settings, dataset, { ...metrics, finalLoss: NaN }).metrics.finalLoss, null)
  })

  it('rejects a weight beyond float32’s range, naming the parameter and the index (#13 §3)', () =>
    assertRejected((f) => void ((f.params as { W2: { values: number[] } }).W2.values[7] = 1e300), /params\.W2\.values\[7\] is 1e\+300, beyond float32's range/))
  it('rejects something that is not an object', () => assertRejected(() => [1, 2], /the model file must be an object, got an array/))
  it('rejects another format', () => assertRejected((f) => void (f.format = 'keras'), /format must be "backprop-lab-model", got "keras"/))
  it('rejects a newer version', () => assertRejected((f) => void (f.version = 2), /version 2 is not supported/))
  it('rejects bad hyperparameters, naming the field', () => assertRejected((f) => void (f.hyperparameters.learningRate = -1), /hyperparameters\.learningRate must be a finite number in \(0, 10\], got -1/))
  it('rejects a W1 shape that disagrees with hiddenSize', () => assertRejected((f) => void (f.hyperparameters.hiddenSize = 7, f.layers[0].outputSize = 7, f.layers[2].inputSize = 7), /params\.W1\.shape must be \[784, 7\] for hiddenSize 7, got \[784, 6\]/))
  it('rejects layers that disagree with the activation', () => assertRejected((f) => void (f.hyperparameters.activation = 'relu'), /layers\[1\]\.type must be "Relu"/))
  it('rejects a non-finite weight with its index', () => assertRejected((f) => void (f.params.W2.values[13] = 'NaN'), /params\.W2\.values\[13\] must be a finite number, got "NaN"/))
  it('rejects a null weight (JSON’s rendering of NaN)', () => assertRejected((f) => void (f.params.b2.values[0] = null), /params\.b2\.values\[0\] must be a finite number, got null/))
  it('rejects too few values for the shape', () => assertRejected((f) => void f.params.b1.values.pop(), /params\.b1\.values must hold 6 numbers \(\[6\]\), got 5/))
  it('rejects a missing parameter', () => assertRejected((f) => void delete f.params.W2, /params\.W2 must be an object, got undefined/))
  it('rejects an accuracy outside [0, 1]', () => assertRejected((f) => void (f.metrics.testAccuracy = 93), /metrics\.testAccuracy must be a number in \[0, 1\], got 93/))
  it('rejects a bad createdAt date', () => assertRejected((f) => void (f.createdAt = 'yesterday'), /createdAt must be an ISO 8601 date, got "yesterday"/))
  it('rejects an unknown dataset kind', () => assertRejected((f) => void (f.dataset.kind = 'cifar'), /dataset\.kind must be "default" or "idx", got "cifar"/))
})
