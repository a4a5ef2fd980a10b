// 5.5–5.6 the Layers pane's demos: the seed's examples run through the engine's own layer classes, shaped
// as plain arrays for the renderer to draw. Nothing here re-derives a layer's math.
import { Matrix } from '../math/matrix'
import { dot } from '../math/ops'
import { Affine } from './affine'
import { Relu } from './relu'
import { Sigmoid } from './sigmoid'
import { sigmoidGraph } from './sigmoid-graph'
import { SoftmaxWithLoss } from './softmax-with-loss'

/** 5.5.1 the seed's ReLU input, In [19] */
export const BOOK_RELU_X = [[1.0, -0.5], [-2.0, 3.0]]
/** an upstream gradient to send back through it (the seed has none; any 2×2 will do) */
export const BOOK_RELU_DOUT = [[5, 6], [7, 8]]

/** Relu forward on x, then backward of dout: the mask (true = x ≤ 0, blocked), out and dx. */
export function reluDemo(x: number[][], dout: number[][]) {
  const relu = new Relu()
  const out = relu.forward(Matrix.from(x))
  const dx = relu.backward(Matrix.from(dout))
  const cols = out.cols
  const mask = x.map((row, i) => row.map((_, j) => relu.mask![i * cols + j] === 1))
  return { mask, out: out.toArrays(), dx: dx.toArrays() }
}

/**
 * 5.5.2 the four-node sigmoid graph at x, backward from dout: each node's forward output, its local
 * derivative (−y², 1, exp(−x), −1 in backward order) and what it sends downstream; then the simplified
 * Sigmoid layer's dout·y(1 − y) for the same x and dout.
 */
export function sigmoidDemo(x: number, dout: number) {
  const g = sigmoidGraph(x, dout)
  const layer = new Sigmoid()
  const y = layer.forward(Matrix.from([[x]])).get(0, 0)
  const simplified = layer.backward(Matrix.from([[dout]])).get(0, 0)
  // backward order, as the seed's steps 1–4 take them
  const nodes = [
    { op: '/', forward: g.y, local: -(g.y * g.y), dout, downstream: g.dOnePlus },
    { op: '+', forward: g.onePlus, local: 1, dout: g.dOnePlus, downstream: g.dExpNegX },
    { op: 'exp', forward: g.expNegX, local: g.expNegX, dout: g.dExpNegX, downstream: g.dNegX },
    { op: '×', forward: g.negX, local: -1, dout: g.dNegX, downstream: g.dx },
  ] as const
  return { graph: g, nodes, y, fourStep: g.dx, simplified }
}

/**
 * 5.6.1–5.6.2 the seed's bias example as one batch Affine: X·W = [[0,0,0],[10,10,10]] (X and W chosen to
 * give the seed's X_dot_W, In [27]), B = [1, 2, 3] (In [26]), and dY = [[1,2,3],[4,5,6]] (In [30]).
 */
export const BOOK_AFFINE = {
  X: [[0, 0], [5, 5]],
  W: [[1, 1, 1], [1, 1, 1]],
  B: [1, 2, 3],
  dY: [[1, 2, 3], [4, 5, 6]],
}

/** Affine forward (Y = X·W + B) and backward of dY: dX = dY·Wᵀ, dW = Xᵀ·dY, dB = Σ over axis 0. */
export function affineDemo(X: number[][], W: number[][], B: number[], dY: number[][]) {
  const affine = new Affine(Matrix.from(W), Matrix.from([B]))
  const x = Matrix.from(X)
  const Y = affine.forward(x)
  const dX = affine.backward(Matrix.from(dY))
  return {
    XW: dot(x, affine.W).toArrays(),
    Y: Y.toArrays(),
    dX: dX.toArrays(),
    dW: affine.dW!.toArrays(),
    dB: affine.db!.toArrays()[0]!,
  }
}

/** 5.6.3 the seed's two Softmax outputs, both with the correct label t = (0, 1, 0) */
export const BOOK_SOFTMAX_CASES = [
  { y: [0.3, 0.2, 0.5], label: 1 },
  { y: [0.01, 0.99, 0], label: 1 },
] as const

/** how far Σ y may be from 1 for y entered by hand */
export const Y_SUM_TOLERANCE = 1e-6
/** the book's cross_entropy_error guard: np.log(y + delta) */
export const BOOK_DELTA = 1e-7

/** Why y entered by hand is not a softmax output: an entry below 0, or a sum off 1 by more than the tolerance. */
export type ProbabilityProblem = { kind: 'negative'; index: number } | { kind: 'sum'; sum: number } | null

export function checkProbabilities(y: readonly number[]): ProbabilityProblem {
  const index = y.findIndex((v) => v < 0)
  if (index >= 0) return { kind: 'negative', index }
  const sum = y.reduce((a, b) => a + b, 0)
  return Math.abs(sum - 1) > Y_SUM_TOLERANCE ? { kind: 'sum', sum } : null
}

/**
 * SoftmaxWithLoss on one row of scores with label t (N = 1, so backward's (y − t)/N is y − t): y, the
 * engine's loss (exact log-softmax), the book's −log(y[t] + 1e-7) beside it, and dx.
 */
export function softmaxDemo(scores: readonly number[], label: number) {
  const layer = new SoftmaxWithLoss()
  const loss = layer.forward(Matrix.from([[...scores]]), Uint8Array.of(label))
  const y = layer.y!.toArrays()[0]!
  const dx = layer.backward().toArrays()[0]!
  return { y, loss, bookLoss: -Math.log(y[label]! + BOOK_DELTA), dx }
}

/**
 * Scores that softmax maps to the given y: log y (any constant may be added). A 0 becomes −∞, which the
 * engine's softmax turns back into exactly 0 and its log-softmax into a loss of ∞ on the true class.
 */
export function scoresFor(y: readonly number[]): number[] {
  return y.map((v) => Math.log(v))
}
