import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parseTrainArgs } from './cli-args'

const ROOT = join(__dirname, '..', '..')

/** runs a CLI script like `npm run train -- …` does */
function cli(script: 'cli-train.ts' | 'cli-gradcheck.ts' | 'cli-step.ts', args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('src-worker', 'node', script), ...args], { cwd: ROOT, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('CLI flags (issue 2 §4)', () => {
  it('map onto the settings, with the book\'s values as defaults', () => {
    const { settings, json, dataDir } = parseTrainArgs(['--iters', '2000', '--lr', '0.05', '--activation', 'sigmoid', '--json'])
    assert.deepEqual(settings, { hiddenSize: 50, learningRate: 0.05, batchSize: 100, iterations: 2000, weightInitStd: 0.01, activation: 'sigmoid', seed: 42 })
    assert.equal(json, true)
    assert.equal(dataDir, null)
  })

  it('a bad value names the flag, the field, the range and what was typed', () => {
    assert.throws(() => parseTrainArgs(['--lr', 'fast']), /--lr: learningRate must be a finite number in \(0, 10\], got "fast"/)
    assert.throws(() => parseTrainArgs(['--batch', '0']), /--batch: batchSize must be an integer in \[1, 60000\], got 0/)
  })

  for (const [script, args] of [
    ['cli-train.ts', ['--bogus']],
    ['cli-train.ts', ['--lr', 'NaN']],
    ['cli-train.ts', ['--activation', 'tanh']],
    ['cli-train.ts', ['--iters']],
    ['cli-gradcheck.ts', ['--verbose']],
  ] as const) {
    it(`${script} ${args.join(' ')} exits with code 2 and prints the problem and the usage on stderr`, () => {
      const { code, stdout, stderr } = cli(script, [...args])
      assert.equal(code, 2)
      assert.equal(stdout, '')
      assert.match(stderr, /^error: .+\n\nusage: npm run (train|gradcheck) --/)
    })
  }

  it('train --json prints one JSON object per line: epoch lines, then the summary (default digits)', () => {
    const { code, stdout, stderr } = cli('cli-train.ts', ['--iters', '3', '--json', '--seed', '7'])
    assert.equal(code, 0, stderr)
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, number>)
    assert.deepEqual(lines.slice(0, -1).map((line) => Object.keys(line)), [
      ['epoch', 'iteration', 'trainAccuracy', 'testAccuracy'],
      ['epoch', 'iteration', 'trainAccuracy', 'testAccuracy'],
    ])
    assert.deepEqual(lines.slice(0, -1).map((line) => line.iteration), [0, 2])
    const summary = lines.at(-1)!
    assert.deepEqual(Object.keys(summary), ['iterations', 'seed', 'finalLoss', 'trainAccuracy', 'testAccuracy', 'msPerIteration', 'totalSeconds'])
    assert.equal(summary.iterations, 3)
    assert.equal(summary.seed, 7)
    assert.ok(summary.finalLoss > 2 && summary.finalLoss < 2.4, `loss after 3 steps from std 0.01 is near ln 10 (got ${summary.finalLoss})`)
  })

  it('train --data with a folder that has no IDX files fails with exit code 1 and a message naming the folder', () => {
    const { code, stderr } = cli('cli-train.ts', ['--data', join(ROOT, 'src-worker', 'layers'), '--iters', '1'])
    assert.equal(code, 1)
    assert.match(stderr, /^error: .*layers/)
  })
})

describe('npm run step (issue #9 §5)', () => {
  it('--json prints one object with the issue’s keys; its numbers reproduce the book’s update', () => {
    const { code, stdout, stderr } = cli('cli-step.ts', ['--json', '--batch', '4', '--hidden', '6', '--seed', '7'])
    assert.equal(code, 0, stderr)
    const step = JSON.parse(stdout)
    assert.deepEqual(step.settings, { hiddenSize: 6, learningRate: 0.1, batchSize: 4, iterations: 10000, weightInitStd: 0.01, activation: 'relu', seed: 7 })
    assert.equal(step.batchIndices.length, 4)
    const W2 = step.params.W2.values as number[]
    const dW2 = step.grads.W2.values as number[]
    assert.deepEqual(step.params.W2.shape, [6, 10])
    assert.ok(step.lossAfter < step.lossBefore, 'one step on a batch lowers that batch’s loss')
    assert.equal(W2.length, dW2.length)
  })

  it('refuses the flags of a whole run, naming them', () => {
    const { code, stderr } = cli('cli-step.ts', ['--iters', '5'])
    assert.equal(code, 2)
    assert.match(stderr, /--iters is a flag of `npm run train`/)
  })
})

describe('numbers are read in decimal only (#13 §3)', () => {
  for (const [flag, text] of [['--iters', '0x10'], ['--hidden', '0b101'], ['--batch', '0o17'], ['--lr', 'Infinity']] as const) {
    it(`${flag} ${text} is refused, naming what was typed, not read as ${Number(text)}`, () => {
      assert.throws(() => parseTrainArgs([flag, text]), (e: Error) => e.message.includes(`got "${text}"`))
    })
  }
  it('--init-std 1e-320 is refused with the float32 reason, not trained as an all-zero net', () => {
    assert.throws(() => parseTrainArgs(['--init-std', '1e-320']), (e: Error) => /^--init-std: weightInitStd 1e-320 is below 1\.2e-38, float32’s smallest normal number .*round to 0/.test(e.message))
    assert.throws(() => parseTrainArgs(['--init-std', '11']), (e: Error) => e.message === '--init-std: weightInitStd must be a finite number in [1.2e-38, 10], got 11')
  })
  it('plain decimal notation is read as written: 10000, 1e-2, .5', () => {
    const { settings } = parseTrainArgs(['--iters', '10000', '--init-std', '1e-2', '--lr', '.5'])
    assert.deepEqual([settings.iterations, settings.weightInitStd, settings.learningRate], [10000, 0.01, 0.5])
  })
})
