import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Activation, LabApi, LabEvent } from '../../src-worker/protocol'
import { GradientCheckStore, IDLE, reduceGradientCheck } from './gradient-check-state'

const map = (rows: number, cols: number) => ({ rows, cols, values: new Float64Array(rows * cols) })
function checked(activation: Activation): Extract<LabEvent, { type: 'gradientChecked' }> {
  return {
    type: 'gradientChecked',
    activation,
    diffs: { W1: 1e-13, b1: 1e-12, W2: 1e-12, b2: 1e-10 },
    maps: { W1: map(784, 50), b1: map(1, 50), W2: map(50, 10), b2: map(1, 10) },
    largest: { parameter: 'b2', row: 0, col: 3, numerical: 0.1, backprop: 0.1, diff: 2e-10, kink: null },
    seconds: 6,
    numericalSeconds: 6,
    backpropSeconds: 2e-4,
  }
}

/** a LabApi that records checkGradient calls and lets the test emit events */
function fakeLab() {
  const sent: Activation[] = []
  let listener: (event: LabEvent) => void = () => undefined
  const lab = {
    checkGradient: (activation: Activation) => sent.push(activation),
    onEvent: (l: (event: LabEvent) => void) => ((listener = l), () => undefined),
  } as unknown as LabApi
  return { lab, sent, emit: (event: LabEvent) => listener(event) }
}

describe('the Gradient pane’s state (5.7.3, #12 item 7)', () => {
  it('a Sigmoid check started after a ReLU one shows no verdict until Sigmoid’s arrives', () => {
    let state = reduceGradientCheck(IDLE, checked('relu'))
    assert.equal(state.result?.activation, 'relu')
    state = reduceGradientCheck(state, { type: 'requested', activation: 'sigmoid' })
    assert.equal(state.result, null)
    state = reduceGradientCheck(state, { type: 'gradientProgress', activation: 'sigmoid', done: 20_000, total: 39_760 })
    assert.deepEqual([state.result, state.running], [null, { activation: 'sigmoid', done: 20_000, total: 39_760 }])
    state = reduceGradientCheck(state, checked('sigmoid'))
    assert.deepEqual([state.result?.activation, state.running], ['sigmoid', null])
  })

  it('a refused check ends running with the worker’s message and gives back the previous result', () => {
    let state = reduceGradientCheck(IDLE, checked('relu'))
    state = reduceGradientCheck(state, { type: 'requested', activation: 'sigmoid' })
    state = reduceGradientCheck(state, { type: 'rejected', command: 'checkGradient', message: 'the gradient check takes seconds; pause or stop the run first' })
    assert.deepEqual([state.running, state.result?.activation, state.problem?.kind], [null, 'relu', 'rejected'])
  })

  it('a worker failure during a check ends it with the reason; a failure between checks changes nothing', () => {
    const idle = reduceGradientCheck(IDLE, { type: 'failed', reason: 'training diverged' })
    assert.equal(idle, IDLE)
    let state = reduceGradientCheck(IDLE, { type: 'requested', activation: 'relu' })
    state = reduceGradientCheck(state, { type: 'failed', reason: 'the training worker crashed' })
    assert.deepEqual([state.running, state.problem], [null, { kind: 'failed', reason: 'the training worker crashed' }])
  })

  it('ignores other commands’ refusals and progress that goes backwards', () => {
    let state = reduceGradientCheck(IDLE, { type: 'requested', activation: 'relu' })
    state = reduceGradientCheck(state, { type: 'gradientProgress', activation: 'relu', done: 500, total: 1000 })
    assert.equal(reduceGradientCheck(state, { type: 'rejected', command: 'start', message: 'x' }), state)
    assert.equal(reduceGradientCheck(state, { type: 'gradientProgress', activation: 'relu', done: 100, total: 1000 }), state)
  })

  it('the store sends one command for a double click, and another once the first has finished', () => {
    const { lab, sent, emit } = fakeLab()
    const store = new GradientCheckStore(lab)
    assert.deepEqual([store.request('relu'), store.request('relu')], [true, false])
    assert.deepEqual(sent, ['relu'])
    emit(checked('relu'))
    assert.equal(store.request('sigmoid'), true)
    assert.deepEqual(sent, ['relu', 'sigmoid'])
  })
})
