// `npm run data:get -- mnist|fashion …`: the four pinned files into --dest or the lab's cache (issue 13 §1).
import { resolve } from 'node:path'
import { runCli } from '../cli-args'
import { DATASET_PINS } from './dataset-pins'
import { downloadDataset, type DatasetProgress } from './download-dataset'
import { DownloadCancelledError, DownloadError } from './download-file'
import { DATA_GET_USAGE, parseDataGetArgs } from './cli-data-get-args'
import { datasetCacheFolder, labUserDataFolder } from './lab-cache'
import { readManifestFile } from './manifest-file'
import { downloadFailureText } from './offline-hint'
import { formatBytes } from '../../format-bytes'

function progressLine(p: DatasetProgress): string {
  return `${p.file}: ${formatBytes(p.bytes)} of ${formatBytes(p.total)} (${p.percent.toFixed(0)} %), ${formatBytes(p.bytesPerSecond)}/s`
}

runCli(DATA_GET_USAGE, parseDataGetArgs, async (args) => {
  const pins = DATASET_PINS[args.dataset]
  const files = args.manifest ? await readManifestFile(args.manifest) : pins.files
  const dest = resolve(args.dest ?? datasetCacheFolder(labUserDataFolder(), args.dataset))
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort())
  const tty = process.stderr.isTTY
  let lastFile = ''
  let lastDraw = 0
  console.error(`${pins.title} → ${dest}`)
  try {
    const result = await downloadDataset({
      files,
      mirrors: args.mirrors ?? pins.mirrors,
      dest,
      signal: controller.signal,
      ...(args.idleTimeoutMs !== null ? { idleTimeoutMs: args.idleTimeoutMs } : {}),
      onProgress: (p) => {
        if (!tty) {
          if (p.file !== lastFile) console.error(`downloading ${p.file} from ${p.url}`)
          lastFile = p.file
          return
        }
        const t = performance.now()
        if (t - lastDraw > 100 || p.percent === 100) process.stderr.write(`\r${progressLine(p)}\x1b[K`)
        lastDraw = t
      },
    })
    if (tty) process.stderr.write('\n')
    for (const file of result.present) console.log(`${file}: already there and verified, not downloaded again`)
    for (const [file, url] of Object.entries(result.downloaded)) console.log(`${file}: downloaded from ${url}, size and SHA-256 verified`)
    console.log(`${pins.title} is in ${dest}. Train on it: npm run train -- --data ${args.dest ? JSON.stringify(dest) : args.dataset}`)
    return 0
  } catch (error) {
    if (tty) process.stderr.write('\n')
    if (error instanceof DownloadError) {
      console.error(`error: ${downloadFailureText(error)}`)
      return 1
    }
    if (error instanceof DownloadCancelledError) {
      console.error(`cancelled: ${error.message}`)
      return 130
    }
    throw error
  }
})
