// Flags of `npm run data:get -- mnist|fashion [--mirror URL]… [--manifest FILE] [--dest DIR]` (issue 13 §1).
import { parseArgs } from 'node:util'
import { DOWNLOADABLE_DATASETS, isDownloadableDataset, type DownloadableDataset } from '../../datasets'
import { UsageError } from '../cli-args'
import { DATASET_PINS } from './dataset-pins'

export const DATA_GET_USAGE = [
  'usage: npm run data:get -- mnist|fashion [--mirror URL]… [--manifest FILE] [--dest DIR]',
  '  mnist           the original MNIST, 60,000 + 10,000 digits (~11 MB)',
  '  fashion         Fashion-MNIST, 60,000 + 10,000 clothing images (~30 MB)',
  '  --mirror URL    a base URL to fetch the four files from; repeat for several, tried in order',
  `                  default: ${DATASET_PINS.mnist.mirrors.join(', ')} (mnist); ${DATASET_PINS.fashion.mirrors.join(', ')} (fashion)`,
  '  --manifest FILE JSON {"train-images-idx3-ubyte.gz": {"size": n, "sha256": "hex"}, …}; default: the pins in',
  '                  src-worker/node/downloads/dataset-pins.ts (TensorFlow Datasets\' checksums)',
  '  --dest DIR      the folder to write the four .gz files into; default: the lab\'s cache (the desktop app finds them there)',
  '  --timeout S     give up a mirror that sends nothing for S seconds; default 30',
  '  --help          this text',
].join('\n')

export interface DataGetArgs {
  dataset: DownloadableDataset
  mirrors: string[] | null
  manifest: string | null
  dest: string | null
  idleTimeoutMs: number | null
  help: boolean
}

function checkMirror(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`--mirror: ${JSON.stringify(text)} is not a URL; give a base URL such as https://example.org/mnist/`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--mirror: ${JSON.stringify(text)} must be an http or https URL`)
  return text
}

export function parseDataGetArgs(argv: string[]): DataGetArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        mirror: { type: 'string', multiple: true },
        manifest: { type: 'string' },
        dest: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const help = values.help === true
  if (help && positionals.length === 0) return { dataset: 'mnist', mirrors: null, manifest: null, dest: null, idleTimeoutMs: null, help }
  if (positionals.length !== 1) throw new UsageError(`name one data set, ${DOWNLOADABLE_DATASETS.join(' or ')}; got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`)
  const dataset = positionals[0]!
  if (!isDownloadableDataset(dataset)) throw new UsageError(`unknown data set ${JSON.stringify(dataset)}; the lab can download ${DOWNLOADABLE_DATASETS.join(' or ')}`)
  for (const flag of ['manifest', 'dest'] as const) if (values[flag] === '') throw new UsageError(`--${flag}: needs a path, got an empty string`)
  let idleTimeoutMs: number | null = null
  if (values.timeout !== undefined) {
    const seconds = /^\d+(\.\d+)?$/.test(values.timeout) ? Number(values.timeout) : NaN
    if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(`--timeout: seconds must be a decimal number in (0, 3600], got ${JSON.stringify(values.timeout)}`)
    idleTimeoutMs = seconds * 1000
  }
  return {
    dataset,
    mirrors: values.mirror ? values.mirror.map(checkMirror) : null,
    manifest: values.manifest ?? null,
    dest: values.dest ?? null,
    idleTimeoutMs,
    help,
  }
}
