// Model files on disk. The format itself (format name, version, shapes, finite values) is checked in the
// worker by src-worker/session/model-file.ts; this layer only gets bytes to and from the disk safely and says
// clearly when a file is not even JSON.
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { LabInputError } from '../../src-worker/session/validate'
import { MAX_MODEL_FILE_BYTES, modelFileSizeProblem } from '../../src-worker/session/model-file'
import { fsProblem } from '../../src-worker/node/fs-problem'
import { writeFileAtomic } from './atomic-write'

/** The engine's limit, shared with the browser edition. */
export { MAX_MODEL_FILE_BYTES }

/** Saves the worker's model object as JSON, atomically (temp file + fsync + rename); errors name the file. */
export async function writeModelFile(path: string, model: unknown): Promise<void> {
  try {
    await writeFileAtomic(path, JSON.stringify(model) + '\n')
  } catch (error) {
    throw new LabInputError(`model file ${basename(path)} could not be saved: ${saveProblem(error, path)}`)
  }
}

/** Why a save failed, in words. */
function saveProblem(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the folder ${dirname(path)} does not exist`
    case 'EISDIR':
      return 'a folder of that name is in the way'
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${dirname(path)}`
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full'
    default:
      return `${code ?? 'error'}: ${(error as Error).message}`
  }
}

/** Reads a model file and parses its JSON; errors name the file and the problem. */
export async function readModelFile(path: string): Promise<{ model: unknown; fileName: string }> {
  const fileName = basename(path)
  const info = await stat(path).catch(async (error: unknown) => {
    throw new LabInputError(await fsProblem(error, path, `model file ${fileName}`))
  })
  if (!info.isFile()) throw new LabInputError(`model file ${fileName} ${info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file'}`)
  const sizeProblem = modelFileSizeProblem(fileName, info.size)
  if (sizeProblem) throw new LabInputError(sizeProblem)
  const text = await readFile(path, 'utf8').catch(async (error: unknown) => {
    throw new LabInputError(await fsProblem(error, path, `model file ${fileName}`))
  })
  try {
    return { model: JSON.parse(text), fileName }
  } catch (error) {
    throw new LabInputError(`model file ${fileName} is not valid JSON (${(error as Error).message}); was it truncated or edited?`)
  }
}
