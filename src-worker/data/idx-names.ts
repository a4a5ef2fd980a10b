// Which of a folder's (or a file picker's) files are MNIST's four IDX files: one rule for the CLI, the desktop
// and the browser. A file matches by name, raw or .gz, `-idx` also spelled `.idx`, any letter case. When more
// than one file matches the same name (`train-images-idx3-ubyte` beside `train-images-idx3-ubyte.gz`), the lab
// refuses and names them both: the two may differ (a fresh download beside an old copy) and the lab cannot
// know which one the user meant, so it reads neither rather than guess.
import type { IdxFiles } from '../protocol'
import { sizeText } from '../session/validate'

/** The canonical name of each file. */
export const IDX_FILE_NAMES: Record<keyof IdxFiles, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
}

/** Full MNIST gzipped is ~11 MB, raw ~55 MB (47 MB the largest file); a larger file is not an MNIST IDX file. */
export const MAX_IDX_FILE_BYTES = 64 * 1024 * 1024

/** Whether `fileName` is the canonical IDX name: raw or .gz, `-idx` or `.idx`, any case. */
export function isIdxName(fileName: string, canonical: string): boolean {
  return fileName.toLowerCase().replace(/\.gz$/, '').replace('.idx', '-idx') === canonical
}

/** The four files' names picked from `names`, or what is missing and what is ambiguous. */
export type IdxChoice =
  | { ok: true; names: Record<keyof IdxFiles, string> }
  | { ok: false; missing: string[]; ambiguous: string[][] }

export function chooseIdxNames(names: readonly string[]): IdxChoice {
  const chosen: Partial<Record<keyof IdxFiles, string>> = {}
  const missing: string[] = []
  const ambiguous: string[][] = []
  for (const [key, canonical] of Object.entries(IDX_FILE_NAMES) as [keyof IdxFiles, string][]) {
    const matches = names.filter((name) => isIdxName(name, canonical))
    if (matches.length === 0) missing.push(`${canonical}[.gz]`)
    else if (matches.length > 1) ambiguous.push([...matches].sort())
    else chosen[key] = matches[0]
  }
  return missing.length === 0 && ambiguous.length === 0 ? { ok: true, names: chosen as Record<keyof IdxFiles, string> } : { ok: false, missing, ambiguous }
}

/** The refusal for ambiguous names; `subject` is e.g. "folder /x holds" or "the chosen files include". */
export function ambiguityText(ambiguous: string[][], subject: string): string {
  const groups = ambiguous.map((group) => group.join(' and ')).join('; ')
  return `${subject} both ${groups}: the lab reads one file of each name and cannot tell which you meant (they may differ), so keep only one of them`
}

/** "a.gz is 70 MB, too large …" when a file is larger than any MNIST IDX file; null when the size is fine. */
export function idxSizeProblem(fileName: string, size: number): string | null {
  if (size <= MAX_IDX_FILE_BYTES) return null
  return `${fileName} is ${sizeText(size, MAX_IDX_FILE_BYTES)}, more than an MNIST IDX file can be (${MAX_IDX_FILE_BYTES / 2 ** 20} MB)`
}
