import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PARAM_NAMES, type Params } from './backend'
import { bookGradientCheck, detailedGradientCheck, gradientCheck, largestDiff } from './gradient-check'
import { loadDefaultSplit } from '../node/default-data'
import { Matrix } from '../math/matrix'
import type { Activation } from '../protocol'
import { Random } from './random'
import { reluKinkAt } from './relu-kink'
import { randn } from '../testing/numeric'
import { TwoLayerNet } from './two-layer-net'

/** a 6-5-3 net with weights large enough that every ReLU/sigmoid region is exercised, and a batch of 4 in [0, 1] */
function smallSetup(activation: Activation) {
  const rng = new Random(33)
  const net = new TwoLayerNet(6, 5, 3, 1.0, activation, rng)
  const x = new Matrix(4, 6, randn(4, 6, rng).data.map((v) => Math.min(1, Math.abs(v))))
  const t = Uint8Array.from([0, 1, 2, 0])
  return { net, x, t }
}

/** four zero parameters of a 3-2-4 net's shapes */
function zeros(): Params {
  return { W1: new Matrix(3, 2), b1: new Matrix(1, 2), W2: new Matrix(2, 4), b2: new Matrix(1, 4) }
}

/** a clock that moves 10 ms each time it is read */
function steppingClock(): () => number {
  let ms = 0
  return () => (ms += 10)
}

describe('gradient check on the book\'s setup (5.7.3): 784-50-10, std 0.01, first 3 training digits', () => {
  it('every mean |backprop − numerical| is ≤ 1e-9 on the default digits (book: 2e-13 … 1.2e-10)', async () => {
    const { split } = await loadDefaultSplit()
    const diffs = bookGradientCheck(split)
    for (const key of PARAM_NAMES) assert.ok(diffs[key] <= 1e-9, `${key} = ${diffs[key]}`)
    assert.ok(diffs.b2 > 0, 'the check compares two different computations, so it is not exactly 0')
  })
})

