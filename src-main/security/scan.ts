// `npm run test:security`: @doyensec/electronegativity, offline, over the desktop app's source (src-main and
// src-renderer, tests left out). Fails on any HIGH or MEDIUM finding that no `security-scan:` comment justifies.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BLOCKING, justification, parseFindings, type Finding } from './findings'

const ROOT = resolve(__dirname, '..', '..')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
const SCANNED = ['src-main', 'src-renderer']
const isTestFile = (path: string) => /\.test\.tsx?$|[\\/]test-doubles([\\/]|$)/.test(path)

/** Thrown to end the check; the temp folder is removed on the way out, then the process exits 1. */
function fail(message: string): never {
  throw new Error(message)
}

function runElectronegativity(stage: string, report: string): void {
  const bin = join(ROOT, 'node_modules', '.bin', 'electronegativity')
  // -e: the version is given, so the tool needs no network (it still tries to fetch release notes and says so)
  const args = ['-i', stage, '-r', '-e', ELECTRON_VERSION, '-v', 'false', '-o', report]
  const result = spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  if (result.error || result.status !== 0 || !existsSync(report)) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    fail(`electronegativity ${result.error ? result.error.message : `exited with code ${result.status}`} and wrote no report`)
  }
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'bpl-security-'))
  try {
    const stage = join(work, 'app')
    for (const dir of SCANNED) cpSync(join(ROOT, dir), join(stage, dir), { recursive: true, filter: (src) => !isTestFile(src) })
    const report = join(work, 'report.csv')
    runElectronegativity(stage, report)
    const findings = parseFindings(readFileSync(report, 'utf8'))
    const sourceOf = (f: Finding) => {
      const path = join(ROOT, f.file)
      return f.file === 'N/A' || !existsSync(path) ? undefined : readFileSync(path, 'utf8').split('\n')
    }
    const judged = findings.map((f) => ({ f, why: justification(f, sourceOf(f)) }))
    console.log(`electronegativity ${ELECTRON_VERSION === '' ? '' : `(Electron ${ELECTRON_VERSION}) `}over ${SCANNED.join(', ')}: ${findings.length} finding(s)`)
    for (const { f, why } of judged) {
      const where = f.file === 'N/A' ? 'whole app' : `${f.file}:${f.line}`
      const verdict = why ? `justified: ${why}` : BLOCKING.has(f.severity) ? 'NOT JUSTIFIED' : 'below MEDIUM, reported only'
      console.log(`  ${f.severity.padEnd(6)} ${f.check} at ${where}: ${f.description} → ${verdict}`)
    }
    const blocking = judged.filter(({ f, why }) => BLOCKING.has(f.severity) && !why)
    if (blocking.length > 0) {
      fail(`${blocking.length} HIGH/MEDIUM finding(s) without a \`// security-scan: CHECK_ID — why\` comment next to the code; fix or justify them`)
    }
    console.log(`test:security passed: no unjustified HIGH or MEDIUM findings (${judged.filter(({ why }) => why).length} justified)`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

try {
  main()
} catch (error) {
  console.error(`test:security FAILED: ${(error as Error).message}`)
  process.exit(1)
}
