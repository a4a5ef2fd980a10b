// Downloads of the full data sets in main, never in the renderer (issue 13 §1): one at a time, progress to the
// window, cancel; when done, the files go to the worker the way "open IDX folder" sends them. Also remembers which
// data the lab used last (<userData>/last-dataset.json, written atomically) and loads it again at start.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DownloadState, DownloadStatus, WorkerCommand, LabEvent } from '../src-worker/protocol'
import { DOWNLOADABLE_DATASETS, isDownloadableDataset, type DownloadableDataset } from '../src-worker/datasets'
import { LabInputError, describeValue } from '../src-worker/session/validate'
import { DATASET_PINS, manifestBytes, type DatasetPins } from '../src-worker/node/downloads/dataset-pins'
import { datasetComplete, downloadDataset } from '../src-worker/node/downloads/download-dataset'
import { DownloadCancelledError, DownloadError } from '../src-worker/node/downloads/download-file'
import { datasetCacheFolder } from '../src-worker/node/downloads/lab-cache'
import { readIdxFolder } from '../src-worker/node/idx-folder'
import { writeFileAtomic } from './files/atomic-write'

/** What the lab used last: the default digits, a downloaded set, or a folder the user opened. */
export type DataChoice = { kind: 'default' } | { kind: 'downloaded'; dataset: DownloadableDataset } | { kind: 'folder'; path: string }

export interface DatasetDownloadsOptions {
  /** app.getPath('userData') */
  userData: string
  host: { command(command: WorkerCommand): void; notify(event: LabEvent): void }
  /** delivers a DownloadState to the window */
  send: (state: DownloadState) => void
  /** the pins and mirrors; tests point them at a local server */
  pins?: Record<DownloadableDataset, DatasetPins>
  idleTimeoutMs?: number
  /** minimum milliseconds between two progress events; default 100 */
  progressIntervalMs?: number
  log?: (message: string) => void
}

export const LAST_DATASET_FILE = 'last-dataset.json'

export function parseDataChoice(raw: unknown): DataChoice | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  if (r.kind === 'default') return { kind: 'default' }
  if (r.kind === 'downloaded' && isDownloadableDataset(r.dataset)) return { kind: 'downloaded', dataset: r.dataset }
  if (r.kind === 'folder' && typeof r.path === 'string' && r.path !== '') return { kind: 'folder', path: r.path }
  return null
}

/** The renderer's data set name, checked. */
export function parseDatasetName(raw: unknown, channel: string): DownloadableDataset {
  if (!isDownloadableDataset(raw)) throw new LabInputError(`${channel}: the data set must be ${DOWNLOADABLE_DATASETS.join(' or ')}, got ${describeValue(raw)}`)
  return raw
}

export class DatasetDownloads {
  private readonly pins: Record<DownloadableDataset, DatasetPins>
  private readonly verified = new Set<DownloadableDataset>()
  private active: { dataset: DownloadableDataset; controller: AbortController; last: DownloadState; done: Promise<void> } | null = null
  private readonly log: (message: string) => void

  constructor(private readonly options: DatasetDownloadsOptions) {
    this.pins = options.pins ?? DATASET_PINS
    this.log = options.log ?? ((m) => console.warn(m))
  }

  folder(dataset: DownloadableDataset): string {
    return datasetCacheFolder(this.options.userData, dataset)
  }

  private async isCached(dataset: DownloadableDataset): Promise<boolean> {
    if (this.verified.has(dataset)) return true
    const complete = await datasetComplete(this.folder(dataset), this.pins[dataset].files)
    if (complete) this.verified.add(dataset)
    return complete
  }

  async status(): Promise<DownloadStatus> {
    const cached: DownloadableDataset[] = []
    for (const dataset of DOWNLOADABLE_DATASETS) if (this.active?.dataset !== dataset && (await this.isCached(dataset))) cached.push(dataset)
    return { cached, active: this.active?.last ?? null, cacheFolder: join(this.options.userData, 'datasets') }
  }

