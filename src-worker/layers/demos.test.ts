import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  BOOK_AFFINE,
  BOOK_RELU_DOUT,
  BOOK_RELU_X,
  BOOK_SOFTMAX_CASES,
  affineDemo,
  checkProbabilities,
  reluDemo,
  scoresFor,
  sigmoidDemo,
  softmaxDemo,
} from './demos'

const close = (actual: readonly number[], expected: readonly number[], tolerance: number, what: string) => {
  assert.equal(actual.length, expected.length, what)
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${what}[${i}]: ${v} vs ${expected[i]}`))
}

describe('the ReLU demo (5.5.1)', () => {
  it('the seed\'s x = [[1.0, −0.5], [−2.0, 3.0]] has mask [[False, True], [True, False]]', () => {
    assert.deepEqual(reluDemo(BOOK_RELU_X, BOOK_RELU_DOUT).mask, [[false, true], [true, false]])
  })

  it('forward gives [[1, 0], [0, 3]] and backward blocks dout where the mask is True', () => {
    const { out, dx } = reluDemo(BOOK_RELU_X, [[5, 6], [7, 8]])
    assert.deepEqual(out, [[1, 0], [0, 3]])
    assert.deepEqual(dx, [[5, 0], [0, 8]])
  })

  it('an edited dout still comes back 0 at every masked entry', () => {
    const { dx } = reluDemo(BOOK_RELU_X, [[-1.5, 1e6], [-3, 0.25]])
    assert.deepEqual(dx, [[-1.5, 0], [0, 0.25]])
  })
})

describe('the Sigmoid demo (5.5.2)', () => {
  it('dout·y²·exp(−x) of the four-node graph equals dout·y(1 − y) of the Sigmoid layer within 1e-12', () => {
    for (const [x, dout] of [[0, 1], [1.5, -2], [-3, 0.7], [8, 10]] as const) {
      const { fourStep, simplified } = sigmoidDemo(x, dout)
      assert.ok(Math.abs(fourStep - simplified) < 1e-12, `x ${x}, dout ${dout}: ${fourStep} vs ${simplified}`)
    }
  })

  it('its nodes, in backward order, have the local derivatives −y², 1, exp(−x), −1', () => {
    const x = 0.5
    const { nodes, y } = sigmoidDemo(x, 1)
    assert.deepEqual(nodes.map((n) => n.op), ['/', '+', 'exp', '×'])
    close(nodes.map((n) => n.local), [-(y * y), 1, Math.exp(-x), -1], 1e-15, 'local')
    close(nodes.map((n) => n.forward), [y, 1 + Math.exp(-x), Math.exp(-x), -x], 1e-15, 'forward')
  })

  it('each node sends downstream its dout times its local derivative; at x = 0, dout = 1 the end is 0.25', () => {
    const { nodes, fourStep, y } = sigmoidDemo(0, 1)
    for (const n of nodes) assert.ok(Math.abs(n.downstream - n.dout * n.local) < 1e-15, n.op)
    assert.equal(y, 0.5)
    assert.ok(Math.abs(fourStep - 0.25) < 1e-15)
  })
})

describe('the Affine demo (5.6.1–5.6.2)', () => {
  const { X, W, B, dY } = BOOK_AFFINE
  const r = affineDemo(X, W, B, dY)

  it('X·W is the seed\'s [[0,0,0],[10,10,10]] and X·W + B is [[1,2,3],[11,12,13]]', () => {
    assert.deepEqual(r.XW, [[0, 0, 0], [10, 10, 10]])
    assert.deepEqual(r.Y, [[1, 2, 3], [11, 12, 13]])
  })

  it('dY = [[1,2,3],[4,5,6]] gives dB = [5, 7, 9]', () => {
    assert.deepEqual(r.dB, [5, 7, 9])
  })

  it('dX = dY·Wᵀ has X\'s shape (N,2) and dW = Xᵀ·dY has W\'s shape (2,3)', () => {
    assert.deepEqual(r.dX, [[6, 6], [15, 15]])
    assert.deepEqual(r.dW, [[20, 25, 30], [20, 25, 30]])
  })
})

describe('the Softmax-with-Loss demo (5.6.3)', () => {
  it('the seed\'s y = (0.3, 0.2, 0.5) with t = (0, 1, 0) sends back (0.3, −0.8, 0.5)', () => {
    const [first] = BOOK_SOFTMAX_CASES
    const { y, dx } = softmaxDemo(scoresFor(first.y), first.label)
    close(y, [0.3, 0.2, 0.5], 1e-15, 'y')
    close(dx, [0.3, -0.8, 0.5], 1e-15, 'dx')
  })

  it('the seed\'s y = (0.01, 0.99, 0) with t = (0, 1, 0) sends back (0.01, −0.01, 0)', () => {
    const [, second] = BOOK_SOFTMAX_CASES
    const { dx, loss } = softmaxDemo(scoresFor(second.y), second.label)
    close(dx, [0.01, -0.01, 0], 1e-15, 'dx')
    assert.ok(Math.abs(loss + Math.log(0.99)) < 1e-15)
  })

  it('y = 0 on the true class: the engine\'s exact loss is ∞, the book\'s log(y + 1e-7) gives −log 1e-7 ≈ 16.12', () => {
    const { loss, bookLoss, dx } = softmaxDemo(scoresFor([0.01, 0.99, 0]), 2)
    assert.equal(loss, Infinity)
    assert.ok(Math.abs(bookLoss - 16.11809565095832) < 1e-12)
    close(dx, [0.01, 0.99, -1], 1e-15, 'dx')
  })

  it('scores (0.3, 2.9, 4.0) give y summing to 1 and dx = y − t with N = 1', () => {
    const { y, dx } = softmaxDemo([0.3, 2.9, 4.0], 0)
    assert.ok(Math.abs(y.reduce((a, b) => a + b) - 1) < 1e-15)
    close(dx, [y[0]! - 1, y[1]!, y[2]!], 0, 'dx')
  })

  it('y entered by hand must be non-negative and sum to 1 within 1e-6', () => {
    assert.equal(checkProbabilities([0.3, 0.2, 0.5]), null)
    assert.equal(checkProbabilities([0.3, 0.2, 0.5 + 5e-7]), null)
    assert.deepEqual(checkProbabilities([0.3, -0.2, 0.9]), { kind: 'negative', index: 1 })
    const off = checkProbabilities([0.3, 0.2, 0.4])
    assert.equal(off?.kind, 'sum')
    assert.ok(off?.kind === 'sum' && Math.abs(off.sum - 0.9) < 1e-15)
  })
})
