// Finds the Electron executable WITHOUT require('electron'): with electron ≥ 42 that require starts a
// download, and without a binary it throws (TOOLCHAIN.md §5). Used by `npm start` and the Electron e2e spec.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string }

/** Mirrors node_modules/electron/index.js: path.txt names the executable under dist/, or under ELECTRON_OVERRIDE_DIST_PATH. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, packageJson = createRequire(__filename).resolve('electron/package.json')): ElectronBinary {
  const root = dirname(packageJson)
  const pathFile = join(root, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, relative || 'electron')
    return existsSync(path) ? { found: true, path } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` }
  }
  if (!relative) return { found: false, reason: `${pathFile} does not exist: the Electron binary was never downloaded` }
  const path = join(root, 'dist', relative)
  return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} (named by path.txt) does not exist` }
}

/** How to get the binary, said the same way everywhere. */
export const INSTALL_HINT =
  'Install it with `npx install-electron` (Electron ≥ 42 downloads its binary on demand) on a machine that can reach the Electron release downloads (github.com), then run the command again.'

/** Chromium's sandbox refuses to run as root on Linux; Electron then needs --no-sandbox for the browser process. */
export function needsNoSandbox(platform = process.platform, uid = process.getuid?.()): boolean {
  return platform === 'linux' && uid === 0
}
