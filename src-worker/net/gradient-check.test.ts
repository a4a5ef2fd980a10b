import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PARAM_NAMES } from './backend'
import { bookGradientCheck } from './gradient-check'
import { loadDefaultSplit } from '../node/default-data'

describe('gradient check on the book\'s setup (5.7.3): 784-50-10, std 0.01, first 3 training digits', () => {
  it('every mean |backprop − numerical| is ≤ 1e-9 on the default digits (book: 2e-13 … 1.2e-10)', async () => {
    const { split } = await loadDefaultSplit()
    const diffs = bookGradientCheck(split)
    for (const key of PARAM_NAMES) assert.ok(diffs[key] <= 1e-9, `${key} = ${diffs[key]}`)
    assert.ok(diffs.b2 > 0, 'the check compares two different computations, so it is not exactly 0')
  })
})
