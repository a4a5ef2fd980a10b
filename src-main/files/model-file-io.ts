// Model files on disk. The format itself (format name, version, shapes, finite values) is checked in the
// worker by src-worker/session/model-file.ts; this layer only gets bytes to and from the disk safely and says
// clearly when a file is not even JSON.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { LabInputError } from '../../src-worker/session/validate'
import { writeFileAtomic } from './atomic-write'

/** A 784-1024-10 float64 model as JSON is ~20 MB; anything much larger is not ours. */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024

/** Saves the worker's model object as JSON, atomically (temp file + fsync + rename). */
export async function writeModelFile(path: string, model: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(model) + '\n')
}

/** Reads a model file and parses its JSON; errors name the file and the problem. */
export async function readModelFile(path: string): Promise<{ model: unknown; fileName: string }> {
  const fileName = basename(path)
  const info = await stat(path).catch(() => undefined)
  if (!info) throw new LabInputError(`model file ${fileName} does not exist`)
  if (!info.isFile()) throw new LabInputError(`model file ${fileName} is not a file`)
  if (info.size === 0) throw new LabInputError(`model file ${fileName} is empty`)
  if (info.size > MAX_MODEL_FILE_BYTES) {
    throw new LabInputError(`model file ${fileName} is ${(info.size / 2 ** 20).toFixed(0)} MB, more than a Backprop Lab model can be (${MAX_MODEL_FILE_BYTES / 2 ** 20} MB)`)
  }
  const text = await readFile(path, 'utf8')
  try {
    return { model: JSON.parse(text), fileName }
  } catch (error) {
    throw new LabInputError(`model file ${fileName} is not valid JSON (${(error as Error).message}); was it truncated or edited?`)
  }
}
