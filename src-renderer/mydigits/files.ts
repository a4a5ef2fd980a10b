// My digits to and from files: the lab's JSON, or an IDX pair like MNIST's (so numpy users can load them).
import type { MyDigit } from '../../src-worker/protocol'
import { digitSetToMyDigits, myDigitsToIdx, myDigitsToJson, parseMyDigitsJson } from '../../src-worker/data/my-digits'
import { parseIdxPair } from '../../src-worker/data/idx'
import { downloadBlob } from '../lab/browser-files'

/** Far above what 10,000 digits take in either format; anything bigger is refused by its size. */
const IMPORT_LIMIT = 64 * 1024 * 1024

export function exportJson(digits: readonly MyDigit[]): void {
  downloadBlob('my-digits.json', new Blob([myDigitsToJson(digits)], { type: 'application/json' }))
}

export function exportIdx(digits: readonly MyDigit[]): void {
  const { images, labels } = myDigitsToIdx(digits)
  downloadBlob('my-digits-images-idx3-ubyte', new Blob([images as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }))
  downloadBlob('my-digits-labels-idx1-ubyte', new Blob([labels as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }))
}

/** Reads the chosen files: one JSON export, or an images + labels IDX pair. Throws naming the file and the problem. */
export async function readMyDigitsFiles(files: readonly File[], pickHint: string): Promise<MyDigit[]> {
  for (const file of files) {
    if (file.size > IMPORT_LIMIT) throw new Error(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB, over the ${IMPORT_LIMIT / 1024 / 1024} MB limit for an import`)
  }
  const now = new Date().toISOString()
  const prefix = `import-${Date.now().toString(36)}`
  if (files.length === 1 && /\.json$/i.test(files[0]!.name)) {
    const file = files[0]!
    let value: unknown
    try {
      value = JSON.parse(await file.text())
    } catch (error) {
      throw new Error(`${file.name} is not JSON (${(error as Error).message})`)
    }
    return parseMyDigitsJson(value, file.name).map((d) => ({ ...d, keptAt: d.keptAt || now }))
  }
  const images = files.find((f) => /idx3/i.test(f.name))
  const labels = files.find((f) => /idx1/i.test(f.name))
  if (files.length !== 2 || !images || !labels) throw new Error(pickHint)
  const bytes = async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })
  return digitSetToMyDigits(parseIdxPair(await bytes(images), await bytes(labels)), now, prefix)
}
