// My digits on the desktop: one JSON file in the user-data folder (the same format the lab exports), written
// atomically. A file that cannot be read is never overwritten: the next save first moves it aside, and says so.
import { readFile, rename, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import type { MyDigit } from '../../src-worker/protocol'
import { MAX_MY_DIGITS, myDigitsToJson, parseMyDigits, parseMyDigitsJson } from '../../src-worker/data/my-digits'
import { writeFileAtomic } from './atomic-write'

/** Far above what MAX_MY_DIGITS digits take as JSON (~3 KB each), far below what would hurt main. */
export const MY_DIGITS_FILE_LIMIT = MAX_MY_DIGITS * 4 * 1024

export class MyDigitsFile {
  constructor(readonly path: string) {}

  /** The kept digits; a missing file is an empty list, an unreadable one a warning (and the file is left alone). */
  async list(): Promise<{ digits: MyDigit[]; warning: string | null }> {
    try {
      return { digits: await this.read(), warning: null }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { digits: [], warning: null }
      return { digits: [], warning: `${this.path} could not be read (${(error as Error).message}); it is kept as it is, and the next digit you keep moves it aside to a copy` }
    }
  }

  /** Checks the untrusted list, moves an unreadable old file aside, then writes the new one atomically. */
  async save(raw: unknown): Promise<void> {
    const digits = parseMyDigits(raw)
    await mkdir(dirname(this.path), { recursive: true })
    await this.read().catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return
      const aside = join(dirname(this.path), `my-digits.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
      await rename(this.path, aside)
    })
    await writeFileAtomic(this.path, myDigitsToJson(digits) + '\n')
  }

  private async read(): Promise<MyDigit[]> {
    const { size } = await stat(this.path)
    if (size > MY_DIGITS_FILE_LIMIT) throw new Error(`it is ${(size / 1e6).toFixed(1)} MB, over the ${(MY_DIGITS_FILE_LIMIT / 1e6).toFixed(0)} MB limit`)
    const text = await readFile(this.path, 'utf8')
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new Error(`not JSON: ${(error as Error).message}`)
    }
    return parseMyDigitsJson(value, 'my-digits.json')
  }
}
