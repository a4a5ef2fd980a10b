// What app.asar must and must not hold (the packaging check's rules), as pure functions over a file list.

/** One file in the archive: path without a leading slash, size in bytes. */
export interface ArchivedFile {
  path: string
  size: number
}

/** Files any working package needs; regexes over archive paths. */
export const REQUIRED: readonly [string, RegExp][] = [
  ['main process', /^out\/main\/index\.js$/],
  ['training worker bundle', /^out\/main\/worker\.js$/],
  ['default digits asset', /^out\/main\/chunks\/mnist-default-[\w-]+\.bin$/],
  ['preload', /^out\/preload\/index\.js$/],
  ['renderer page', /^out\/renderer\/index\.html$/],
  ['renderer script', /^out\/renderer\/assets\/[^/]+\.js$/],
  ['package.json', /^package\.json$/],
]

/** Files over this size must be on the list of expected big files. */
export const BIG_FILE_BYTES = 1024 * 1024
/**
 * Expected past 1 MB: the default digits asset (7.85 MB: 10,000 × 785 bytes + header) and the renderer's
 * main bundle (React + Chart.js + the UI, ~1 MB).
 */
export const EXPECTED_BIG: readonly RegExp[] = [/^out\/main\/chunks\/mnist-default-[\w-]+\.bin$/, /^out\/renderer\/assets\/index-[\w-]+\.js$/]
/** Total budget for app.asar's contents: the data (7.9 MB) plus code with room to spare. */
export const TOTAL_BUDGET_BYTES = 16 * 1024 * 1024

/** Every rule the file list breaks, as plain sentences; empty when the package is right. */
export function checkAsarContents(files: ArchivedFile[]): string[] {
  const problems: string[] = []
  for (const [what, pattern] of REQUIRED) {
    if (!files.some((f) => pattern.test(f.path))) problems.push(`missing the ${what} (${pattern.source})`)
  }
  for (const f of files) {
    if (f.size > BIG_FILE_BYTES && !EXPECTED_BIG.some((p) => p.test(f.path))) problems.push(`unexpected big file ${f.path} (${mb(f.size)})`)
    if (f.path.startsWith('node_modules/')) problems.push(`${f.path}: no runtime dependency is needed (the digits ship as a built asset)`)
    if (/^(src-|e2e\/)/.test(f.path)) problems.push(`${f.path}: source files do not belong in the package`)
  }
  const total = files.reduce((sum, f) => sum + f.size, 0)
  if (total > TOTAL_BUDGET_BYTES) problems.push(`contents total ${mb(total)}, over the ${mb(TOTAL_BUDGET_BYTES)} budget`)
  return problems
}

export function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MB`
}
