// Loads MNIST's four IDX files (raw or .gz) from a folder the user names, for Node hosts. Which files count
// is the engine's rule (data/idx-names.ts), the same as the browser's file picker.
import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { DatasetInfo, IdxFiles, NamedBytes } from '../protocol'
import type { Split } from '../data/digits'
import { idxDatasetInfo, parseIdxFiles } from '../data/idx'
import { ambiguityText, chooseIdxNames, IDX_FILE_NAMES, idxSizeProblem, MAX_IDX_FILE_BYTES } from '../data/idx-names'
import { LabInputError } from '../session/validate'
import { fsProblem } from './fs-problem'

export { IDX_FILE_NAMES, MAX_IDX_FILE_BYTES }

/** stat that follows links, or a LabInputError in words naming `label`. */
async function statOrExplain(path: string, label: string) {
  try {
    return await stat(path)
  } catch (error) {
    throw new LabInputError(await fsProblem(error, path, label))
  }
}

/**
 * The folder's four IDX files as bytes, not yet parsed; each in a buffer of its own, so a host can transfer
 * it to the worker. Errors name the folder or file and what is missing or wrong.
 */
export async function readIdxFolder(dir: string): Promise<IdxFiles> {
  const folder = resolve(dir)
  const info = await statOrExplain(folder, `folder ${folder}`)
  if (!info.isDirectory()) throw new LabInputError(`${folder} is a file, not a folder; choose the folder that holds the four MNIST IDX files`)
  const names = await readdir(folder).catch(async (error: unknown) => {
    throw new LabInputError(await fsProblem(error, folder, `folder ${folder}`))
  })
  const expected = Object.values(IDX_FILE_NAMES).map((n) => `${n}[.gz]`).join(', ')
  if (names.length === 0) throw new LabInputError(`folder ${folder} is empty; expected the MNIST IDX files ${expected}`)
  const choice = chooseIdxNames(names)
  if (!choice.ok) {
    if (choice.ambiguous.length > 0) throw new LabInputError(ambiguityText(choice.ambiguous, `folder ${folder} holds`))
    throw new LabInputError(`folder ${folder} lacks ${choice.missing.join(', ')} (it holds: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})`)
  }
  const entries = await Promise.all(
    (Object.entries(choice.names) as [keyof IdxFiles, string][]).map(async ([key, name]) => [key, await readIdxFile(folder, name)] as const),
  )
  return Object.fromEntries(entries) as unknown as IdxFiles
}

/** One IDX file of the folder, checked to be a readable regular file of a plausible size. */
async function readIdxFile(folder: string, name: string): Promise<NamedBytes> {
  const path = join(folder, name)
  const info = await statOrExplain(path, name)
  if (info.isDirectory()) throw new LabInputError(`${name} in ${folder} is a folder, not a file; the lab needs the IDX file itself there`)
  if (!info.isFile()) throw new LabInputError(`${name} in ${folder} is not a regular file (${(await lstat(path)).isSymbolicLink() ? 'a link to ' : ''}a device, socket or pipe)`)
  const tooLarge = idxSizeProblem(name, info.size)
  if (tooLarge) throw new LabInputError(tooLarge)
  try {
    return { name, bytes: new Uint8Array(await readFile(path)) } // a copy that owns its ArrayBuffer
  } catch (error) {
    throw new LabInputError(await fsProblem(error, path, `${name} in ${folder}`))
  }
}

/** Reads and parses the folder's four IDX files (full MNIST: 60,000 / 10,000, expected test accuracy 0.97). */
export async function loadIdxFolder(dir: string): Promise<{ split: Split; info: DatasetInfo }> {
  const split = parseIdxFiles(await readIdxFolder(dir))
  return { split, info: idxDatasetInfo(split, `MNIST IDX files in ${basename(resolve(dir))}`) }
}
