// Crash-safe file writes: the target is either the old file or the complete new one, never half of it.
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

let counter = 0

/**
 * Writes `data` to a temporary file in the target's folder, fsyncs it, then renames it over the target
 * (rename is atomic within one file system, which is why the temp file lives in the same folder).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`)
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
