// `--manifest FILE`: the pins as JSON {"train-images-idx3-ubyte.gz": {"size": n, "sha256": "hex"}, …}, checked
// field by field so a bad file is named with what is wrong in it.
import { readFile } from 'node:fs/promises'
import { DATASET_FILE_NAMES } from '../../datasets'
import { LabInputError } from '../../session/validate'
import type { FilePin, Manifest } from './dataset-pins'

/** A manifest is a few hundred bytes; anything this large is not one. */
const MAX_MANIFEST_BYTES = 64 * 1024

export function parseManifest(text: string, source: string): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new LabInputError(`manifest ${source} is not JSON: ${(error as Error).message}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LabInputError(`manifest ${source} must be a JSON object keyed by file name, e.g. {"train-images-idx3-ubyte.gz": {"size": 9912422, "sha256": "…"}}`)
  }
  const record = raw as Record<string, unknown>
  const unknown = Object.keys(record).filter((key) => !(DATASET_FILE_NAMES as readonly string[]).includes(key))
  if (unknown.length > 0) throw new LabInputError(`manifest ${source} names files the data sets do not have: ${unknown.join(', ')} (expected ${DATASET_FILE_NAMES.join(', ')})`)
  const missing = DATASET_FILE_NAMES.filter((name) => !(name in record))
  if (missing.length > 0) throw new LabInputError(`manifest ${source} lacks ${missing.join(', ')}`)
  const files = {} as Record<string, FilePin>
  for (const name of DATASET_FILE_NAMES) {
    const entry = record[name]
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new LabInputError(`manifest ${source}: ${name} must be an object {"size": n, "sha256": "hex"}`)
    const { size, sha256, ...rest } = entry as Record<string, unknown>
    if (Object.keys(rest).length > 0) throw new LabInputError(`manifest ${source}: ${name} has unknown fields ${Object.keys(rest).join(', ')} (only size and sha256)`)
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) {
      throw new LabInputError(`manifest ${source}: ${name}.size must be a whole number of bytes above 0, got ${JSON.stringify(size) ?? 'nothing'}`)
    }
    if (typeof sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256)) {
      throw new LabInputError(`manifest ${source}: ${name}.sha256 must be 64 hex digits, got ${JSON.stringify(sha256) ?? 'nothing'}`)
    }
    files[name] = { size, sha256: sha256.toLowerCase() }
  }
  return files as Manifest
}

export async function readManifestFile(path: string): Promise<Manifest> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new LabInputError(`manifest ${path} cannot be read: ${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`)
  }
  if (bytes.length > MAX_MANIFEST_BYTES) throw new LabInputError(`manifest ${path} is ${bytes.length} bytes; a manifest of four files is under ${MAX_MANIFEST_BYTES}`)
  return parseManifest(bytes.toString('utf8'), path)
}
