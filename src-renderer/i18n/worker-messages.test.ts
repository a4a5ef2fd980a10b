import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { en } from './en'
import { ko } from './ko'
import { refusalText } from './worker-messages'

describe("the worker's messages in the user's words", () => {
  it('names the form label, not the code name, and says what could not be done', () => {
    const text = refusalText(en, 'start', 'start: hiddenSize must be an integer in [1, 1024], got 2000')
    assert.equal(text, 'Could not start training: Hidden size must be a whole number from 1 to 1024, got 2000.')
    assert.doesNotMatch(text, /hiddenSize|refused/)
  })

  it('drops the refused command’s own prefix, and only that one: any other is part of the reason', () => {
    assert.equal(refusalText(en, 'traceStep', 'traceStep: test digit 99 does not exist; the test set has 50'), 'Could not compute the step: test digit 99 does not exist; the test set has 50')
    assert.match(refusalText(en, 'predict', 'start: something odd'), /^Could not .*: start: something odd/)
  })

  it('says it in Korean too', () => {
    const text = refusalText(ko, 'setLearningRate', 'setLearningRate: learningRate must be a finite number in (0, 10], got 0')
    assert.equal(text, '학습률을 바꿀 수 없습니다: 학습률: 0 초과 10 이하의 수여야 하는데 0입니다.')
  })

  it('words known refusals from the catalogue', () => {
    assert.equal(refusalText(en, 'exportModel', 'there is no trained model to save yet: train or load one first'), 'Could not save the model: there is no trained model to save yet: train or load one first.')
    assert.equal(refusalText(ko, 'start', 'a run is already in progress; stop it before starting another'), '학습을 시작할 수 없습니다: 이미 학습 중입니다. 먼저 중지하세요.')
  })

  it('keeps the file name of a bad model file and drops the internal command name', () => {
    const text = refusalText(en, 'importModel', 'old.json: version 3 is not supported')
    assert.equal(text, 'Could not load the model: old.json: version 3 is not supported')
  })

  it('words the float32 floor of the init std with the reason, in both languages', () => {
    const message = 'start: weightInitStd 1e-320 is below 1.2e-38, float32’s smallest normal number (2^-126 ≈ 1.18e-38): the network keeps …'
    assert.match(refusalText(en, 'start', message), /^Could not start training: Init std 1e-320 is too small: the network keeps its weights as float32 numbers, .*1\.2e-38/)
    assert.match(refusalText(ko, 'start', message), /^학습을 시작할 수 없습니다: 초깃값 표준편차 1e-320은\(는\) 너무 작습니다/)
  })
})
