// 5.7.1–5.7.2 one training iteration, layer by layer: the four stages of the book's learning procedure
// (mini-batch → forward → backward → update), computed by the float64 reference layers on a copy of the
// weights, with every intermediate kept so it can be shown, exported and checked in numpy.
import type { Params } from '../net/backend'
import { PARAM_NAMES } from '../net/backend'
import { Affine } from '../layers/affine'
import { Relu } from '../layers/relu'
import { Sigmoid } from '../layers/sigmoid'
import { SoftmaxWithLoss } from '../layers/softmax-with-loss'
import { Matrix } from '../math/matrix'
import { subtractScaledInPlace } from '../math/ops'
import { initParams, TwoLayerNet } from '../net/two-layer-net'
import { gatherImages, gatherLabels } from '../net/batch'
import { Random } from '../net/random'
import { CLASSES, PIXELS, type DigitSet } from '../data/digits'
import type { Activation, StepRecord, TrainSettings } from '../protocol'

/** A matrix as the step's JSON carries it: its shape and its values, row-major, full float64. */
export interface MatrixJson {
  shape: number[]
  values: number[]
}

export interface StepTrace {
  activation: Activation
  learningRate: number
  x: Matrix
  t: Uint8Array
  params: Params
  forward: {
    affine1: Matrix
    /** Relu1's mask (1 where the input was ≤ 0, the entries it blocks); absent for Sigmoid1 */
    mask?: Uint8Array
    hidden: Matrix
    affine2: Matrix
    y: Matrix
    loss: number
  }
  backward: {
    softmax: Matrix
    affine2: { dx: Matrix; dW: Matrix; db: Matrix }
    hidden: Matrix
    affine1: { dx: Matrix; dW: Matrix; db: Matrix }
  }
  grads: Params
  /** the params after params −= lr · grad */
  updated: Params
  lossBefore: number
  lossAfter: number
}

export function cloneParams(p: Params): Params {
  return { W1: p.W1.clone(), b1: p.b1.clone(), W2: p.W2.clone(), b2: p.b2.clone() }
}

/**
 * One SGD iteration on (x, t), as TwoLayerNet.gradient runs it but one layer at a time. `params` is not
 * changed: the layers work on a copy, and `updated` is a second copy with the update applied.
 */
export function traceStep(params: Params, activation: Activation, x: Matrix, t: Uint8Array, learningRate: number): StepTrace {
  const copy = cloneParams(params)
  const affine1 = new Affine(copy.W1, copy.b1)
  const act = activation === 'relu' ? new Relu() : new Sigmoid()
  const affine2 = new Affine(copy.W2, copy.b2)
  const last = new SoftmaxWithLoss()

  // forward: x → Affine1 → Relu1 → Affine2 → SoftmaxWithLoss
  const a1 = affine1.forward(x) //                     x = layer.forward(x)
  const h = act.forward(a1)
  const a2 = affine2.forward(h)
  const loss = last.forward(a2, t) //                  self.lastLayer.forward(y, t)

  // backward: dout = 1, then every layer in reverse
  const dSoftmax = last.backward(1) //                 dout = self.lastLayer.backward(dout)
  const dH = affine2.backward(dSoftmax) //             dout = layer.backward(dout)
  const dA1 = act.backward(dH)
  const dX = affine1.backward(dA1)
  const grads: Params = { W1: affine1.dW!, b1: affine1.db!, W2: affine2.dW!, b2: affine2.db! }

  // update: params[key] -= learning_rate * grad[key]
  const updated = cloneParams(params)
  for (const key of PARAM_NAMES) subtractScaledInPlace(updated[key], learningRate, grads[key])
  const lossAfter = new TwoLayerNet(updated, activation).loss(x, t)

  return {
    activation,
    learningRate,
    x,
    t,
    params: cloneParams(params),
    forward: { affine1: a1, ...(act instanceof Relu ? { mask: act.mask! } : {}), hidden: h, affine2: a2, y: last.y!, loss },
    backward: { softmax: dSoftmax, affine2: { dx: dH, dW: grads.W2, db: grads.b2 }, hidden: dA1, affine1: { dx: dX, dW: grads.W1, db: grads.b1 } },
    grads,
    updated,
    lossBefore: loss,
    lossAfter,
  }
}