  /** Starts a download and returns; its states arrive through `send`. Refused while another one runs. */
  async start(dataset: DownloadableDataset): Promise<void> {
    if (this.active) throw new LabInputError(`${this.pins[this.active.dataset].title} is downloading already; cancel it or wait until it is done`)
    const controller = new AbortController()
    const pins = this.pins[dataset]
    const first: DownloadState = { state: 'running', dataset, file: 'train-images-idx3-ubyte.gz', bytes: 0, total: manifestBytes(pins.files), percent: 0, bytesPerSecond: 0 }
    const job: NonNullable<DatasetDownloads['active']> = { dataset, controller, last: first, done: Promise.resolve() }
    this.active = job
    this.verified.delete(dataset)
    const emit = (state: DownloadState) => {
      job.last = state
      this.options.send(state)
    }
    emit(first)
    let lastSent = 0
    const interval = this.options.progressIntervalMs ?? 100
    job.done = (async () => {
      const folder = this.folder(dataset)
      try {
        await downloadDataset({
          files: pins.files,
          mirrors: pins.mirrors,
          dest: folder,
          signal: controller.signal,
          ...(this.options.idleTimeoutMs !== undefined ? { idleTimeoutMs: this.options.idleTimeoutMs } : {}),
          onProgress: (p) => {
            const now = performance.now()
            if (now - lastSent < interval && p.percent < 100) return
            lastSent = now
            emit({ state: 'running', dataset, file: p.file, bytes: p.bytes, total: p.total, percent: p.percent, bytesPerSecond: p.bytesPerSecond })
          },
        })
        this.verified.add(dataset)
        await this.load(dataset)
        this.active = null
        emit({ state: 'done', dataset, folder })
      } catch (error) {
        this.active = null
        if (error instanceof DownloadCancelledError) emit({ state: 'cancelled', dataset })
        else if (error instanceof DownloadError) emit({ state: 'failed', dataset, file: error.file, attempts: error.attempts })
        else {
          this.log(`the download of ${pins.title} failed: ${(error as Error).message}`)
          emit({ state: 'error', dataset, message: (error as Error).message })
        }
      }
    })()
  }

  /** Cancels the download under way, if any; resolves once its temp file is gone. */
  async cancel(): Promise<void> {
    const job = this.active
    if (!job) return
    job.controller.abort()
    await job.done
  }

  /** Resolves when no download is running (for tests and quitting). */
  async idle(): Promise<void> {
    await this.active?.done
  }

  /** Loads a cached data set into the worker; refused when the cache does not hold it. */
  async use(dataset: DownloadableDataset): Promise<void> {
    if (this.active?.dataset === dataset) throw new LabInputError(`${this.pins[dataset].title} is still downloading`)
    if (!(await this.isCached(dataset))) {
      throw new LabInputError(`${this.pins[dataset].title} is not in the lab's cache (${this.folder(dataset)}), or its files do not match their pins; download it again`)
    }
    await this.load(dataset)
  }

  private async load(dataset: DownloadableDataset): Promise<void> {
    this.options.host.command({ type: 'loadIdx', files: await readIdxFolder(this.folder(dataset)), source: dataset })
    await this.remember({ kind: 'downloaded', dataset })
  }

  /** Keeps `choice` as the data to load at the next start; a failed write is logged, never fatal. */
  async remember(choice: DataChoice): Promise<void> {
    try {
      await writeFileAtomic(join(this.options.userData, LAST_DATASET_FILE), JSON.stringify({ version: 1, ...choice }) + '\n')
    } catch (error) {
      this.log(`could not remember the data set used last: ${(error as Error).message}`)
    }
  }

  /** At start: loads the data used last, if it was not the default. A failure is shown as a refused load; the default digits stay. */
  async restoreLast(): Promise<DataChoice | null> {
    const path = join(this.options.userData, LAST_DATASET_FILE)
    let choice: DataChoice | null
    try {
      choice = parseDataChoice(JSON.parse(await readFile(path, 'utf8')))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`${path} is unreadable, so the default digits are used: ${(error as Error).message}`)
      return null
    }
    if (choice === null || choice.kind === 'default') return choice
    try {
      if (choice.kind === 'downloaded') await this.use(choice.dataset)
      else this.options.host.command({ type: 'loadIdx', files: await readIdxFolder(choice.path) })
      return choice
    } catch (error) {
      const what = choice.kind === 'downloaded' ? this.pins[choice.dataset].title : `the folder ${choice.path}`
      this.options.host.notify({ type: 'rejected', command: 'loadIdx', message: `the data used last (${what}) could not be loaded again, so the default digits are in use: ${(error as Error).message}` })
      return null
    }
  }
}
