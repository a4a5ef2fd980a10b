// `npm run dist` (after `electron-vite build`): installers for the current OS with the targets in
// package.json "build" (Linux deb, Windows nsis, macOS dmg), with the fuses flipped and signing from the
// environment (signing.ts). Never publishes. `--e2e`: the unpacked app only, in dist-e2e/, with the one fuse
// Playwright's Electron launch needs (fuses.ts E2E_FUSE_OVERRIDES) — for the e2e, never for release.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { E2E_FUSE_OVERRIDES } from './fuses'
import { signingPlan } from './signing'

const ROOT = resolve(__dirname, '..', '..')
const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = { linux: '--linux', win32: '--win', darwin: '--mac' }

const flag = PLATFORM_FLAG[process.platform]
if (!flag) {
  console.error(`npm run dist: electron-builder makes installers for Linux, Windows and macOS, not ${process.platform}`)
  process.exit(1)
}
const e2e = process.argv.includes('--e2e')
const rest = process.argv.slice(2).filter((a) => a !== '--e2e')
const signing = signingPlan(process.platform, process.env)
const e2eArgs = e2e ? ['--dir', '-c.directories.output=dist-e2e', ...Object.entries(E2E_FUSE_OVERRIDES).map(([fuse, on]) => `-c.electronFuses.${fuse}=${on}`)] : []
const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder')
const args = [flag, '--publish', 'never', ...e2eArgs, ...(e2e ? [] : signing.args), ...rest]
console.log(`npm run dist: electron-builder ${args.join(' ')} → ${e2e ? 'dist-e2e/ (for the Electron e2e only)' : 'dist/'}`)
if (!e2e) for (const note of signing.notes) console.log(`  ${note}`)
console.log('  electron-builder downloads the Electron release and its packaging tools (fpm, NSIS) on first use;')
console.log('  on a machine without that access only `npm run test:package` (a folder with a placeholder executable) works.')
const result = spawnSync(bin, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...(e2e ? { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } : signing.env) }, shell: process.platform === 'win32' })
if (result.error || result.status !== 0) {
  console.error(`npm run dist: electron-builder ${result.error ? `could not run (${result.error.message})` : `failed with exit code ${result.status}`}; see its output above`)
  process.exit(1)
}
console.log(`npm run dist: done; ${e2e ? 'the unpacked app is in dist-e2e/' : 'installers are in dist/'}`)
