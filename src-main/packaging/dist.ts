// `npm run dist` (after `electron-vite build`): installers for the current OS with the targets in
// package.json "build" (Linux AppImage + deb, Windows nsis, macOS dmg). Never publishes.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')
const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = { linux: '--linux', win32: '--win', darwin: '--mac' }

const flag = PLATFORM_FLAG[process.platform]
if (!flag) {
  console.error(`npm run dist: electron-builder makes installers for Linux, Windows and macOS, not ${process.platform}`)
  process.exit(1)
}
const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder')
const args = [flag, '--publish', 'never', ...process.argv.slice(2)]
console.log(`npm run dist: electron-builder ${args.join(' ')} → dist/`)
console.log('  electron-builder downloads the Electron release and its packaging tools (AppImage, fpm, NSIS) on first use;')
console.log('  on a machine without that access only `npm run test:package` (a folder with a placeholder executable) works.')
const result = spawnSync(bin, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' })
if (result.error || result.status !== 0) {
  console.error(`npm run dist: electron-builder ${result.error ? `could not run (${result.error.message})` : `failed with exit code ${result.status}`}; see its output above`)
  process.exit(1)
}
console.log('npm run dist: done; installers are in dist/')
