// 5.7.4 the book's training loop (ch05/train_neuralnet.py) as a generator: one step per SGD iteration, so a
// host can pause, stop or predict between any two iterations. Messaging and throttling live in the host.
import type { TrainingBackend } from './backend'
import type { Split } from '../data/digits'
import type { EpochPoint, RunSummary, TrainSettings } from '../protocol'
import type { Random } from './random'

export type TrainStep = { type: 'iteration'; iteration: number; loss: number } | ({ type: 'epoch' } & EpochPoint)

/** A run stopped because a mini-batch loss became NaN or ±Infinity; the backend holds the last finite weights. */
export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError'
  constructor(
    readonly iteration: number,
    readonly loss: number,
    readonly learningRate: number,
  ) {
    const kept = iteration === 0 ? 'the initial weights' : `the weights after iteration ${iteration - 1}`
    super(
      `training diverged at iteration ${iteration}: the mini-batch loss became ${loss}. ` +
        `Kept ${kept}, the last with a finite loss. Try a smaller learning rate than ${learningRate}.`,
    )
  }
}

/** iter_per_epoch = max(train_size / batch_size, 1); fractional when batch size does not divide train size (7996 / 100 = 79.96) */
export function iterationsPerEpoch(trainSize: number, batchSize: number): number {
  return Math.max(trainSize / batchSize, 1)
}

/** whole epochs completed by iteration i: floor(i / iter_per_epoch), in exact integer arithmetic */
export function epochOf(i: number, trainSize: number, batchSize: number): number {
  return batchSize >= trainSize ? i : Math.floor((i * batchSize) / trainSize)
}

/**
 * The book evaluates when `i % iter_per_epoch == 0`. With a fractional iter_per_epoch (79.96) that holds only
 * at i = 0, so taken literally the default data would never be evaluated after the start. We evaluate at i = 0
 * and at the first iteration of each new epoch, i.e. where floor(i / iter_per_epoch) increases: i = ceil(k · 79.96)
 * = 0, 80, 160, …, 7996, 8076, … For a whole iter_per_epoch (60000 / 100 = 600) this is exactly the book's rule.
 */
export function isEvaluationIteration(i: number, trainSize: number, batchSize: number): boolean {
  return i === 0 || epochOf(i, trainSize, batchSize) > epochOf(i - 1, trainSize, batchSize)
}

/** Options beyond the book's settings. */
export interface TrainOptions {
  /** iterations between weight snapshots used to recover from divergence (see below); default 100 */
  snapshotEvery?: number
  /** the step size of each iteration, read before it (a paused run's learning rate can change); default settings.learningRate */
  learningRate?: () => number
}

/**
 * 5.7.4 mini-batch SGD: for each iteration, draw batch_size indices with replacement, step (gradient, update,
 * loss on the same batch), and evaluate train and test accuracy per isEvaluationIteration. If the last
 * iteration was not an evaluation, one more evaluation follows it (epoch = fractional epochs, i / iter_per_epoch)
 * so the summary's accuracies belong to the final weights.
 *
 * Weights are initialised by the caller from the same rng (W1 then W2) before this draws the first batch.
 *
 * Divergence: a NaN or infinite loss throws TrainingDivergedError after putting back the last finite weights.
 * A copy of the weights every iteration would cost as much as a fast step (measured: getParams of 784-50-10,
 * ~0.25 ms, against ~0.2 ms for a fast-path step), so a copy is taken every
 * `snapshotEvery` iterations and the batches since are kept; on divergence at i the snapshot is restored and
 * the steps up to i − 1 replayed (steps are deterministic), which gives exactly the weights after i − 1.
 *
 * Timing: msPerIteration counts backend.step only; totalSeconds counts time spent inside this generator
 * (steps and evaluations), not time the host spends paused between steps.
 */
export function* train(backend: TrainingBackend, split: Split, settings: TrainSettings, rng: Random, options: TrainOptions = {}): Generator<TrainStep, RunSummary> {
  const { iterations: itersNum, batchSize } = settings
  const rateOf = options.learningRate ?? (() => settings.learningRate)
  const trainSize = split.train.count
  if (trainSize < 1) throw new RangeError('the training set is empty')
  const snapshotEvery = options.snapshotEvery ?? 100
  let snapshot = backend.getParams()
  let batchesSinceSnapshot: { batch: Int32Array; learningRate: number }[] = []
  let stepMs = 0
  let activeMs = 0
  let resumedAt = performance.now()
  let loss = NaN
  let last: EpochPoint | null = null

  const evaluate = (iteration: number, epoch: number): EpochPoint => ({
    epoch,
    iteration,
    trainAccuracy: backend.accuracy(split.train), //     train_acc = network.accuracy(x_train, t_train)
    testAccuracy: backend.accuracy(split.test), //       test_acc = network.accuracy(x_test, t_test)
  })

  for (let i = 0; i < itersNum; i++) {
    if (i > 0 && i % snapshotEvery === 0) {
      snapshot = backend.getParams()
      batchesSinceSnapshot = []
    }
    const batchMask = rng.choice(trainSize, batchSize) //   batch_mask = np.random.choice(train_size, batch_size)
    const learningRate = rateOf()
    batchesSinceSnapshot.push({ batch: batchMask, learningRate })
    const t0 = performance.now()
    loss = backend.step(split.train, batchMask, learningRate) // gradient, update, loss
    stepMs += performance.now() - t0
    if (!Number.isFinite(loss)) {
      backend.setParams(snapshot)
      for (const kept of batchesSinceSnapshot.slice(0, -1)) backend.step(split.train, kept.batch, kept.learningRate)
      throw new TrainingDivergedError(i, loss, learningRate)
    }
    activeMs += performance.now() - resumedAt
    yield { type: 'iteration', iteration: i, loss } //    train_loss_list.append(loss)
    resumedAt = performance.now()
    if (isEvaluationIteration(i, trainSize, batchSize)) { // if i % iter_per_epoch == 0 (see above)
      last = evaluate(i, epochOf(i, trainSize, batchSize))
      activeMs += performance.now() - resumedAt
      yield { type: 'epoch', ...last }
      resumedAt = performance.now()
    }
  }
  if (last === null || last.iteration !== itersNum - 1) {
    last = evaluate(itersNum - 1, (itersNum - 1) / iterationsPerEpoch(trainSize, batchSize))
    activeMs += performance.now() - resumedAt
    yield { type: 'epoch', ...last }
    resumedAt = performance.now()
  }
  activeMs += performance.now() - resumedAt
  return {
    iterations: itersNum,
    seed: settings.seed,
    finalLoss: loss,
    trainAccuracy: last.trainAccuracy,
    testAccuracy: last.testAccuracy,
    msPerIteration: stepMs / itersNum,
    totalSeconds: activeMs / 1000,
  }
}
