// File picking and downloads for the browser edition (the desktop edition uses native dialogs in main).
import type { IdxFiles, NamedBytes } from '../../src-worker/protocol'

/**
 * Opens the browser's file picker; resolves to the chosen files, or an empty list when the user cancels.
 * Must be called from a user gesture (a click handler).
 */
export function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true })
    input.addEventListener('cancel', () => resolve([]), { once: true })
    input.click()
  })
}

/** Saves text as a download named `fileName`; returns that name. */
export function downloadText(fileName: string, text: string, type: string): string {
  return downloadBlob(fileName, new Blob([text], { type }))
}

/**
 * Saves a blob as a download named `fileName`; returns that name. In Electron the same download shows the
 * system's save dialog (no will-download handler sets a path).
 */
export function downloadBlob(fileName: string, blob: Blob): string {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return fileName
}

const IDX_NAMES: Record<keyof IdxFiles, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
}

/** The official name, also with '.' for the first '-' of the idx part (train-images.idx3-ubyte), raw or .gz. */
function matches(fileName: string, official: string): boolean {
  const name = fileName.toLowerCase().replace(/\.gz$/, '').replace('.idx', '-idx')
  return name === official
}

/** Matches the four MNIST IDX files by name (raw or .gz); throws naming the missing ones. */
export async function readIdxFiles(files: File[]): Promise<IdxFiles> {
  const found: Partial<Record<keyof IdxFiles, NamedBytes>> = {}
  const missing: string[] = []
  for (const key of Object.keys(IDX_NAMES) as (keyof IdxFiles)[]) {
    const file = files.find((f) => matches(f.name, IDX_NAMES[key]))
    if (!file) {
      missing.push(IDX_NAMES[key])
      continue
    }
    found[key] = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
  }
  if (missing.length > 0) {
    const chosen = files.map((f) => f.name).join(', ') || 'none'
    throw new Error(`MNIST IDX files missing: ${missing.join(', ')} (raw or .gz); chosen: ${chosen}`)
  }
  return found as IdxFiles
}
