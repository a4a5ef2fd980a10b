// `npm run step`: one training iteration of 5.7.1–5.7.2, layer by layer, on the seeded net and the first
// mini-batch that `npm run train` would use with the same settings. --json prints the whole step (every
// matrix as {shape, values}, row-major, full float64) so it can be checked in numpy.
import { PARAM_NAMES } from '../net/backend'
import type { Matrix } from '../math/matrix'
import { BOOK_LINES, firstStepOfRun, gradientSize, stepJson } from '../step/one-step'
import { parseTrainArgs, runCli, UsageError, type TrainArgs } from './cli-args'
import { loadDefaultSplit } from './default-data'

const USAGE = [
  "usage: npm run step -- [options]   (one training iteration of 5.7.1–5.7.2, layer by layer, headless)",
  '  --seed N        the run\'s seed: the same weights and first mini-batch as `npm run train -- --seed N`',
  '  --batch N       mini-batch size; default 100',
  '  --hidden N      hidden layer width; default 50',
  '  --activation A  relu or sigmoid; default relu',
  '  --lr X          learning rate of the update; default 0.1',
  '  --init-std X    standard deviation of the initial weights; default 0.01',
  '  --json          print the whole step as one JSON object',
  '  --help          this text',
].join('\n')

function parseStepArgs(argv: string[]): TrainArgs {
  const foreign = argv.find((a) => /^--(iters|data)(=|$)/.test(a))
  if (foreign) throw new UsageError(`${foreign.split('=')[0]} is a flag of \`npm run train\`; a step is one iteration on the default digits`)
  return parseTrainArgs(argv)
}

const shape = (m: Matrix) => `(${m.rows}, ${m.cols})`
const g = (x: number) => x.toPrecision(4)
const size = (name: string, m: Matrix) => {
  const s = gradientSize(m.data)
  return `${name} ${shape(m)} max |·| ${g(s.maxAbs)}, mean |·| ${g(s.meanAbs)}`
}

runCli(USAGE, parseStepArgs, async (args) => {
  const { split, info } = await loadDefaultSplit()
  const { trace, batchIndices } = firstStepOfRun(split.train, args.settings)
  if (args.json) {
    console.log(JSON.stringify(stepJson(trace, args.settings, batchIndices)))
    return 0
  }
  const s = args.settings
  const act = s.activation === 'relu' ? 'Relu1' : 'Sigmoid1'
  const f = trace.forward
  const b = trace.backward
  const blocked = f.mask ? f.mask.reduce((n, m) => n + m, 0) : 0
  const lines = [
    `one training iteration (5.7.1): 784-${s.hiddenSize}-10, ${s.activation}, seed ${s.seed}, lr ${s.learningRate}, on ${info.name}`,
    `1. mini-batch: ${batchIndices.length} training digits, labels ${Array.from(trace.t.slice(0, 12)).join(' ')}${trace.t.length > 12 ? ' …' : ''}`,
    '2. forward',
    `   Affine1          ${shape(f.affine1)}   ${BOOK_LINES.Affine1}`,
    `   ${act.padEnd(16)} ${shape(f.hidden)}   ${BOOK_LINES[act]}${f.mask ? `   (${blocked} of ${f.mask.length} entries ≤ 0, blocked)` : ''}`,
    `   Affine2          ${shape(f.affine2)}   ${BOOK_LINES.Affine2}`,
    `   SoftmaxWithLoss  loss ${f.loss}`,
    '3. backward (dout = 1)',
    `   SoftmaxWithLoss  ${size('dx = (y − t)/N', b.softmax)}`,
    `   Affine2          ${size('dW2', b.affine2.dW)}; ${size('db2', b.affine2.db)}`,
    `   ${act.padEnd(16)} ${size('dx', b.hidden)}`,
    `   Affine1          ${size('dW1', b.affine1.dW)}; ${size('db1', b.affine1.db)}`,
    `4. update: ${BOOK_LINES.update}  (${PARAM_NAMES.join(', ')})`,
    `   loss on this batch: before ${trace.lossBefore}, after ${trace.lossAfter}`,
  ]
  console.log(lines.join('\n'))
  return 0
})
