import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { Params, TrainingBackend } from '../net/backend'
import type { Split } from '../data/digits'
import { loadDefaultSplit } from '../node/default-data'
import type { Activation } from '../protocol'
import { Random } from '../net/random'
import { ReferenceBackend } from '../net/reference-backend'
import { initParams } from '../net/two-layer-net'
import { createFastBackend } from './index'

const ITERATIONS = 200
const BATCH = 100

interface ReferenceRun {
  initial: Params
  batches: Int32Array[]
  losses: number[]
  /** the reference's accuracy on the train and test sets after the run */
  accuracy: { train: number; test: number }
}

/** The book's run (784-50-10, lr 0.1) on the reference, recording the batches it drew and each loss. */
function referenceRun(split: Split, activation: Activation, seed: number): ReferenceRun {
  const rng = new Random(seed)
  const initial = initParams(784, 50, 10, 0.01, rng)
  const reference = new ReferenceBackend(initial, activation)
  const batches: Int32Array[] = [], losses: number[] = []
  for (let i = 0; i < ITERATIONS; i++) {
    batches.push(rng.choice(split.train.count, BATCH))
    losses.push(reference.step(split.train, batches[i], 0.1))
  }
  return { initial, batches, losses, accuracy: { train: reference.accuracy(split.train), test: reference.accuracy(split.test) } }
}

/** the largest |fast − reference| / |reference| over the run, replaying the reference's batches */
function worstRelativeLossError(fast: TrainingBackend, split: Split, run: ReferenceRun): number {
  let worst = 0
  run.batches.forEach((batch, i) => {
    const loss = fast.step(split.train, batch, 0.1)
    worst = Math.max(worst, Math.abs(loss - run.losses[i]) / Math.abs(run.losses[i]))
  })
  return worst
}

let split: Split
before(async () => {
  split = (await loadDefaultSplit()).split
})

for (const activation of ['relu', 'sigmoid'] as const) {
  describe(`fast path vs the float64 layer classes, ${activation}, default digits (5.7.4, float32)`, () => {
    let run: ReferenceRun
    before(() => {
      run = referenceRun(split, activation, 7)
    })

    for (const prefer of ['wasm-simd', 'ts'] as const) {
      it(`${prefer}: every loss of ${ITERATIONS} iterations is within 1e-4 relative of the reference's`, async () => {
        const fast = await createFastBackend(run.initial, activation, { prefer })
        assert.equal(fast.name, prefer === 'ts' ? 'ts-f32' : 'wasm-simd-f32')
        const worst = worstRelativeLossError(fast, split, run)
        assert.ok(worst < 1e-4, `worst relative loss difference ${worst}`)
        const mean = (from: number) => run.losses.slice(from, from + 20).reduce((a, b) => a + b) / 20
        assert.ok(mean(ITERATIONS - 20) < mean(0) * 0.98, 'the loss must fall (by 2 %) for the comparison to mean something')
      })

      it(`${prefer}: accuracy() on the train and test sets after the run matches the reference's within 0.1 %`, async () => {
        const fast = await createFastBackend(run.initial, activation, { prefer })
        worstRelativeLossError(fast, split, run)
        for (const name of ['train', 'test'] as const) {
          const got = fast.accuracy(split[name]), expected = run.accuracy[name]
          assert.ok(Math.abs(got - expected) <= 0.001, `${name}: fast ${got} vs reference ${expected}`)
        }
      })
    }
  })
}

describe('fast path params and predictions', () => {
  it('getParams returns setParams values rounded to float32 (relative error < 1e-7)', async () => {
    const params = initParams(784, 50, 10, 0.01, new Random(3))
    params.b1.data.fill(0.123456789)
    for (const prefer of ['wasm-simd', 'ts'] as const) {
      const back = (await createFastBackend(params, 'relu', { prefer })).getParams()
      for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
        assert.deepEqual([back[key].rows, back[key].cols], [params[key].rows, params[key].cols])
        back[key].data.forEach((v, i) => {
          const want = params[key].data[i]
          assert.ok(Math.abs(v - want) <= Math.abs(want) * 1e-7, `${prefer} ${key}[${i}] ${v} vs ${want}`)
        })
      }
    }
  })

  it('predict gives the reference softmax probabilities within 1e-6', async () => {
    const params = initParams(784, 50, 10, 0.5, new Random(4))
    const x = Float32Array.from(split.test.images.subarray(0, 3 * 784), (b) => b / 255)
    const want = new ReferenceBackend(params, 'sigmoid').predict(x, 3)
    const got = (await createFastBackend(params, 'sigmoid')).predict(x, 3)
    assert.equal(got.length, 30)
    got.forEach((p, i) => assert.ok(Math.abs(p - want[i]) < 1e-6, `p[${i}] ${p} vs ${want[i]}`))
  })

  it('predict follows the params after a step and after setParams (its float64 copy is not kept stale)', async () => {
    const params = initParams(784, 50, 10, 0.5, new Random(5))
    const x = Float32Array.from(split.test.images.subarray(0, 784), (b) => b / 255)
    for (const prefer of ['wasm-simd', 'ts'] as const) {
      const fast = await createFastBackend(params, 'relu', { prefer })
      const reference = new ReferenceBackend(params, 'relu')
      const before = fast.predict(x, 1)
      fast.step(split.train, Int32Array.from({ length: 100 }, (_, i) => i * 7), 0.5)
      reference.setParams(fast.getParams())
      const afterStep = fast.predict(x, 1)
      assert.notDeepEqual(afterStep, before, `${prefer}: the step changed nothing`)
      reference.predict(x, 1).forEach((p, i) => assert.ok(Math.abs(p - afterStep[i]) < 1e-12, `${prefer} after step p[${i}] ${afterStep[i]} vs ${p}`))
      fast.setParams(params)
      const afterSet = fast.predict(x, 1)
      before.forEach((p, i) => assert.ok(Math.abs(p - afterSet[i]) < 1e-12, `${prefer} after setParams p[${i}] ${afterSet[i]} vs ${p}`))
    }
  })
})
