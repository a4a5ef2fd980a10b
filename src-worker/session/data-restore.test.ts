import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { DatasetInfo, LabEvent } from '../protocol'
import { DataRestore, type LoadIdxCommand } from './data-restore'

const bytes = (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]) })
const loadIdx = (tag: string): LoadIdxCommand => ({
  type: 'loadIdx',
  files: { trainImages: bytes(`${tag}-train-images`), trainLabels: bytes('l'), testImages: bytes('ti'), testLabels: bytes('tl') },
})
const info = (kind: DatasetInfo['kind'], name: string): DatasetInfo => ({ kind, name, trainSize: 3, testSize: 1, expectedTestAccuracy: 0.9 })
const loaded = (kind: DatasetInfo['kind'], name: string = kind): LabEvent => ({ type: 'datasetLoaded', dataset: info(kind, name) })
const refused: LabEvent = { type: 'rejected', command: 'loadIdx', message: 'wrong magic number' }

describe('data to restore after a worker crash', () => {
  it('is the loadIdx whose datasetLoaded came back, matched in order past a refused one', () => {
    const data = new DataRestore()
    const [a, b, c] = [loadIdx('a'), loadIdx('b'), loadIdx('c')]
    for (const command of [a, b, c]) data.sent(command)
    data.observe(loaded('idx', 'A'))
    data.observe(refused)
    assert.equal(data.restoreCommand, a, 'b was refused: a stays')
    data.observe(loaded('idx', 'C'))
    assert.equal(data.restoreCommand, c)
  })

  it('is nothing when the default digits were loaded last, even if that answer came after a later loadIdx', () => {
    const data = new DataRestore()
    data.sent({ type: 'useDefaultData' })
    data.sent(loadIdx('a'))
    data.observe(loaded('idx')) // the worker answers loadIdx at once, useDefaultData after reading its asset
    data.observe(loaded('default'))
    assert.equal(data.restoreCommand, undefined)
    assert.equal(data.workerLost('with your next command'), '')
  })

  it('survives one crash with a promise to reload it, and is dropped when the worker dies before taking it back', () => {
    const data = new DataRestore()
    const a = loadIdx('a')
    data.sent(a)
    data.observe(loaded('idx', 'MNIST IDX files (60,000 train / 10,000 test)'))
    assert.match(data.workerLost('with your next command'), /IDX data you loaded \(MNIST IDX files \(60,000 train \/ 10,000 test\)\) will be loaded again/)
    data.sent(data.restoreCommand!, true)
    assert.match(data.workerLost('with your next command'), /could not be restored, so the lab is back on the default digits/)
    assert.equal(data.restoreCommand, undefined)
  })

  it('keeps the data once the new worker took it back, and drops it when the new worker refuses it', () => {
    const data = new DataRestore()
    const a = loadIdx('a')
    data.sent(a)
    data.observe(loaded('idx'))
    data.workerLost('with your next command')
    data.sent(a, true)
    data.observe(loaded('idx'))
    assert.match(data.workerLost('with your next command'), /will be loaded again/, 'taken back: a later crash restores it again')
    data.sent(a, true)
    data.observe(refused)
    assert.equal(data.restoreCommand, undefined)
  })
})
