// The LabApi methods that are exactly one worker command each, over any `send`. Shared by the desktop
// preload (send = IPC to main) and the browser edition (send = postMessage to the Web Worker).
import type { LabApi, RendererCommand } from '../protocol'

export type CommandMethods = Pick<
  LabApi,
  'start' | 'pause' | 'resume' | 'stop' | 'predict' | 'checkGradient' | 'sampleTest' | 'inspect' | 'useDefaultData' | 'resetWeights' | 'setLearningRate'
>

export function commandMethods(send: (command: RendererCommand) => void): CommandMethods {
  return {
    start: (settings) => send({ type: 'start', settings }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    predict: (requestId, pixels) => send({ type: 'predict', requestId, pixels }),
    checkGradient: (activation) => send({ type: 'checkGradient', activation }),
    sampleTest: (index) => send(index === undefined ? { type: 'sampleTest' } : { type: 'sampleTest', index }),
    inspect: () => send({ type: 'inspect' }),
    useDefaultData: () => send({ type: 'useDefaultData' }),
    resetWeights: (settings) => send({ type: 'resetWeights', settings }),
    setLearningRate: (learningRate) => send({ type: 'setLearningRate', learningRate }),
  }
}
