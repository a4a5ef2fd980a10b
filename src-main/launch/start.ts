// `npm start` (after `electron-vite build`): launch the desktop app, or get the Electron binary first,
// or say exactly what to run. Never hangs: the installer has a time limit.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { findElectronBinary, INSTALL_HINT, noSandboxReason, sandboxFacts } from './electron-binary'

const ROOT = resolve(__dirname, '..', '..')
const INSTALL_TIMEOUT_MS = 180_000

function fail(message: string): never {
  console.error(`npm start: ${message}`)
  process.exit(1)
}

function installElectron(): void {
  console.log(`npm start: no Electron binary yet; running \`npx install-electron\` (time limit ${INSTALL_TIMEOUT_MS / 1000} s)…`)
  const result = spawnSync('npx', ['--no', 'install-electron'], { cwd: ROOT, stdio: 'inherit', timeout: INSTALL_TIMEOUT_MS, shell: process.platform === 'win32' })
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `it exited with code ${result.status}`
    fail(`could not install the Electron binary (${why}).\n${INSTALL_HINT}`)
  }
}

function main(): void {
  const entry = join(ROOT, 'out', 'main', 'index.js')
  if (!existsSync(entry)) fail(`${entry} is missing: run \`npx electron-vite build\` first (npm start does that).`)
  let binary = findElectronBinary()
  if (!binary.found) {
    console.log(`npm start: ${binary.reason}`)
    installElectron()
    binary = findElectronBinary()
    if (!binary.found) fail(`the installer finished but ${binary.reason}.\n${INSTALL_HINT}`)
  }
  const args = ['.']
  const noSandbox = noSandboxReason(sandboxFacts(binary.path))
  if (noSandbox) {
    // A development launch of this checkout's own code; the renderer's sandbox: true (no Node, no OS access
    // from the page) is a different setting and stays on. The installed .deb keeps Chromium's sandbox.
    console.log(`npm start: Electron gets --no-sandbox because ${noSandbox}`)
    args.push('--no-sandbox')
  }
  console.log(`npm start: ${binary.path} ${args.join(' ')}`)
  const child = spawn(binary.path, args, { cwd: ROOT, stdio: 'inherit' })
  child.on('error', (error) => fail(`could not launch ${binary.path}: ${error.message}`))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

main()
