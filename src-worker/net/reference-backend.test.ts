import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PARAM_NAMES } from './backend'
import { gatherImages, gatherLabels, range } from './batch'
import { PIXELS } from '../data/digits'
import { Random } from './random'
import { ReferenceBackend } from './reference-backend'
import { syntheticDigits } from '../testing/synthetic-digits'
import { TwoLayerNet, initParams } from './two-layer-net'

const freshParams = (seed = 1) => initParams(PIXELS, 8, 10, 0.01, new Random(seed))

describe('ReferenceBackend (float64 TwoLayerNet behind TrainingBackend)', () => {
  it('is named reference-f64', () => {
    assert.equal(new ReferenceBackend(freshParams(), 'relu').name, 'reference-f64')
  })

  it('step applies params −= lr·grad and returns the loss on the same batch with the new params (5.7.4 order)', () => {
    const set = syntheticDigits(20, 3)
    const batch = Int32Array.from([0, 5, 5, 19])
    const params = freshParams()
    const oracle = new TwoLayerNet(freshParams(), 'relu')
    const x = gatherImages(set, batch), t = gatherLabels(set, batch)
    const grad = oracle.gradient(x, t)
    const backend = new ReferenceBackend(params, 'relu')
    const loss = backend.step(set, batch, 0.5)
    const after = backend.getParams()
    for (const key of PARAM_NAMES) {
      after[key].data.forEach((v, i) => assert.equal(v, params[key].data[i] - 0.5 * grad[key].data[i]))
    }
    assert.equal(loss, new TwoLayerNet(after, 'relu').loss(x, t))
  })

  it('never changes the params it was given, and getParams returns copies', () => {
    const params = freshParams()
    const before = params.W1.clone()
    const backend = new ReferenceBackend(params, 'relu')
    backend.step(syntheticDigits(10, 3), Int32Array.from([1, 2]), 1)
    backend.getParams().W1.data.fill(0)
    assert.deepEqual(params.W1, before)
    assert.notDeepEqual(backend.getParams().W1, before)
  })

  it('setParams replaces the weights the layers use, and refuses a wrong shape naming it', () => {
    const a = new ReferenceBackend(freshParams(1), 'relu')
    const b = new ReferenceBackend(freshParams(2), 'relu')
    b.setParams(a.getParams())
    const set = syntheticDigits(10, 3)
    assert.equal(b.step(set, Int32Array.from([3]), 0.1), a.step(set, Int32Array.from([3]), 0.1))
    const wrong = { ...a.getParams(), b2: initParams(PIXELS, 8, 9, 0.01, new Random(1)).b2 }
    assert.throws(() => b.setParams(wrong), /setParams: b2 must be 1×10, got 1×9/)
  })

  it('accuracy over 2,500 digits in chunks of 1,000 equals the net\'s accuracy on all of them at once', () => {
    const set = syntheticDigits(2500, 4)
    const backend = new ReferenceBackend(freshParams(), 'relu')
    for (let i = 0; i < 30; i++) backend.step(set, new Random(i).choice(2500, 50), 0.5)
    const all = range(0, 2500)
    const expected = new TwoLayerNet(backend.getParams(), 'relu').accuracy(gatherImages(set, all), gatherLabels(set, all))
    assert.equal(backend.accuracy(set), expected)
    assert.ok(expected > 0.2, `a trained net beats chance here (got ${expected})`)
  })

  it('predict returns one row of 10 softmax probabilities per image, each summing to 1', () => {
    const backend = new ReferenceBackend(freshParams(), 'sigmoid')
    const y = backend.predict(new Float32Array(2 * PIXELS).fill(0.5), 2)
    assert.equal(y.length, 20)
    for (const row of [y.subarray(0, 10), y.subarray(10)]) assert.ok(Math.abs(row.reduce((s, v) => s + v) - 1) < 1e-12)
    assert.throws(() => backend.predict(new Float32Array(10), 1), /predict needs 1 × 784 pixel values, got 10/)
  })

  it('a batch index outside the set is refused, naming index and size', () => {
    const backend = new ReferenceBackend(freshParams(), 'relu')
    assert.throws(() => backend.step(syntheticDigits(5, 1), Int32Array.from([5]), 0.1), /batch index 5 is outside the set of 5 digits/)
  })
})
