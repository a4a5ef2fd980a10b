import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { errorDetail } from './error-detail'

describe('a failed call’s message for the user', () => {
  it('drops Electron’s IPC wrapper and the error class it names', () => {
    const wrapped = new Error("Error invoking remote method 'lab:saveModel': LabInputError: model file m.json could not be saved: permission denied")
    assert.equal(errorDetail(wrapped), 'model file m.json could not be saved: permission denied')
  })
  it('keeps any other message as it is', () => {
    assert.equal(errorDetail(new Error('disk full')), 'disk full')
    assert.equal(errorDetail('plain'), 'plain')
  })
})
