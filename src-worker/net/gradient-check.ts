import { range, gatherImages, gatherLabels } from './batch'
import { PARAM_NAMES, type Params } from './backend'
import type { Split } from '../data/digits'
import { CLASSES, PIXELS } from '../data/digits'
import type { Matrix } from '../math/matrix'
import { meanAbsDiff } from '../math/ops'
import type { Activation, GradientDiffMap, GradientDiffs, LargestGradientDiff, ParamName } from '../protocol'
import { H } from './numerical-gradient'
import { Random } from './random'
import { reluKinkAt } from './relu-kink'
import { Relu } from '../layers/relu'
import { TwoLayerNet } from './two-layer-net'
import { BOOK_SETTINGS } from '../session/validate'

/** 5.7.3 gradient check: for each parameter, np.average(np.abs(grad_backprop[key] − grad_numerical[key])) */
export function gradientCheck(net: TwoLayerNet, x: Matrix, t: Uint8Array): GradientDiffs {
  const gradNumerical = net.numericalGradient(x, t)
  const gradBackprop = net.gradient(x, t)
  const diffs: GradientDiffs = { W1: NaN, b1: NaN, W2: NaN, b2: NaN }
  for (const key of PARAM_NAMES) diffs[key] = meanAbsDiff(gradBackprop[key], gradNumerical[key])
  return diffs
}

/** The gradient check as the lab shows it: the means, every element's difference, the largest, and both methods' times. */
export interface GradientCheckReport {
  diffs: GradientDiffs
  maps: Record<ParamName, GradientDiffMap>
  largest: LargestGradientDiff
  /** one numerical gradient of the batch */
  numericalSeconds: number
  /** one backprop gradient of the same batch (the median of repeated rounds, see timedBackprop) */
  backpropSeconds: number
}

export interface CheckOptions {
  /** done of total parameter elements, at most once per progressIntervalMs, then once at done = total */
  onProgress?: (done: number, total: number) => void
  /** default 100: at most 10 progress calls a second */
  progressIntervalMs?: number
  /** a clock in milliseconds; default performance.now */
  now?: () => number
}

/** backprop is timed over repeated rounds for at least this long: one call takes about a millisecond */
const BACKPROP_MIN_SECONDS = 0.05

/** 5.7.3 in full: both gradients timed separately on the same batch, compared element by element. */
export function detailedGradientCheck(net: TwoLayerNet, x: Matrix, t: Uint8Array, options: CheckOptions = {}): GradientCheckReport {
  const now = options.now ?? (() => performance.now())
  const started = now()
  const gradNumerical = net.numericalGradient(x, t, options.onProgress && throttled(options.onProgress, options.progressIntervalMs ?? 100, now))
  const numericalSeconds = (now() - started) / 1000
  const { grad: gradBackprop, seconds: backpropSeconds } = timedBackprop(net, x, t, now)
  // every |numerical − backprop| once; the means and the largest are read off these maps
  const maps = diffMaps(gradNumerical, gradBackprop)
  const diffs: GradientDiffs = { W1: NaN, b1: NaN, W2: NaN, b2: NaN }
  for (const key of PARAM_NAMES) diffs[key] = mean(maps[key].values)
  const largest = largestDiff(gradNumerical, gradBackprop, maps)
  if (net.layers[1] instanceof Relu) largest.kink = reluKinkAt(net.layers[0]!.forward(x), x, largest.parameter, largest.row, largest.col, H)
  return { diffs, maps, largest, numericalSeconds, backpropSeconds }
}

/**
 * backprop on the batch, timed robustly: calls grouped into rounds of at least ~1 ms (above any timer's
 * resolution), rounds repeated for BACKPROP_MIN_SECONDS, and the median round taken (a GC pause or a busy
 * machine spoils a round, not the figure); seconds per call
 */
