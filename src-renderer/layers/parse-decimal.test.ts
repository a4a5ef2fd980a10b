import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDecimal } from './parse-decimal'

describe('a Layers demo field', () => {
  it('reads decimal numbers, with exponent, sign, or the typographic minus', () => {
    for (const [text, value] of [['1.0', 1], ['-0.5', -0.5], ['.5', 0.5], ['3.', 3], [' 1e-3 ', 0.001], ['+2', 2], ['−2', -2]] as const) {
      assert.deepEqual(parseDecimal(text), { ok: true, value }, text)
    }
  })

  it('refuses text that is not a decimal number: abc, 0x10, 1,5, 2 3', () => {
    for (const text of ['abc', '0x10', '1,5', '2 3', '1e', '--1']) assert.deepEqual(parseDecimal(text), { ok: false, problem: 'notDecimal' }, text)
  })

  it('refuses NaN, Infinity and a decimal beyond float64 as not finite', () => {
    for (const text of ['NaN', 'Infinity', '-inf', '1e999']) assert.deepEqual(parseDecimal(text), { ok: false, problem: 'notFinite' }, text)
  })

  it('says an empty field is empty', () => {
    assert.deepEqual(parseDecimal('  '), { ok: false, problem: 'empty' })
  })
})
