import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { learnedNothing } from './run-diagnosis'

const run = (learningRate: number, testAccuracy: number, finalLoss = 2.3, iterations = 10_000) => ({
  settings: { ...BOOK_SETTINGS, learningRate, iterations },
  summary: { iterations, seed: 1, finalLoss, trainAccuracy: testAccuracy, testAccuracy, msPerIteration: 1, totalSeconds: 1 },
})

describe('learned nothing (test accuracy at chance, 0.1)', () => {
  it('does not flag a run that learned', () => assert.equal(learnedNothing(run(0.1, 0.93)), null))
  it('blames divergence when a loss blew up or is not a number', () => {
    assert.equal(learnedNothing(run(0.1, 0.098, 3e7)), 'diverged')
    assert.equal(learnedNothing(run(0.1, 0.098), [2.3, Number.NaN, 2.3]), 'diverged')
  })
  it('blames a learning rate too high or too low, else a run too short', () => {
    assert.equal(learnedNothing(run(5, 0.1)), 'lrTooHigh')
    assert.equal(learnedNothing(run(0.0001, 0.11)), 'lrTooLow')
    assert.equal(learnedNothing(run(0.1, 0.1, 2.3, 100)), 'tooShort')
    assert.equal(learnedNothing(run(0.1, 0.1)), 'unknown')
  })
})
