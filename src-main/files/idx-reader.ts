// Reads the four MNIST IDX files (raw or .gz) of a folder as bytes for the worker, which parses them.
// Finding the files by name is shared with the engine's Node loader (src-worker/node/idx-folder.ts).
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { IdxFiles, NamedBytes } from '../../src-worker/protocol'
import { findIdxFile, IDX_FILE_NAMES } from '../../src-worker/node/idx-folder'
import { LabInputError } from '../../src-worker/validate'

/** Full MNIST gzipped is ~11 MB, raw ~55 MB; a larger file is not an MNIST IDX file. */
export const MAX_IDX_FILE_BYTES = 64 * 1024 * 1024

/** The folder's train/test image and label files, each in a buffer of its own (so it can be transferred). */
export async function readIdxFolder(dir: string): Promise<IdxFiles> {
  const folder = resolve(dir)
  const info = await stat(folder).catch(() => undefined)
  if (!info) throw new LabInputError(`folder ${folder} does not exist`)
  if (!info.isDirectory()) throw new LabInputError(`${folder} is not a folder`)
  const names = await readdir(folder)
  const expected = Object.values(IDX_FILE_NAMES).map((n) => `${n}[.gz]`).join(', ')
  if (names.length === 0) throw new LabInputError(`folder ${folder} is empty; expected the MNIST IDX files ${expected}`)
  const keys = Object.keys(IDX_FILE_NAMES) as (keyof IdxFiles)[]
  const found = keys.map((key) => [key, findIdxFile(names, IDX_FILE_NAMES[key])] as const)
  const missing = found.filter(([, name]) => name === undefined).map(([key]) => `${IDX_FILE_NAMES[key]}[.gz]`)
  if (missing.length > 0) throw new LabInputError(`folder ${folder} lacks ${missing.join(', ')}`)
  const entries = await Promise.all(
    found.map(async ([key, name]) => {
      const path = join(folder, name!)
      const size = (await stat(path)).size
      if (size > MAX_IDX_FILE_BYTES) throw new LabInputError(`${name} is ${(size / 2 ** 20).toFixed(0)} MB, too large for an MNIST IDX file`)
      const buffer = await readFile(path)
      const file: NamedBytes = { name: name!, bytes: new Uint8Array(buffer) } // a copy that owns its ArrayBuffer
      return [key, file] as const
    }),
  )
  return Object.fromEntries(entries) as unknown as IdxFiles
}
