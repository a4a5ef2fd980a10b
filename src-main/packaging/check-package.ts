// `npm run test:package`: builds the Linux package folder with electron-builder (using a PLACEHOLDER
// Electron executable, since no Electron binary exists here), then checks app.asar's contents and trains
// with the packaged worker bundle under plain Node. Needs `npx electron-vite build` first.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { extractAll, getRawHeader } from '@electron/asar'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { TrainingHost } from '../training-host'
import { checkAsarContents, mb, TOTAL_BUDGET_BYTES, type ArchivedFile } from './asar-contents'
import { checkFuseConfig, checkFuseWire, E2E_FUSE_OVERRIDES, packagedExecutables, readFuseWire } from './fuses'

const ROOT = resolve(__dirname, '..', '..')
const BUILD_TIMEOUT_MS = 120_000

/** Thrown to end the check; the temp folder is removed on the way out, then the process exits 1. */
function fail(message: string): never {
  throw new Error(message)
}

interface HeaderNode {
  files?: Record<string, HeaderNode>
  size?: number
  unpacked?: boolean
}

/** Every file in the archive's header with its size. */
function archivedFiles(node: HeaderNode, prefix = ''): ArchivedFile[] {
  return Object.entries(node.files ?? {}).flatMap(([name, child]) =>
    child.files ? archivedFiles(child, `${prefix}${name}/`) : [{ path: `${prefix}${name}`, size: child.size ?? 0 }],
  )
}

/** package.json's "build": electron-builder's config, read once. */
let buildConfig: Record<string, unknown> | undefined
function builderConfig(): Record<string, unknown> {
  buildConfig ??= (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { build: Record<string, unknown> }).build
  return buildConfig
}

function buildPackage(work: string): string {
  const electronDist = join(work, 'placeholder-electron')
  mkdirSync(electronDist)
  const placeholder = join(electronDist, 'electron')
  writeFileSync(placeholder, '#!/bin/sh\necho "placeholder from src-main/packaging/check-package.ts: not Electron" >&2\nexit 1\n')
  chmodSync(placeholder, 0o755)
  console.log(`NOTE: the package's executable is a placeholder shell script (${placeholder}), not Electron:`)
  console.log('      the package built here is NOT launchable; this check covers its file set and its worker only.')
  const output = join(work, 'dist')
  const env = { ...process.env, ...(existsSync('/usr/bin/7za') ? { ELECTRON_BUILDER_7ZIP_PATH: '/usr/bin/7za' } : {}) }
  const bin = join(ROOT, 'node_modules', '.bin', 'electron-builder')
  // Fuses are flipped in the Electron executable, which a placeholder lacks: this build leaves them out,
  // and checkFuses (fuses.ts) checks the config here and the packaged binary's fuse wire where one exists.
  const { electronFuses: _fuses, ...config } = builderConfig()
  const configFile = join(work, 'electron-builder.json')
  writeFileSync(configFile, JSON.stringify(config))
  const args = ['--linux', 'dir', '--publish', 'never', `--config=${configFile}`, `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`]
  console.log(`$ electron-builder ${args.join(' ')}`)
  const result = spawnSync(bin, args, { cwd: ROOT, env, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS })
  if (result.error || result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    fail(`electron-builder ${result.error ? result.error.message : `exited with code ${result.status}`}`)
  }
  const asar = join(output, 'linux-unpacked', 'resources', 'app.asar')
  if (!existsSync(asar)) fail(`electron-builder finished but ${asar} does not exist`)
  return asar
}

/** Trains a short run with the packaged worker and data, through the same host the app uses. */
async function trainWithPackagedWorker(extracted: string, dataPath: string): Promise<string> {
  const iterations = 120
  const events: string[] = []
  let losses = 0
  return new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`no 'done' within 60 s; events: ${events.join(', ')}`))), 60_000)
    const host = new TrainingHost({
      createWorker: () => new Worker(join(extracted, 'out', 'main', 'worker.js'), { workerData: { defaultDataPath: dataPath } }),
      send: (event) => {
        events.push(event.type)
        if (event.type === 'progress') losses += event.losses.length
        if (event.type === 'failed' || event.type === 'rejected') finish(() => reject(new Error(`the packaged worker said ${JSON.stringify(event)}`)))
        if (event.type === 'done') {
          const ok = event.reason === 'completed' && losses === iterations
          const text = `done after ${event.summary.iterations} iterations (${losses} losses streamed), test accuracy ${event.summary.testAccuracy.toFixed(3)}`
          finish(() => (ok ? resolvePromise(text) : reject(new Error(`unexpected end: ${text}`))))
        }
      },
    })
    const finish = (settle: () => void) => {
      clearTimeout(timer)
      void host.dispose().then(settle)
    }
    host.rendererReady()
    host.command({ type: 'start', settings: { ...BOOK_SETTINGS, hiddenSize: 10, iterations } })
  })
}

