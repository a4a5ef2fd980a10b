import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { Split } from '../data/digits'
import { Matrix } from '../math/matrix'
import { loadDefaultSplit } from '../node/default-data'
import type { Activation } from '../protocol'
import { Random } from '../net/random'
import { ReferenceBackend } from '../net/reference-backend'
import { initParams } from '../net/two-layer-net'
import { createFastBackend, fastBackendSupport } from './index'

const KINDS = ['wasm-simd', 'ts'] as const

let split: Split
before(async () => {
  split = (await loadDefaultSplit()).split
})

/**
 * The max relative loss difference from the reference over a (training set, batch size) schedule; with
 * accuracyEvery, also asserts train and test accuracy within 0.2 % of the reference's that often.
 */
async function worstAgreement(hidden: number, activation: Activation, prefer: (typeof KINDS)[number], schedule: { train: 'train' | 'test'; batch: number }[], accuracyEvery = 0) {
  const rng = new Random(11)
  const params = initParams(784, hidden, 10, 0.1, rng)
  const reference = new ReferenceBackend(params, activation)
  const fast = await createFastBackend(params, activation, { prefer })
  let worst = 0, worstAccuracy = 0
  schedule.forEach(({ train, batch }, i) => {
    const set = split[train]
    const indices = rng.choice(set.count, batch)
    const want = reference.step(set, indices, 0.1)
    worst = Math.max(worst, Math.abs(fast.step(set, indices, 0.1) - want) / want)
    if (accuracyEvery > 0 && i % accuracyEvery === accuracyEvery - 1) {
      for (const other of [split.test, split.train]) worstAccuracy = Math.max(worstAccuracy, Math.abs(fast.accuracy(other) - reference.accuracy(other)))
    }
  })
  assert.ok(worstAccuracy <= 0.002, `accuracy differs from the reference's by up to ${worstAccuracy}`)
  return worst
}

describe('fast path hidden sizes the kernel pads or splits unevenly (lane groups of 4, turns of 6 or 7 groups)', () => {
  for (const prefer of KINDS) {
    for (const [hidden, activation] of [[7, 'sigmoid'], [37, 'relu'], [1, 'sigmoid'], [20, 'sigmoid'], [25, 'relu'], [100, 'relu']] as const) {
      it(`${prefer}: 784-${hidden}-10 ${activation} agrees with the reference within 1e-4 over 30 iterations`, async () => {
        const worst = await worstAgreement(hidden, activation, prefer, Array(30).fill({ train: 'train', batch: 50 }))
        assert.ok(worst < 1e-4, `worst relative loss difference ${worst}`)
      })
    }
  }
})

describe('fast path when the batch grows or the training set changes mid-run', () => {
  for (const prefer of KINDS) {
    it(`${prefer}: batches of 100, then 500, then training on another set: losses within 1e-4, accuracies within 0.2 %`, async () => {
      const schedule = [
        ...Array(5).fill({ train: 'train', batch: 100 }),
        ...Array(5).fill({ train: 'train', batch: 500 }),
        ...Array(5).fill({ train: 'test', batch: 100 }),
        ...Array(5).fill({ train: 'train', batch: 1 }),
      ]
      const worst = await worstAgreement(50, 'relu', prefer, schedule, 5)
      assert.ok(worst < 1e-4, `worst relative loss difference ${worst}`)
    })
  }
})

describe('fast path rejects bad sizes with errors that name the thing', () => {
  const params = () => initParams(784, 50, 10, 0.01, new Random(1))

  it('W1 with 783 rows', async () => {
    const p = params()
    p.W1 = new Matrix(783, 50)
    await assert.rejects(createFastBackend(p, 'relu'), /W1 must be 784×50 for a 784-50-10 net, got 783×50/)
  })

  it('a hidden size of 0 or 1025', async () => {
    await assert.rejects(createFastBackend(initParams(784, 1025, 10, 0.01, new Random(1)), 'relu'), /hidden size \(W1's columns\) must be an integer in \[1, 1024\], got 1025/)
    const p = params()
    p.W1 = new Matrix(784, 0)
    await assert.rejects(createFastBackend(p, 'relu', { prefer: 'ts' }), /hidden size .* got 0/)
  })

  it('W2 that does not match W1', async () => {
    const p = params()
    p.W2 = new Matrix(49, 10)
    await assert.rejects(createFastBackend(p, 'sigmoid'), /W2 must be 50×10 for a 784-50-10 net, got 49×10/)
  })

  for (const prefer of KINDS) {
    it(`${prefer}: a batch index outside the set, an empty batch, a NaN learning rate, params of another size`, async () => {
      const fast = await createFastBackend(params(), 'relu', { prefer })
      assert.throws(() => fast.step(split.test, Int32Array.of(0, 2004), 0.1), /batch index 2004 is outside the set of 2004 digits/)
      assert.throws(() => fast.step(split.test, new Int32Array(0), 0.1), /batch must hold 1 to 60000 indices, got 0/)
      assert.throws(() => fast.step(split.test, Int32Array.of(1), NaN), /learningRate must be a finite number > 0, got NaN/)
      assert.throws(() => fast.setParams(initParams(784, 20, 10, 0.01, new Random(1))), /the net has 50 hidden units, got params with 20/)
      assert.throws(() => fast.predict(new Float32Array(783), 1), /predict needs n ≥ 1 images of 784 pixel values, got 783 values for n = 1/)
    })
  }
})

describe('fast path host detection', () => {
  it('finds WebAssembly SIMD on this Node and picks the wasm kernel by default', async () => {
    assert.equal(fastBackendSupport().simd, true)
    const fast = await createFastBackend(initParams(784, 50, 10, 0.01, new Random(1)), 'relu')
    assert.equal(fast.name, 'wasm-simd-f32')
  })
})
