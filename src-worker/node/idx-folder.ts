// Loads MNIST's four IDX files (raw or .gz) from a folder the user names, for Node hosts.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { DatasetInfo, IdxFiles, NamedBytes } from '../protocol'
import type { Split } from '../data/digits'
import { idxDatasetInfo, parseIdxFiles } from '../data/idx'
import { LabInputError } from '../session/validate'

/** The canonical name of each file; `-idx` may also be spelled `.idx`, and `.gz` is optional. */
export const IDX_FILE_NAMES: Record<keyof IdxFiles, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
}

/** The file in `names` that matches a canonical IDX name, preferring raw over .gz; undefined if none. */
export function findIdxFile(names: string[], canonical: string): string | undefined {
  const stem = canonical.replace(/-idx/, '[-.]idx')
  const pattern = new RegExp(`^${stem}(\\.gz)?$`, 'i')
  const matches = names.filter((name) => pattern.test(name)).sort((a, b) => a.length - b.length)
  return matches[0]
}

/** Full MNIST gzipped is ~11 MB, raw ~55 MB; a larger file is not an MNIST IDX file. */
export const MAX_IDX_FILE_BYTES = 64 * 1024 * 1024

/**
 * The folder's four IDX files as bytes, not yet parsed; each in a buffer of its own, so a host can transfer
 * it to the worker. Errors name the folder and what is missing or wrong.
 */
export async function readIdxFolder(dir: string): Promise<IdxFiles> {
  const folder = resolve(dir)
  const info = await stat(folder).catch(() => undefined)
  if (!info) throw new LabInputError(`folder ${folder} does not exist`)
  if (!info.isDirectory()) throw new LabInputError(`${folder} is not a folder`)
  const names = await readdir(folder)
  const expected = Object.values(IDX_FILE_NAMES).map((n) => `${n}[.gz]`).join(', ')
  if (names.length === 0) throw new LabInputError(`folder ${folder} is empty; expected the MNIST IDX files ${expected}`)
  const found = Object.entries(IDX_FILE_NAMES).map(([key, canonical]) => [key, canonical, findIdxFile(names, canonical)] as const)
  const missing = found.filter(([, , name]) => name === undefined).map(([, canonical]) => `${canonical}[.gz]`)
  if (missing.length > 0) {
    throw new LabInputError(`folder ${folder} lacks ${missing.join(', ')} (it holds: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`)
  }
  const entries = await Promise.all(
    found.map(async ([key, , name]) => {
      const path = join(folder, name!)
      const size = (await stat(path)).size
      if (size > MAX_IDX_FILE_BYTES) throw new LabInputError(`${name} is ${(size / 2 ** 20).toFixed(0)} MB, too large for an MNIST IDX file`)
      const file: NamedBytes = { name: name!, bytes: new Uint8Array(await readFile(path)) } // a copy that owns its ArrayBuffer
      return [key, file] as const
    }),
  )
  return Object.fromEntries(entries) as unknown as IdxFiles
}

/** Reads and parses the folder's four IDX files (full MNIST: 60,000 / 10,000, expected test accuracy 0.97). */
export async function loadIdxFolder(dir: string): Promise<{ split: Split; info: DatasetInfo }> {
  const split = parseIdxFiles(await readIdxFolder(dir))
  return { split, info: idxDatasetInfo(split, `MNIST IDX files in ${basename(resolve(dir))}`) }
}