function timedBackprop(net: TwoLayerNet, x: Matrix, t: Uint8Array, now: () => number): { grad: Params; seconds: number } {
  let grad = net.gradient(x, t)
  let perRound = 1
  for (let started = now(); now() - started < 1 && perRound < 1 << 20; perRound *= 2) for (let k = 0; k < perRound; k++) grad = net.gradient(x, t)
  const rounds: number[] = []
  for (const started = now(); rounds.length < 5 || (now() - started < BACKPROP_MIN_SECONDS * 1000 && rounds.length < 1000); ) {
    const roundStarted = now()
    for (let k = 0; k < perRound; k++) grad = net.gradient(x, t)
    rounds.push((now() - roundStarted) / perRound)
  }
  rounds.sort((a, b) => a - b)
  return { grad, seconds: rounds[rounds.length >> 1]! / 1000 }
}

/** |numerical − backprop| per element of each parameter */
export function diffMaps(gradNumerical: Params, gradBackprop: Params): Record<ParamName, GradientDiffMap> {
  const map = (key: ParamName): GradientDiffMap => {
    const a = gradNumerical[key]
    const b = gradBackprop[key]
    return { rows: a.rows, cols: a.cols, values: a.data.map((v, i) => Math.abs(v - b.data[i]!)) }
  }
  return { W1: map('W1'), b1: map('b1'), W2: map('W2'), b2: map('b2') }
}

/** The mean of the values, summed in order (as meanAbsDiff sums). */
function mean(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]!
  return sum / values.length
}

/** The element with the largest |numerical − backprop| over the four parameters (the first, on a tie); kink unset. */
export function largestDiff(gradNumerical: Params, gradBackprop: Params, maps = diffMaps(gradNumerical, gradBackprop)): LargestGradientDiff {
  let best: LargestGradientDiff | undefined
  for (const parameter of PARAM_NAMES) {
    const { cols, data } = gradNumerical[parameter]
    const backprop = gradBackprop[parameter].data
    const diffs = maps[parameter].values
    for (let i = 0; i < data.length; i++) {
      const diff = diffs[i]!
      if (best && !(diff > best.diff)) continue
      best = { parameter, row: Math.floor(i / cols), col: i % cols, numerical: data[i]!, backprop: backprop[i]!, diff, kink: null }
    }
  }
  if (!best) throw new Error('largestDiff: the parameters have no elements')
  return best
}

/** onProgress at most once per intervalMs, always at the start (0) and at done = total */
function throttled(onProgress: (done: number, total: number) => void, intervalMs: number, now: () => number): (done: number, total: number) => void {
  let last = -Infinity
  let started = false
  return (done, total) => {
    if (!started) {
      started = true
      last = now()
      onProgress(0, total)
    }
    const at = done === total ? Infinity : now()
    if (at - last < intervalMs) return
    last = at
    onProgress(done, total)
  }
}

/** The book's 784-50-10 net with weightInitStd 0.01 (seeded) and the first 3 training samples (x_batch = x_train[:3]). */
function bookSetup(split: Split, activation: Activation, seed: number): { net: TwoLayerNet; x: Matrix; t: Uint8Array } {
  const net = new TwoLayerNet(PIXELS, BOOK_SETTINGS.hiddenSize, CLASSES, BOOK_SETTINGS.weightInitStd, activation, new Random(seed))
  const first3 = range(0, Math.min(3, split.train.count))
  return { net, x: gatherImages(split.train, first3), t: gatherLabels(split.train, first3) }
}

/** 5.7.3 on the book's setup. About 40k parameters × 2 forward passes: a few seconds. */
export function bookGradientCheck(split: Split, activation: Activation = 'relu', seed = BOOK_SETTINGS.seed): GradientDiffs {
  const { net, x, t } = bookSetup(split, activation, seed)
  return gradientCheck(net, x, t)
}

/** 5.7.3 on the book's setup, in full (the lab's Gradient pane). */
export function bookDetailedGradientCheck(split: Split, activation: Activation, options: CheckOptions = {}, seed = BOOK_SETTINGS.seed): GradientCheckReport {
  const { net, x, t } = bookSetup(split, activation, seed)
  return detailedGradientCheck(net, x, t, options)
}
