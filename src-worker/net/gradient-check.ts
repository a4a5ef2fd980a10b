import { range, gatherImages, gatherLabels } from './batch'
import { PARAM_NAMES } from './backend'
import type { Split } from '../data/digits'
import { CLASSES, PIXELS } from '../data/digits'
import type { Matrix } from '../math/matrix'
import { meanAbsDiff } from '../math/ops'
import type { Activation, GradientDiffs } from '../protocol'
import { Random } from './random'
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

/**
 * 5.7.3 on the book's setup: a fresh 784-50-10 net with weightInitStd 0.01 (seeded) and the first 3
 * training samples (x_batch = x_train[:3]). About 40k parameters × 2 forward passes: a few seconds.
 */
export function bookGradientCheck(split: Split, activation: Activation = 'relu', seed = BOOK_SETTINGS.seed): GradientDiffs {
  const net = new TwoLayerNet(PIXELS, BOOK_SETTINGS.hiddenSize, CLASSES, BOOK_SETTINGS.weightInitStd, activation, new Random(seed))
  const first3 = range(0, Math.min(3, split.train.count))
  return gradientCheck(net, gatherImages(split.train, first3), gatherLabels(split.train, first3))
}
