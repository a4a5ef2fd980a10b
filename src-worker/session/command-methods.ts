// The LabApi methods that are exactly one worker command each, over any `send`. Shared by the desktop
// preload (send = IPC to main) and the browser edition (send = postMessage to the Web Worker).
import type { LabApi, RendererCommand } from '../protocol'

export type CommandMethods = Pick<
  LabApi,
  'start' | 'pause' | 'resume' | 'stop' | 'predict' | 'checkGradient' | 'sampleTest' | 'inspect' | 'useDefaultData' | 'evaluateDigits' | 'traceStep' | 'applyStep' | 'resetWeights' | 'setLearningRate'
>

export function commandMethods(send: (command: RendererCommand) => void): CommandMethods {
  return {
    start: (settings, extraTrain) => send(extraTrain ? { type: 'start', settings, extraTrain } : { type: 'start', settings }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    predict: (requestId, pixels) => send({ type: 'predict', requestId, pixels }),
    checkGradient: (activation) => send({ type: 'checkGradient', activation }),
    sampleTest: (index) => send(index === undefined ? { type: 'sampleTest' } : { type: 'sampleTest', index }),
    inspect: () => send({ type: 'inspect' }),
    useDefaultData: () => send({ type: 'useDefaultData' }),
    evaluateDigits: (requestId, digits) => send({ type: 'evaluateDigits', requestId, digits }),
    traceStep: (requestId, source, learningRate) => send({ type: 'traceStep', requestId, source, learningRate }),
    applyStep: (requestId) => send({ type: 'applyStep', requestId }),
    resetWeights: (settings) => send({ type: 'resetWeights', settings }),
    setLearningRate: (learningRate) => send({ type: 'setLearningRate', learningRate }),
  }
}
