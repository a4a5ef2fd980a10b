import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CLASSES, PIXELS } from '../data/digits'
import { Random } from '../net/random'
import { train } from '../net/train'
import { initParams } from '../net/two-layer-net'
import { BOOK_SETTINGS } from '../session/validate'
import { createFastBackend } from '../fast'
import { loadDefaultSplit } from './default-data'

describe('the book\'s full run on the default digits (5.7.4: 784-50-10, batch 100, lr 0.1, 10,000 iterations)', () => {
  it('reaches test accuracy ≥ 0.92 on the fast path (numpy reaches ~0.93 on these 10,000 digits)', { timeout: 5 * 60_000 }, async () => {
    const { split } = await loadDefaultSplit()
    const rng = new Random(BOOK_SETTINGS.seed)
    const params = initParams(PIXELS, BOOK_SETTINGS.hiddenSize, CLASSES, BOOK_SETTINGS.weightInitStd, rng)
    const run = train(await createFastBackend(params, BOOK_SETTINGS.activation), split, BOOK_SETTINGS, rng)
    let result = run.next()
    while (!result.done) result = run.next()
    assert.ok(result.value.testAccuracy >= 0.92, `test accuracy ${result.value.testAccuracy}`)
  })
})
