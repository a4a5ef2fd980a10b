import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseIdxFiles } from '../data/idx'
import { goodIdxFiles } from '../data/idx-fixtures'
import { datasetInfoFor } from './downloaded-dataset-info'
import { FASHION_LABELS } from '../datasets'

describe('the DatasetInfo of downloaded IDX files', () => {
  const split = parseIdxFiles(goodIdxFiles(true))
  it('a folder of the user\'s keeps the IDX naming and MNIST\'s 0.97', () => {
    const info = datasetInfoFor(split)
    assert.equal(info.source, undefined)
    assert.equal(info.expectedTestAccuracy, 0.97)
  })
  it('downloaded MNIST is named so and keeps 0.97', () => {
    const info = datasetInfoFor(split, 'mnist')
    assert.deepEqual([info.name, info.source, info.expectedTestAccuracy, info.labelNames], ['MNIST, downloaded (12 train / 5 test)', 'mnist', 0.97, undefined])
  })
  it('Fashion-MNIST carries its ten class names and no expectation (0), never MNIST\'s 0.97', () => {
    const info = datasetInfoFor(split, 'fashion')
    assert.equal(info.name, 'Fashion-MNIST, downloaded (12 train / 5 test)')
    assert.deepEqual(info.labelNames, [...FASHION_LABELS])
    assert.equal(info.labelNames?.length, 10)
    assert.equal(info.expectedTestAccuracy, 0)
  })
})