/** The fuse config always; the fuse wire of every packaged executable that exists (dist/, dist-e2e/). */
async function checkFuses(): Promise<void> {
  const config = checkFuseConfig(builderConfig().electronFuses)
  if (config.length > 0) fail(`the fuses are not right:\n  - ${config.join('\n  - ')}`)
  console.log('fuses: package.json build.electronFuses is the required set (fuses.ts)')
  let read = 0
  for (const [folder, overrides] of [['dist', {}], ['dist-e2e', E2E_FUSE_OVERRIDES]] as const) {
    for (const executable of packagedExecutables(join(ROOT, folder))) {
      const wire = await readFuseWire(executable)
      if (!wire) continue // a placeholder, not Electron
      const problems = checkFuseWire(wire, overrides)
      if (problems.length > 0) fail(`${executable}:\n  - ${problems.join('\n  - ')}`)
      console.log(`fuses: ${executable}'s fuse wire is right${folder === 'dist-e2e' ? ' (the e2e build: --inspect on for Playwright)' : ''}`)
      read++
    }
  }
  if (read === 0) console.log('fuses: no packaged Electron executable in dist/ or dist-e2e/ here, so no fuse wire was read (the release workflow reads it after `npm run dist`)')
}

async function main(): Promise<void> {
  for (const built of ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.js', 'out/renderer/index.html']) {
    if (!existsSync(join(ROOT, built))) fail(`${built} is missing: run \`npx electron-vite build\` first`)
  }
  const started = Date.now()
  const work = mkdtempSync(join(tmpdir(), 'bpl-package-'))
  try {
    const asar = buildPackage(work)
    const files = archivedFiles(getRawHeader(asar).header as HeaderNode)
    const total = files.reduce((sum, f) => sum + f.size, 0)
    console.log(`app.asar: ${files.length} files, ${mb(total)} (budget ${mb(TOTAL_BUDGET_BYTES)}); biggest:`)
    for (const f of [...files].sort((a, b) => b.size - a.size).slice(0, 5)) console.log(`  ${mb(f.size).padStart(9)}  ${f.path}`)
    const problems = checkAsarContents(files)
    if (problems.length > 0) fail(`app.asar is not right:\n  - ${problems.join('\n  - ')}`)

    // Extract into a temp folder with no node_modules above it: the worker must need nothing but the package.
    const extracted = join(work, 'extracted')
    extractAll(asar, extracted)
    const mainJs = readFileSync(join(extracted, 'out', 'main', 'index.js'), 'utf8')
    const dataFile = /chunks\/mnist-default-[\w-]+\.bin/.exec(mainJs)?.[0]
    if (!dataFile || !existsSync(join(extracted, 'out', 'main', dataFile))) fail(`the packaged main process does not point at a packaged data asset (found ${dataFile})`)
    // main imports it with ?asset&asarUnpack: the path it computes points into app.asar.unpacked
    if (!mainJs.includes('"app.asar", "app.asar.unpacked"')) fail('the packaged main process does not redirect the data asset to app.asar.unpacked')
    const unpackedData = join(`${asar}.unpacked`, 'out', 'main', dataFile)
    if (!existsSync(unpackedData)) fail(`${unpackedData} is missing: the data asset must be unpacked next to app.asar (build.asarUnpack)`)
    console.log(`packaged main loads the data from app.asar.unpacked/out/main/${dataFile}`)
    console.log(`packaged worker: ${await trainWithPackagedWorker(extracted, unpackedData)}`)
    await checkFuses()
    console.log(`test:package passed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: Error) => {
  console.error(`test:package FAILED: ${error.message}`)
  process.exit(1)
})
