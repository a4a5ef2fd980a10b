// The four files of a data set into one folder, with progress over all of them (issue 13 §1).
import { mkdir, rmdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { DATASET_FILE_NAMES, type DatasetFileName } from '../../datasets'
import { fileMatchesPin, downloadPinnedFile, type FetchOptions } from './download-file'
import { manifestBytes, type Manifest } from './dataset-pins'

export interface DatasetProgress {
  /** the file being fetched now */
  file: DatasetFileName
  /** bytes of all four files in hand (already present or received), and their pinned sum */
  bytes: number
  total: number
  /** 0–100 */
  percent: number
  /** bytes received per second since this download started (files already present do not count) */
  bytesPerSecond: number
  /** the mirror now serving `file` */
  url: string
}

export interface DatasetDownload extends FetchOptions {
  files: Manifest
  /** base URLs, each ending in '/' or not; tried in order for every file */
  mirrors: readonly string[]
  dest: string
  onProgress?: (progress: DatasetProgress) => void
  /** milliseconds, for the speed; default performance.now */
  now?: () => number
}

export interface DatasetResult {
  dest: string
  /** file → the URL it came from */
  downloaded: Partial<Record<DatasetFileName, string>>
  /** files that were already there and matched their pins */
  present: DatasetFileName[]
}

export function fileUrl(mirror: string, file: string): string {
  return mirror.endsWith('/') ? mirror + file : `${mirror}/${file}`
}

/** True when all four files in `dir` match their pins. */
export async function datasetComplete(dir: string, files: Manifest): Promise<boolean> {
  for (const name of DATASET_FILE_NAMES) if (!(await fileMatchesPin(join(dir, name), files[name]))) return false
  return true
}

/** Downloads whatever of the four files `dest` lacks; files go in one by one, each verified. */
export async function downloadDataset(job: DatasetDownload): Promise<DatasetResult> {
  const { mirrors, dest } = job
  if (mirrors.length === 0) throw new Error('no mirror to download from')
  // a folder this call made stays only if a file got into it (an offline attempt leaves no empty cache folder)
  const made = await mkdir(dest, { recursive: true })
  try {
    return await downloadInto(job, dest)
  } catch (error) {
    if (made !== undefined) {
      // from dest up to the first folder mkdir made; rmdir fails, as it should, on a folder that is not empty
      for (let dir = resolve(dest); ; dir = dirname(dir)) {
        if (!(await rmdir(dir).then(() => true, () => false)) || dir === resolve(made)) break
      }
    }
    throw error
  }
}

async function downloadInto(job: DatasetDownload, dest: string): Promise<DatasetResult> {
  const { files, mirrors } = job
  const now = job.now ?? (() => performance.now())
  const total = manifestBytes(files)
  const started = now()
  let done = 0 // bytes of finished files
  let received = 0 // bytes received over the network, finished files included
  const result: DatasetResult = { dest, downloaded: {}, present: [] }
  for (const file of DATASET_FILE_NAMES) {
    const pin = files[file]
    const receivedBefore = received
    const url = await downloadPinnedFile(file, pin, mirrors.map((m) => fileUrl(m, file)), dest, job, (p) => {
      if (p.bytes === 0) return
      const inFile = Math.min(p.bytes, pin.size)
      const seconds = (now() - started) / 1000
      const sent = receivedBefore + inFile
      job.onProgress?.({
        file,
        bytes: done + inFile,
        total,
        percent: ((done + inFile) / total) * 100,
        bytesPerSecond: seconds > 0 ? sent / seconds : 0,
        url: p.url,
      })
    })
    if (url === null) result.present.push(file)
    else {
      result.downloaded[file] = url
      received = receivedBefore + pin.size
    }
    done += pin.size
  }
  return result
}
