import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BOOK_SETTINGS, LabInputError, parseTrainSettings } from './validate'

const withField = (field: string, value: unknown) => ({ ...BOOK_SETTINGS, [field]: value })

describe('hyperparameter validation: messages name the field, the allowed range and the value', () => {
  it('accepts the book\'s settings (5.7.4) unchanged', () => {
    assert.deepEqual(parseTrainSettings({ ...BOOK_SETTINGS }), BOOK_SETTINGS)
  })

  const cases: [field: string, value: unknown, message: string][] = [
    ['learningRate', NaN, 'learningRate must be a finite number in (0, 10], got NaN'],
    ['learningRate', 0, 'learningRate must be a finite number in (0, 10], got 0'],
    ['learningRate', Infinity, 'learningRate must be a finite number in (0, 10], got Infinity'],
    ['batchSize', 0, 'batchSize must be an integer in [1, 60000], got 0'],
    ['batchSize', 2.5, 'batchSize must be an integer in [1, 60000], got 2.5'],
    ['iterations', 1_000_001, 'iterations must be an integer in [1, 1000000], got 1000001'],
    ['hiddenSize', '50', 'hiddenSize must be an integer in [1, 1024], got "50"'],
    ['weightInitStd', -0.01, 'weightInitStd must be a finite number in (0, 10], got -0.01'],
    ['seed', -1, 'seed must be an integer in [0, 4294967295], got -1'],
    ['activation', 'tanh', 'activation must be "relu" or "sigmoid", got "tanh"'],
  ]
  for (const [field, value, message] of cases) {
    it(`${field} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)} is refused: "${message}"`, () => {
      assert.throws(() => parseTrainSettings(withField(field, value)), (error: unknown) => {
        assert.ok(error instanceof LabInputError)
        assert.equal(error.message, message)
        return true
      })
    })
  }

  it('a missing field is refused as undefined, an unknown one by name', () => {
    const { seed: _seed, ...noSeed } = BOOK_SETTINGS
    assert.throws(() => parseTrainSettings(noSeed), /seed must be an integer in \[0, 4294967295\], got undefined/)
    assert.throws(() => parseTrainSettings({ ...BOOK_SETTINGS, momentum: 0.9 }), /settings has an unknown field "momentum"/)
  })
})
