import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PARAM_NAMES } from '../net/backend'
import { ReferenceBackend } from '../net/reference-backend'
import { initParams, TwoLayerNet } from '../net/two-layer-net'
import { gatherImages, gatherLabels } from '../net/batch'
import { Random } from '../net/random'
import { train } from '../net/train'
import { splitDefault } from '../data/split'
import { syntheticDigits } from '../testing/synthetic-digits'
import type { Activation, TrainSettings } from '../protocol'
import { BOOK_SETTINGS } from '../session/validate'
import { cloneParams, firstStepOfRun, gradientSize, stepJson, traceStep } from './one-step'

const split = splitDefault(syntheticDigits(300, 5))
const settings: TrainSettings = { ...BOOK_SETTINGS, hiddenSize: 12, batchSize: 16, learningRate: 0.5, seed: 3 }

for (const activation of ['relu', 'sigmoid'] as Activation[]) {
  describe(`one training iteration, layer by layer (5.7.1–5.7.2), ${activation}`, () => {
    const s = { ...settings, activation }
    const { trace, batchIndices } = firstStepOfRun(split.train, s)

    it('its backward gives exactly TwoLayerNet.gradient on the same batch and params', () => {
      const net = new TwoLayerNet(cloneParams(trace.params), activation)
      const grads = net.gradient(trace.x, trace.t)
      for (const key of PARAM_NAMES) assert.deepEqual(trace.grads[key].data, grads[key].data, key)
    })

    it('SoftmaxWithLoss backward is (y − t) / N for the y and t it shows', () => {
      const n = trace.t.length
      for (let i = 0; i < n; i++)
        for (let k = 0; k < 10; k++) {
          const expected = (trace.forward.y.get(i, k) - (trace.t[i] === k ? 1 : 0)) / n
          assert.equal(trace.backward.softmax.get(i, k), expected)
        }
    })

    it('lossAfter is the loss after applying the update, and the update is exactly params − lr · grad', () => {
      for (const key of PARAM_NAMES) {
        const p = trace.params[key].data
        const g = trace.grads[key].data
        trace.updated[key].data.forEach((v, i) => assert.equal(v, p[i]! - s.learningRate * g[i]!))
      }
      assert.equal(trace.lossAfter, new TwoLayerNet(cloneParams(trace.updated), activation).loss(trace.x, trace.t))
    })

    it('is the first iteration of the run train() makes: same weights, same batch, same loss after', () => {
      const rng = new Random(s.seed)
      const backend = new ReferenceBackend(initParams(784, s.hiddenSize, 10, s.weightInitStd, rng), activation)
      const first = train(backend, split, { ...s, iterations: 1 }, rng).next().value
      assert.deepEqual(first, { type: 'iteration', iteration: 0, loss: trace.lossAfter })
      for (const key of PARAM_NAMES) assert.deepEqual(backend.getParams()[key].data, trace.updated[key].data, key)
      assert.equal(batchIndices.length, s.batchSize)
    })

    it('leaves the params it was given untouched', () => {
      const params = initParams(784, 8, 10, 0.01, new Random(9))
      const before = cloneParams(params)
      traceStep(params, activation, gatherImages(split.train, [0, 1, 2]), gatherLabels(split.train, [0, 1, 2]), 0.1)
      for (const key of PARAM_NAMES) assert.deepEqual(params[key].data, before[key].data)
    })
  })
}

describe('the step as JSON (npm run step -- --json; the Step pane’s export)', () => {
  const { trace, batchIndices } = firstStepOfRun(split.train, settings)
  const json = JSON.parse(JSON.stringify(stepJson(trace, settings, batchIndices)))

  it('has the issue’s keys and shapes, row-major, full float64', () => {
    assert.deepEqual(Object.keys(json), ['settings', 'batchIndices', 'x', 't', 'params', 'forward', 'backward', 'grads', 'lossBefore', 'lossAfter', 'learningRate'])
    assert.deepEqual(json.params.W1.shape, [784, 12])
    assert.deepEqual(json.params.b1.shape, [12])
    assert.deepEqual(json.forward.map((f: { layer: string }) => f.layer), ['Affine1', 'Relu1', 'Affine2', 'SoftmaxWithLoss'])
    assert.deepEqual(json.backward.map((f: { layer: string }) => f.layer), ['SoftmaxWithLoss', 'Affine2', 'Relu1', 'Affine1'])
    assert.deepEqual(json.forward[1].mask.shape, [16, 12])
    assert.deepEqual(json.backward[3].dW.shape, [784, 12])
    assert.equal(json.x.length, 16)
    assert.equal(json.x[0].length, 784)
    assert.equal(json.grads.W2.values[5], trace.grads.W2.data[5], 'not rounded')
    assert.equal(json.lossAfter, trace.lossAfter)
  })

  it('names each gradient’s size: max |·| and mean |·|', () => {
    const size = gradientSize(trace.grads.b2.data)
    const abs = Array.from(trace.grads.b2.data, Math.abs)
    assert.equal(size.maxAbs, Math.max(...abs))
    assert.equal(size.meanAbs, abs.reduce((a, b) => a + b, 0) / abs.length)
  })
})
