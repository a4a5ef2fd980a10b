import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PARAM_NAMES } from './backend'
import { gradientCheck } from './gradient-check'
import type { Affine } from '../layers/affine'
import { Matrix } from '../math/matrix'
import type { Activation } from '../protocol'
import { Random } from './random'
import { maxAbsDiff, randn } from '../testing/numeric'
import { TwoLayerNet } from './two-layer-net'

/** a 4-5-3 net with weights large enough that every ReLU/sigmoid region is exercised, and a batch of 6 */
function smallSetup(activation: Activation) {
  const rng = new Random(21)
  const net = new TwoLayerNet(4, 5, 3, 1.0, activation, rng)
  const x = randn(6, 4, rng)
  const t = Uint8Array.from([0, 1, 2, 0, 1, 2])
  return { net, x, t }
}

describe('TwoLayerNet (5.7.2)', () => {
  it('initialises W with weightInitStd · randn and b with zeros, shapes 784×50, 1×50, 50×10, 1×10', () => {
    const net = new TwoLayerNet(784, 50, 10, 0.01, 'relu', new Random(1))
    const { W1, b1, W2, b2 } = net.params
    assert.deepEqual([W1.rows, W1.cols, b1.rows, b1.cols, W2.rows, W2.cols, b2.rows, b2.cols], [784, 50, 1, 50, 50, 10, 1, 10])
    assert.ok(b1.data.every((v) => v === 0) && b2.data.every((v) => v === 0))
    const std = Math.sqrt(W1.data.reduce((s, v) => s + v * v, 0) / W1.data.length)
    assert.ok(Math.abs(std - 0.01) < 0.0005, `std of W1 is ${std}`)
  })

  it('layers are Affine1, the activation, Affine2 in order, sharing the params matrices', () => {
    for (const activation of ['relu', 'sigmoid'] as const) {
      const net = new TwoLayerNet(4, 5, 3, 0.01, activation, new Random(1))
      assert.deepEqual(net.layers.map((l) => l.constructor.name), ['Affine', activation === 'relu' ? 'Relu' : 'Sigmoid', 'Affine'])
      const [affine1, , affine2] = net.layers as [Affine, unknown, Affine]
      assert.ok(affine1.W === net.params.W1 && affine1.b === net.params.b1)
      assert.ok(affine2.W === net.params.W2 && affine2.b === net.params.b2)
    }
  })

  it('accuracy is the fraction of rows whose argmax score equals the label', () => {
    const net = new TwoLayerNet(2, 2, 2, 0.01, 'relu', new Random(1))
    net.params.b2.data.set([1, 0]) // tiny weights: every prediction is class 0
    assert.equal(net.accuracy(new Matrix(4, 2), Uint8Array.from([0, 1, 0, 0])), 0.75)
  })

  for (const activation of ['relu', 'sigmoid'] as const) {
    it(`${activation}: backprop matches the numerical gradient on every parameter of a 4-5-3 net, max |diff| < 1e-8, mean ≤ 1e-9`, () => {
      const { net, x, t } = smallSetup(activation)
      const numerical = net.numericalGradient(x, t)
      const backprop = net.gradient(x, t)
      const diffs = gradientCheck(net, x, t)
      for (const key of PARAM_NAMES) {
        assert.ok(maxAbsDiff(backprop[key], numerical[key]) < 1e-8, `${key}: max diff ${maxAbsDiff(backprop[key], numerical[key])}`)
        assert.ok(diffs[key] <= 1e-9, `${key}: mean diff ${diffs[key]}`)
      }
    })
  }

  it('a wrong backward is caught: gradient check of a net whose Relu passes everything is far above 1e-9', () => {
    const { net, x, t } = smallSetup('relu')
    net.layers[1] = { forward: net.layers[1].forward.bind(net.layers[1]), backward: (dout: Matrix) => dout }
    const diffs = gradientCheck(net, x, t)
    assert.ok(diffs.W1 > 1e-6, `W1 diff ${diffs.W1}`)
  })

  it('gradient() leaves x and the params unchanged', () => {
    const { net, x, t } = smallSetup('relu')
    const before = [x.clone(), ...PARAM_NAMES.map((k) => net.params[k].clone())]
    net.gradient(x, t)
    assert.deepEqual([x, ...PARAM_NAMES.map((k) => net.params[k])], before)
  })
})
