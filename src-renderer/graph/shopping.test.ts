import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { formatNumber, formatSmall } from './format-number'
import { BOOK_APPLE, BOOK_APPLE_ORANGE, buyApple, buyAppleOrange } from './shopping'

describe('buy apples (5.4.1), as the graph pane shows it', () => {
  const r = buyApple(BOOK_APPLE)
  it('forward gives price 220', () => assert.equal(formatNumber(r.price), '220'))
  it('backward gives dApple 2.2, dAppleNum 110, dTax 200', () => {
    assert.deepEqual([r.dApple, r.dAppleNum, r.dTax].map(formatNumber), ['2.2', '110', '200'])
  })
})

describe('buy apples and oranges (5.4.2), as the graph pane shows it', () => {
  const r = buyAppleOrange(BOOK_APPLE_ORANGE)
  it('forward gives price 715', () => assert.equal(formatNumber(r.price), '715'))
  it('backward gives dAppleNum 110, dApple 2.2, dOrange 3.3, dOrangeNum 165, dTax 650', () => {
    assert.deepEqual([r.dAppleNum, r.dApple, r.dOrange, r.dOrangeNum, r.dTax].map(formatNumber), ['110', '2.2', '3.3', '165', '650'])
  })
  it('edited inputs flow through: 3 oranges at 200 make the add node 800 and the price 880', () => {
    const e = buyAppleOrange({ ...BOOK_APPLE_ORANGE, orange: 200 })
    assert.equal(formatNumber(e.allPrice), '800')
    assert.equal(formatNumber(e.price), '880')
  })
})

describe('number formatting without float artefacts', () => {
  it('hides float64 noise in the last digits (3.3000000000000003 → 3.3, 715.0000000000001 → 715)', () => {
    assert.equal(formatNumber(1.1 * 3), '3.3')
    assert.equal(formatNumber(650 * 1.1), '715')
    assert.equal(formatNumber(0.1 + 0.2), '0.3')
  })
  it('keeps real precision, signs and large values', () => {
    assert.equal(formatNumber(2.25), '2.25')
    assert.equal(formatNumber(-1.5), '-1.5')
    assert.equal(formatNumber(123456789), '123456789')
    assert.equal(formatNumber(-0), '0')
  })
  it('shows a non-finite value as a dash instead of NaN', () => assert.equal(formatNumber(Number.NaN), '—'))
  it('prints gradient differences like the book (2.38e-13)', () => {
    assert.equal(formatSmall(2.37758035282e-13), '2.38e-13')
    assert.equal(formatSmall(0), '0')
  })
})