describe('the gradient check in detail (5.7.3): per-element differences, the largest, timings, progress', () => {
  for (const activation of ['relu', 'sigmoid'] as const) {
    it(`${activation}: each map's mean is the book's np.average(np.abs(…)) of gradientCheck, and the largest is the maps' max`, () => {
      const { net, x, t } = smallSetup(activation)
      const means = gradientCheck(net, x, t)
      const report = detailedGradientCheck(net, x, t)
      let max = 0
      for (const key of PARAM_NAMES) {
        const { rows, cols, values } = report.maps[key]
        assert.deepEqual([rows, cols], [net.params[key].rows, net.params[key].cols], key)
        const mean = values.reduce((s, v) => s + v, 0) / values.length
        assert.ok(Math.abs(mean - means[key]) <= 1e-12 * Math.max(1e-12, means[key]) + 1e-20, `${key}: map mean ${mean} vs ${means[key]}`)
        assert.equal(report.diffs[key], means[key], key)
        max = Math.max(max, ...values)
      }
      assert.equal(report.largest.diff, max)
      assert.equal(report.maps[report.largest.parameter].values[report.largest.row * report.maps[report.largest.parameter].cols + report.largest.col], max)
    })
  }

  it('names the largest difference by parameter, row and column, with both values, on a crafted case (W2[1, 3])', () => {
    const numerical = zeros()
    const backprop = zeros()
    numerical.W1.data[4] = 0.5 //                    W1[2, 0]: 0.5 − 0.25 = 0.25
    backprop.W1.data[4] = 0.25
    numerical.W2.data[1 * 4 + 3] = -0.1 //           W2[1, 3]: |−0.1 − 0.3| = 0.4, the largest
    backprop.W2.data[1 * 4 + 3] = 0.3
    backprop.b2.data[2] = 0.4 - 1e-9 //              b2[0, 2]: just below
    const largest = largestDiff(numerical, backprop)
    assert.deepEqual(largest, { parameter: 'W2', row: 1, col: 3, numerical: -0.1, backprop: 0.3, diff: Math.abs(-0.1 - 0.3), kink: null })
  })

  it('times both methods: the numerical gradient is slower than backprop on the same batch, both > 0', () => {
    const { net, x, t } = smallSetup('relu')
    const report = detailedGradientCheck(net, x, t)
    assert.ok(report.backpropSeconds > 0 && report.numericalSeconds > 0, `${report.backpropSeconds}, ${report.numericalSeconds}`)
    assert.ok(report.numericalSeconds > report.backpropSeconds, `${report.numericalSeconds} s vs ${report.backpropSeconds} s`)
  })

  it('reports progress from 0, monotonic, ending at total = every parameter element, at most one per 100 ms', () => {
    const { net, x, t } = smallSetup('sigmoid')
    const calls: [number, number][] = []
    const now = steppingClock()
    detailedGradientCheck(net, x, t, { onProgress: (done, total) => calls.push([done, total]), now })
    const total = 6 * 5 + 5 + 5 * 3 + 3
    assert.ok(calls.every(([, n]) => n === total), 'the total never changes')
    const done = calls.map(([d]) => d)
    assert.equal(done[0], 0)
    assert.equal(done.at(-1), total)
    for (let i = 1; i < done.length; i++) assert.ok(done[i]! > done[i - 1]!, `not increasing at ${i}: ${done.join(',')}`)
    // the clock moves 10 ms a read, about one read an element: 106 elements take about 1 s of this clock
    const elapsed = now()
    assert.ok(calls.length <= elapsed / 100 + 2, `${calls.length} calls in ${elapsed} ms`)
    assert.ok(calls.length >= 5, `progress between the start and the end: ${done.join(',')}`)
  })

  it('flags the ReLU kink when the largest difference sits at a hidden unit whose input is within h of 0', () => {
    const { net, x, t } = smallSetup('relu')
    const unit = 2
    const a = net.layers[0]!.forward(x)
    net.params.b1.data[unit]! -= a.data[0 * a.cols + unit]! - 3e-5 // sample 0's input to unit 2 is now 3e-5 < h
    const report = detailedGradientCheck(net, x, t)
    assert.ok(report.largest.diff > 1e-6, `the kink makes a visible difference: ${report.largest.diff}`)
    assert.ok(report.largest.parameter === 'W1' || report.largest.parameter === 'b1', report.largest.parameter)
    assert.equal(report.largest.col, unit)
    assert.equal(report.largest.kink?.unit, unit)
    assert.equal(report.largest.kink?.sample, 0)
    assert.ok(Math.abs(report.largest.kink!.input - 3e-5) < 1e-12, String(report.largest.kink!.input))
  })

  it('flags no kink on Sigmoid, nor when every ReLU input is far from 0', () => {
    const sigmoid = smallSetup('sigmoid')
    assert.equal(detailedGradientCheck(sigmoid.net, sigmoid.x, sigmoid.t).largest.kink, null)
    const a = new Matrix(2, 3, Float64Array.from([0.5, -0.2, 0.3, 0.1, 0.4, -0.6]))
    const x = new Matrix(2, 2, Float64Array.from([1, 1, 1, 1]))
    for (const [parameter, row] of [['W1', 1], ['b1', 0]] as const) for (let col = 0; col < 3; col++) assert.equal(reluKinkAt(a, x, parameter, row, col, 1e-4), null)
  })
})

describe('reluKinkAt: does ±h on a parameter straddle 0 at its unit\'s ReLU input?', () => {
  // a: 2 samples × 3 hidden units; x: 2 samples × 2 inputs
  const a = new Matrix(2, 3, Float64Array.from([0.5, -5e-5, 0.3, 0.1, 2e-5, -0.6]))
  const x = new Matrix(2, 2, Float64Array.from([1, 0.1, 0.5, 0.1]))

  it('b1: flags unit 1, the sample nearest 0 (sample 1, 2e-5), shift h', () => {
    assert.deepEqual(reluKinkAt(a, x, 'b1', 0, 1, 1e-4), { unit: 1, sample: 1, input: 2e-5, shift: 1e-4 })
  })

  it('W1: the shift is h·|x[n, row]|: row 0 straddles (1e-4, 5e-5), row 1 does not (1e-5)', () => {
    assert.deepEqual(reluKinkAt(a, x, 'W1', 0, 1, 1e-4), { unit: 1, sample: 1, input: 2e-5, shift: 0.5e-4 })
    assert.equal(reluKinkAt(a, x, 'W1', 1, 1, 1e-4), null)
  })

  it('never for W2 or b2, whose perturbation leaves the ReLU inputs alone', () => {
    assert.equal(reluKinkAt(a, x, 'W2', 1, 1, 1e-4), null)
    assert.equal(reluKinkAt(a, x, 'b2', 0, 1, 1e-4), null)
  })
})
