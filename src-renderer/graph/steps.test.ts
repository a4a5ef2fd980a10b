import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { en } from '../i18n/en'
import { CHAIN_OPS, CHAIN_START, chainRule } from './chain'
import { formatNumber } from './format-number'
import { APPLE_OPS, APPLE_ORANGE_OPS, BOOK_APPLE, buyApple } from './shopping'
import { describeStep, forwardCount, graphSteps, knownValues, type OpNode } from './steps'

const order = (ops: OpNode[]) => graphSteps(ops).map((s) => `${s.phase === 'forward' ? 'F' : 'B'}:${s.node}`)

describe('the step order of a computational graph', () => {
  it("apples and oranges: forward (1)–(4) as the book calls the layers, backward (4)–(1)", () => {
    assert.deepEqual(order(APPLE_ORANGE_OPS), ['F:mulA', 'F:mulO', 'F:add', 'F:mulT', 'B:mulT', 'B:add', 'B:mulO', 'B:mulA'])
    assert.equal(forwardCount(graphSteps(APPLE_ORANGE_OPS)), 4)
  })
  it('apples and the chain rule: left to right, then right to left', () => {
    assert.deepEqual(order(APPLE_OPS), ['F:mul1', 'F:mul2', 'B:mul2', 'B:mul1'])
    assert.deepEqual(order(CHAIN_OPS), ['F:add', 'F:square', 'B:square', 'B:add'])
  })
  it('a node waits for the nodes it reads, whatever order the description lists them in', () => {
    const shuffled = [APPLE_ORANGE_OPS[3]!, APPLE_ORANGE_OPS[2]!, APPLE_ORANGE_OPS[0]!, APPLE_ORANGE_OPS[1]!]
    assert.deepEqual(order(shuffled), ['F:mulA', 'F:mulO', 'F:add', 'F:mulT', 'B:mulT', 'B:add', 'B:mulO', 'B:mulA'])
  })
  it('names each step by its edges, in argument order', () => {
    const [first] = graphSteps(APPLE_OPS)
    assert.deepEqual(first, { phase: 'forward', node: 'mul1', op: 'mul', inputs: ['apple-mul1', 'num-mul1'], output: 'mul1-mul2' })
  })
  it('refuses a cycle', () => {
    assert.throws(() => graphSteps([{ id: 'a', op: 'add', inputs: ['b', 'x'], output: 'b' }, { id: 'b', op: 'add', inputs: ['a', 'y'], output: 'a' }]), /cycle/)
  })
})

describe('the values known after each step', () => {
  const steps = graphSteps(APPLE_OPS)
  const known = (n: number) => {
    const k = knownValues(APPLE_OPS, steps, n)
    return { forward: [...k.forward].sort(), backward: [...k.backward].sort() }
  }
  it('only the inputs at the start', () => {
    assert.deepEqual(known(0), { forward: ['apple-mul1', 'num-mul1', 'tax-mul2'], backward: [] })
  })
  it('each forward step adds its output; the first backward step adds dout = 1 and its inputs', () => {
    assert.deepEqual(known(2).forward, ['apple-mul1', 'mul1-mul2', 'mul2-price', 'num-mul1', 'tax-mul2'])
    assert.deepEqual(known(3).backward, ['mul1-mul2', 'mul2-price', 'tax-mul2'])
    assert.deepEqual(known(4).backward, ['apple-mul1', 'mul1-mul2', 'mul2-price', 'num-mul1', 'tax-mul2'])
  })
})

describe('what each step says', () => {
  it("the apple graph's last backward step: × node, dout · the other input = 1.1 · 100 = 110", () => {
    const r = buyApple(BOOK_APPLE)
    const values = {
      forward: { 'apple-mul1': 100, 'num-mul1': 2, 'mul1-mul2': r.applePrice, 'tax-mul2': 1.1, 'mul2-price': r.price },
      backward: { 'apple-mul1': r.dApple, 'num-mul1': r.dAppleNum, 'mul1-mul2': r.dApplePrice, 'tax-mul2': r.dTax, 'mul2-price': 1 },
    }
    const [f1, , b1, b2] = graphSteps(APPLE_OPS).map((s) => describeStep(s, values, en.graph, formatNumber))
    assert.equal(f1, '× node: x · y = 100 · 2 = 200')
    assert.equal(b1, '× node: dout · the other input = 1 · 1.1 = 1.1, and 1 · 200 = 200')
    assert.equal(b2, '× node: dout · the other input = 1.1 · 2 = 2.2, and 1.1 · 100 = 110')
  })
  it('the chain rule: **2 multiplies dout by 2t, + passes it on, so ∂z/∂x = 2(x + y)', () => {
    const r = chainRule(CHAIN_START)
    assert.deepEqual([r.t, r.z, r.dt, r.dx, r.dy], [3, 9, 6, 6, 6])
    const values = {
      forward: { 'x-add': 1, 'y-add': 2, 'add-square': r.t, 'square-z': r.z },
      backward: { 'x-add': r.dx, 'y-add': r.dy, 'add-square': r.dt, 'square-z': r.dz },
    }
    assert.deepEqual(
      graphSteps(CHAIN_OPS).map((s) => describeStep(s, values, en.graph, formatNumber)),
      ['+ node: x + y = 1 + 2 = 3', '**2 node: t² = 3² = 9', '**2 node: dout · 2t = 1 · 2 · 3 = 6', '+ node: dout · 1 = 6 passes through to both inputs'],
    )
  })
  it('follows edited inputs: x = 1.5, y = -4 gives ∂z/∂x = 2(x + y) = -5', () => {
    const r = chainRule({ x: 1.5, y: -4 })
    assert.equal(r.dx, -5)
    assert.equal(r.dy, -5)
    assert.equal(r.z, 6.25)
  })
  it('writes negative operands in parentheses, so (-2.5)² reads as the square it is', () => {
    const r = chainRule({ x: 1.5, y: -4 })
    const values = {
      forward: { 'x-add': 1.5, 'y-add': -4, 'add-square': r.t, 'square-z': r.z },
      backward: { 'x-add': r.dx, 'y-add': r.dy, 'add-square': r.dt, 'square-z': r.dz },
    }
    assert.deepEqual(
      graphSteps(CHAIN_OPS).map((s) => describeStep(s, values, en.graph, formatNumber)),
      ['+ node: x + y = 1.5 + (-4) = -2.5', '**2 node: t² = (-2.5)² = 6.25', '**2 node: dout · 2t = 1 · 2 · (-2.5) = -5', '+ node: dout · 1 = -5 passes through to both inputs'],
    )
  })
})
