// File picking and downloads for the browser edition (the desktop edition uses native dialogs in main).
import type { IdxFiles, NamedBytes } from '../../src-worker/protocol'
import { ambiguityText, chooseIdxNames, idxSizeProblem } from '../../src-worker/data/idx-names'
import { modelFileSizeProblem } from '../../src-worker/session/model-file'

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

/** Reads a picked file's bytes; a file that vanished or cannot be read is named in the error. */
async function readBytes(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    throw new Error(`${file.name} could not be read (${error instanceof Error ? error.message : String(error)}); was it moved, deleted or changed since you chose it?`)
  }
}

/**
 * Matches the four MNIST IDX files by name (raw or .gz), by the engine's rule (data/idx-names.ts, the same
 * as the desktop's and the CLI's folder): throws naming what is missing, what is ambiguous (a raw file and its
 * .gz both chosen) or too large, before reading any of them.
 */
export async function readIdxFiles(files: File[]): Promise<IdxFiles> {
  const choice = chooseIdxNames(files.map((f) => f.name))
  if (!choice.ok) {
    if (choice.ambiguous.length > 0) throw new Error(ambiguityText(choice.ambiguous, 'the chosen files include'))
    const chosen = files.map((f) => f.name).join(', ') || 'none'
    throw new Error(`MNIST IDX files missing: ${choice.missing.join(', ')}; chosen: ${chosen}`)
  }
  const picked = (Object.entries(choice.names) as [keyof IdxFiles, string][]).map(([key, name]) => [key, files.find((f) => f.name === name)!] as const)
  for (const [, file] of picked) {
    const tooLarge = idxSizeProblem(file.name, file.size)
    if (tooLarge) throw new Error(tooLarge)
  }
  const found: Partial<Record<keyof IdxFiles, NamedBytes>> = {}
  for (const [key, file] of picked) found[key] = { name: file.name, bytes: await readBytes(file) }
  return found as IdxFiles
}

/**
 * A picked model file parsed as JSON, refused by its size before it is read (the engine's limit, the same as
 * the desktop's); errors name the file. The model itself is checked in the worker (parseModelFile).
 */
export async function readModelJson(file: File): Promise<unknown> {
  const tooLarge = modelFileSizeProblem(file.name, file.size)
  if (tooLarge) throw new Error(tooLarge)
  let text: string
  try {
    text = await file.text()
  } catch (error) {
    throw new Error(`model file ${file.name} could not be read (${error instanceof Error ? error.message : String(error)}); was it moved, deleted or changed since you chose it?`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`model file ${file.name} is not valid JSON (${(error as Error).message}); was it truncated or edited?`)
  }
}
