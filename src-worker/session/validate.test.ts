import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BOOK_SETTINGS, LabInputError, parseTrainSettings, WEIGHT_INIT_STD_MIN } from './validate'
import { initParams } from '../net/two-layer-net'
import { Random } from '../net/random'

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
    ['weightInitStd', -0.01, 'weightInitStd must be a finite number in [1.2e-38, 10], got -0.01'],
    ['weightInitStd', 0, 'weightInitStd must be a finite number in [1.2e-38, 10], got 0'],
    ['weightInitStd', 10.5, 'weightInitStd must be a finite number in [1.2e-38, 10], got 10.5'],
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

describe('weightInitStd and float32 (issue 13): the network keeps its weights in float32', () => {
  const f32 = (std: number) => {
    const p = initParams(784, 50, 10, std, new Random(42))
    return [...Float32Array.from(p.W1.data), ...Float32Array.from(p.W2.data)]
  }
  const SMALLEST_NORMAL = 2 ** -126

  it('the reason: 1e-320 makes every float32 weight 0, and 1e-40 leaves them subnormal (fewer than 24 bits)', () => {
    assert.ok(f32(1e-320).every((w) => w === 0))
    assert.ok(f32(1e-40).every((w) => Math.abs(w) < SMALLEST_NORMAL))
  })

  it('refuses an std below float32’s smallest normal number, saying why, in every caller’s words', () => {
    for (const std of [1e-320, 1e-39, 1.1e-38]) {
      assert.throws(() => parseTrainSettings(withField('weightInitStd', std), 'start: '), (error: unknown) => {
        assert.ok(error instanceof LabInputError)
        assert.match(error.message, new RegExp(`^start: weightInitStd ${std} is below 1\\.2e-38, float32’s smallest normal number \\(2\\^-126 ≈ 1\\.18e-38\\)`))
        assert.match(error.message, /the network keeps its weights in float32/)
        return true
      })
    }
  })

  it('accepts the bound itself: a one-sigma weight there is a normal float32', () => {
    assert.equal(parseTrainSettings(withField('weightInitStd', WEIGHT_INIT_STD_MIN)).weightInitStd, WEIGHT_INIT_STD_MIN)
    assert.ok(Math.fround(WEIGHT_INIT_STD_MIN) >= SMALLEST_NORMAL)
    assert.ok(WEIGHT_INIT_STD_MIN / 2 < SMALLEST_NORMAL, 'the bound is not needlessly high')
  })

  it('the upper end, 10, keeps every weight finite in float32 (|randn| stays below ~8.6)', () => {
    const weights = f32(10)
    assert.ok(weights.every((w) => Number.isFinite(w) && Math.abs(w) < 100))
    assert.equal(parseTrainSettings(withField('weightInitStd', 10)).weightInitStd, 10)
  })
})