/** The book's line of code each stage runs (ch05/two_layer_net.py and the layers of 5.5–5.6). */
export const BOOK_LINES = {
  Affine1: 'out = np.dot(x, self.W) + self.b',
  Relu1: 'self.mask = (x <= 0); out[self.mask] = 0',
  Sigmoid1: 'out = 1 / (1 + np.exp(-x))',
  Affine2: 'out = np.dot(x, self.W) + self.b',
  SoftmaxWithLoss: 'self.y = softmax(x); self.loss = cross_entropy_error(self.y, self.t)',
  backSoftmaxWithLoss: 'dout = self.lastLayer.backward(dout)  # dx = (self.y - self.t) / batch_size',
  backAffine2: 'dx = np.dot(dout, self.W.T); self.dW = np.dot(self.x.T, dout); self.db = np.sum(dout, axis=0)',
  backRelu1: 'dout[self.mask] = 0; dx = dout',
  backSigmoid1: 'dx = dout * (1.0 - self.out) * self.out',
  backAffine1: 'dx = np.dot(dout, self.W.T); self.dW = np.dot(self.x.T, dout); self.db = np.sum(dout, axis=0)',
  update: 'params[key] -= learning_rate * grad[key]',
} as const

export function matrixJson(m: Matrix): MatrixJson {
  return { shape: [m.rows, m.cols], values: Array.from(m.data) }
}

/** Biases are vectors in the book (shape (H,)), 1×H here: the JSON gives numpy's shape. */
function vectorJson(m: Matrix): MatrixJson {
  return { shape: [m.cols], values: Array.from(m.data) }
}

function paramsJson(p: Params): Record<(typeof PARAM_NAMES)[number], MatrixJson> {
  return { W1: matrixJson(p.W1), b1: vectorJson(p.b1), W2: matrixJson(p.W2), b2: vectorJson(p.b2) }
}

/** The step as `npm run step -- --json` prints it and the Step pane exports it (issue #9 §5: these key names exactly). */
export function stepJson(trace: StepTrace, settings: object, batchIndices: ArrayLike<number>): StepRecord {
  const act = trace.activation === 'relu' ? 'Relu1' : 'Sigmoid1'
  const f = trace.forward
  const b = trace.backward
  return {
    settings,
    batchIndices: Array.from(batchIndices),
    x: trace.x.toArrays(),
    t: Array.from(trace.t),
    params: paramsJson(trace.params),
    forward: [
      { layer: 'Affine1', out: matrixJson(f.affine1), code: BOOK_LINES.Affine1 },
      { layer: act, ...(f.mask ? { mask: { shape: [f.hidden.rows, f.hidden.cols], values: Array.from(f.mask, (m) => m === 1) } } : {}), out: matrixJson(f.hidden), code: BOOK_LINES[act] },
      { layer: 'Affine2', out: matrixJson(f.affine2), code: BOOK_LINES.Affine2 },
      { layer: 'SoftmaxWithLoss', y: matrixJson(f.y), loss: f.loss, code: BOOK_LINES.SoftmaxWithLoss },
    ],
    backward: [
      { layer: 'SoftmaxWithLoss', dx: matrixJson(b.softmax), code: BOOK_LINES.backSoftmaxWithLoss },
      { layer: 'Affine2', dx: matrixJson(b.affine2.dx), dW: matrixJson(b.affine2.dW), db: vectorJson(b.affine2.db), code: BOOK_LINES.backAffine2 },
      { layer: act, dx: matrixJson(b.hidden), code: BOOK_LINES[`back${act}`] },
      { layer: 'Affine1', dx: matrixJson(b.affine1.dx), dW: matrixJson(b.affine1.dW), db: vectorJson(b.affine1.db), code: BOOK_LINES.backAffine1 },
    ],
    grads: paramsJson(trace.grads),
    lossBefore: trace.lossBefore,
    lossAfter: trace.lossAfter,
    learningRate: trace.learningRate,
  }
}

/** max |·| and mean |·| of a gradient: how big it is. */
export function gradientSize(values: ArrayLike<number>): { maxAbs: number; meanAbs: number } {
  let max = 0
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    const a = Math.abs(v)
    if (a > max) max = a
    sum += a
  }
  return { maxAbs: max, meanAbs: sum / values.length }
}

/**
 * The first iteration of the run `npm run train` would make with these settings: the same seeded weights
 * (W1 then W2 from the run's RNG) and the same first mini-batch (the next draw of that RNG).
 */
export function firstStepOfRun(train: DigitSet, settings: TrainSettings): { trace: StepTrace; batchIndices: Int32Array } {
  const rng = new Random(settings.seed)
  const params = initParams(PIXELS, settings.hiddenSize, CLASSES, settings.weightInitStd, rng)
  const batchIndices = rng.choice(train.count, settings.batchSize) // batch_mask = np.random.choice(train_size, batch_size)
  const trace = traceStep(params, settings.activation, gatherImages(train, batchIndices), gatherLabels(train, batchIndices), settings.learningRate)
  return { trace, batchIndices }
}
