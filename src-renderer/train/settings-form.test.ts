import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { bookText, fieldError, fieldProblem, normaliseNumberText, parseSettingsText } from './settings-form'

describe('Train pane settings (5.7.4 hyperparameters)', () => {
  it('starts from the book: hidden 50, lr 0.1, batch 100, 10,000 iterations, std 0.01, ReLU', () => {
    const parsed = parseSettingsText(bookText())
    assert.ok('settings' in parsed)
    assert.equal(parsed.settings.hiddenSize, 50)
    assert.equal(parsed.settings.learningRate, 0.1)
    assert.equal(parsed.settings.batchSize, 100)
    assert.equal(parsed.settings.iterations, 10_000)
    assert.equal(parsed.settings.weightInitStd, 0.01)
    assert.equal(parsed.settings.activation, 'relu')
  })

  it('names the field, the range and the value for an out-of-range value', () => {
    assert.equal(fieldError('iterations', '0'), 'iterations must be an integer in [1, 1000000], got 0')
  })

  it('names the text that is not a number at all', () => {
    assert.equal(fieldError('learningRate', 'fast'), 'learningRate must be a finite number in (0, 10], got "fast"')
    assert.match(fieldError('batchSize', '  ') ?? '', /batchSize must be an integer .* got nothing/)
  })

  it('reads decimal only: the form values 0x32, 0b101 and 0o17 are refused, not taken as 50, 5 and 15 (#13 §3)', () => {
    assert.equal(fieldError('hiddenSize', '0x32'), 'hiddenSize must be an integer in [1, 1024], got "0x32"')
    assert.equal(fieldError('batchSize', '0b101'), 'batchSize must be an integer in [1, 60000], got "0b101"')
    assert.equal(fieldError('iterations', '0o17'), 'iterations must be an integer in [1, 1000000], got "0o17"')
    assert.equal(fieldError('weightInitStd', '1e-2'), null)
  })

  it('refuses an init std below float32’s smallest normal number, flagged so the form can say why (#13 §3)', () => {
    assert.match(fieldError('weightInitStd', '1e-320') ?? '', /weightInitStd 1e-320 is below 1\.2e-38, float32’s smallest normal number/)
    assert.deepEqual(fieldProblem('weightInitStd', '1e-320'), { empty: false, got: '1e-320', belowFloat32: true })
    assert.deepEqual(fieldProblem('weightInitStd', '0'), { empty: false, got: '0' })
    assert.deepEqual(fieldProblem('weightInitStd', '20'), { empty: false, got: '20' })
    assert.equal(fieldProblem('weightInitStd', '1.2e-38'), null)
  })

  it('refuses a fractional batch size and reports every bad field at once', () => {
    const parsed = parseSettingsText({ ...bookText(), batchSize: '2.5', seed: '-1' })
    assert.ok('errors' in parsed)
    assert.deepEqual(Object.keys(parsed.errors).sort(), ['batchSize', 'seed'])
  })

  it('reads "10,000" as 10000 but leaves other text for the validator', () => {
    assert.equal(normaliseNumberText('10,000'), '10000')
    assert.equal(normaliseNumberText('1,00'), '1,00')
  })
})
