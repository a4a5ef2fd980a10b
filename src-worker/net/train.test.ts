import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { TrainingBackend } from './backend'
import { PIXELS } from '../data/digits'
import type { TrainSettings } from '../protocol'
import { Random } from './random'
import { ReferenceBackend } from './reference-backend'
import { syntheticSplit } from '../testing/synthetic-digits'
import { type TrainStep, TrainingDivergedError, epochOf, isEvaluationIteration, iterationsPerEpoch, train } from './train'
import { initParams } from './two-layer-net'
import { BOOK_SETTINGS } from '../session/validate'

const split = syntheticSplit(200, 100)
const settings = (changes: Partial<TrainSettings> = {}): TrainSettings => ({ ...BOOK_SETTINGS, hiddenSize: 10, batchSize: 20, iterations: 30, ...changes })

/** the CLI's order: weights from the rng first, then train() draws the batches from the same rng */
function setUp(s: TrainSettings) {
  const rng = new Random(s.seed)
  const backend = new ReferenceBackend(initParams(PIXELS, s.hiddenSize, 10, s.weightInitStd, rng), s.activation)
  return { rng, backend }
}

function runAll(s: TrainSettings, backend?: TrainingBackend) {
  const setup = setUp(s)
  const run = train(backend ?? setup.backend, split, s, setup.rng)
  const steps: TrainStep[] = []
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) return { steps, summary: r.value, backend: backend ?? setup.backend }
    steps.push(r.value)
  }
}

const losses = (steps: TrainStep[]) => steps.flatMap((s) => (s.type === 'iteration' ? [s.loss] : []))
const evaluations = (steps: TrainStep[]) => steps.flatMap((s) => (s.type === 'epoch' ? [s] : []))

describe('when the trainer evaluates (5.7.4, `if i % iter_per_epoch == 0`)', () => {
  it('with a whole iter_per_epoch (60000 / 100 = 600) it is exactly the book\'s rule', () => {
    const evaluated = Array.from({ length: 2000 }, (_, i) => i).filter((i) => isEvaluationIteration(i, 60000, 100))
    assert.deepEqual(evaluated, [0, 600, 1200, 1800])
  })

  it('with 7996 / 100 = 79.96 it is iteration 0 and the first iteration of each epoch, ceil(k · 79.96)', () => {
    assert.equal(iterationsPerEpoch(7996, 100), 79.96)
    const evaluated = Array.from({ length: 8100 }, (_, i) => i).filter((i) => isEvaluationIteration(i, 7996, 100))
    assert.deepEqual(evaluated.slice(0, 4), [0, 80, 160, 240])
    assert.deepEqual(evaluated.slice(-2), [7996, 8076]) // ceil(100 · 79.96) = 7996, ceil(101 · 79.96) = 8076
    assert.equal(evaluated.length, 102)
    assert.equal(epochOf(7996, 7996, 100), 100)
  })

  it('with a batch larger than the training set (iter_per_epoch = max(…, 1) = 1) it is every iteration', () => {
    assert.equal(iterationsPerEpoch(50, 100), 1)
    assert.ok([0, 1, 2, 3].every((i) => isEvaluationIteration(i, 50, 100)))
  })
})

describe('train(): the book\'s SGD loop as a generator (5.7.4)', () => {
  it('yields one iteration step per SGD step, each followed by its evaluation when due, then a final evaluation', () => {
    const { steps, summary } = runAll(settings({ iterations: 25 })) // 200 / 20 = 10 iterations per epoch
    assert.deepEqual(losses(steps).length, 25)
    assert.deepEqual(steps.filter((s) => s.type === 'iteration').map((s) => s.iteration), Array.from({ length: 25 }, (_, i) => i))
    assert.deepEqual(evaluations(steps).map((e) => [e.epoch, e.iteration]), [[0, 0], [1, 10], [2, 20], [2.4, 24]])
    assert.equal(steps.indexOf(evaluations(steps)[1]), steps.findIndex((s) => s.type === 'iteration' && s.iteration === 10) + 1)
    assert.equal(summary.iterations, 25)
    assert.equal(summary.finalLoss, losses(steps)[24])
    assert.equal(summary.testAccuracy, evaluations(steps)[3].testAccuracy)
  })

  it('adds no final evaluation when the last iteration already was one', () => {
    const { steps } = runAll(settings({ iterations: 21 }))
    assert.deepEqual(evaluations(steps).map((e) => e.iteration), [0, 10, 20])
  })

  it('the same seed and settings give bit-identical losses; another seed gives different ones', () => {
    const a = losses(runAll(settings()).steps)
    const b = losses(runAll(settings()).steps)
    const c = losses(runAll(settings({ seed: 43 })).steps)
    assert.deepEqual(b, a)
    assert.notDeepEqual(c, a)
  })

  it('a short seeded run learns the separable synthetic digits: test accuracy ≥ 0.95 after 150 iterations (starts near 0.1)', () => {
    const { steps, summary } = runAll(settings({ iterations: 150, learningRate: 0.5, hiddenSize: 20 }))
    assert.ok(evaluations(steps)[0].testAccuracy < 0.5, `before: ${evaluations(steps)[0].testAccuracy}`)
    assert.ok(summary.testAccuracy >= 0.95, `after: ${summary.testAccuracy}`)
    assert.ok(summary.finalLoss < losses(steps)[0])
  })

  it('the run summary times only the steps in msPerIteration and counts the whole run in totalSeconds', () => {
    const { summary } = runAll(settings())
    assert.ok(summary.msPerIteration > 0 && Number.isFinite(summary.msPerIteration))
    assert.ok(summary.totalSeconds * 1000 >= summary.msPerIteration * summary.iterations)
    assert.equal(summary.seed, 42)
  })
})

describe('a diverging run (loss NaN or ±Infinity)', () => {
  it('throws TrainingDivergedError naming the iteration, the loss and a smaller learning rate, and keeps finite weights', () => {
    const s = settings({ learningRate: 1e300 }) // beyond LIMITS on purpose: overflows at once
    const { rng, backend } = setUp(s)
    const initial = backend.getParams()
    const run = train(backend, split, s, rng)
    assert.throws(() => run.next(), (error: unknown) => {
      assert.ok(error instanceof TrainingDivergedError)
      assert.match(error.message, /diverged at iteration 0: the mini-batch loss became (NaN|-?Infinity)/)
      assert.match(error.message, /Kept the initial weights.*smaller learning rate than 1e\+300/)
      return true
    })
    assert.deepEqual(backend.getParams(), initial)
  })

  it('puts back exactly the weights after the last finite iteration, even between snapshots', () => {
    const s = settings({ iterations: 200 })
    const reference = setUp(s)
    const poisoned = setUp(s)
    let calls = 0
    const failingAt150: TrainingBackend = Object.assign(Object.create(poisoned.backend) as ReferenceBackend, {
      step: (set: never, batch: Int32Array, lr: number) => (calls++ === 150 ? NaN : poisoned.backend.step(set, batch, lr)),
    })
    const run = train(failingAt150, split, s, poisoned.rng, { snapshotEvery: 100 })
    assert.throws(() => { for (let r = run.next(); !r.done; r = run.next()); }, /diverged at iteration 150.*weights after iteration 149/)
    const expected = train(reference.backend, split, s, reference.rng)
    for (let i = 0; i < 150; ) {
      const r = expected.next()
      if (!r.done && r.value.type === 'iteration') i++
    }
    assert.deepEqual(poisoned.backend.getParams(), reference.backend.getParams())
  })
})
