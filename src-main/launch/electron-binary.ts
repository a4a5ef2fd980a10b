// Finds the Electron executable WITHOUT require('electron'): with electron ≥ 42 that require starts a
// download, and without a binary it throws (TOOLCHAIN.md §5). Used by `npm start` and the Electron e2e spec.
import { existsSync, readFileSync, statSync } from 'node:fs'
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

export interface SandboxFacts {
  platform: NodeJS.Platform
  uid: number | undefined
  /** owner and mode of node_modules/electron/dist/chrome-sandbox, when it exists */
  chromeSandbox?: { uid: number; mode: number }
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns is 1 (Ubuntu ≥ 23.10) */
  userNamespacesRestricted: boolean
}

/**
 * Why Electron must be started with --no-sandbox on this machine, or undefined when its OS sandbox can run.
 * On Linux, Chromium needs either unprivileged user namespaces or a SUID-root chrome-sandbox helper; npm
 * installs the helper without SUID, and Ubuntu ≥ 23.10 restricts the namespaces (electron/electron#42510),
 * so a normal user's `npm start` would abort there. The installed .deb is not affected: it ships a SUID
 * helper and an AppArmor profile. The renderer's own sandbox (sandbox: true, no Node) stays on regardless.
 */
export function noSandboxReason(facts: SandboxFacts): string | undefined {
  if (facts.platform !== 'linux') return undefined
  if (facts.uid === 0) return 'running as root: Chromium refuses its OS sandbox as root'
  const helper = facts.chromeSandbox
  const suidRoot = !!helper && helper.uid === 0 && (helper.mode & 0o4000) !== 0
  if (suidRoot || !facts.userNamespacesRestricted) return undefined
  return (
    'this Linux restricts unprivileged user namespaces (AppArmor) and node_modules/electron/dist/chrome-sandbox is not SUID root, ' +
    'so Chromium cannot sandbox itself. To keep the sandbox: sudo chown root:root node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 node_modules/electron/dist/chrome-sandbox'
  )
}

/** The facts of this machine for noSandboxReason. */
export function sandboxFacts(electronPath?: string): SandboxFacts {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8').trim()
    } catch {
      return undefined
    }
  }
  let chromeSandbox: SandboxFacts['chromeSandbox']
  if (electronPath) {
    try {
      const stat = statSync(join(dirname(electronPath), 'chrome-sandbox'))
      chromeSandbox = { uid: stat.uid, mode: stat.mode }
    } catch {
      chromeSandbox = undefined
    }
  }
  return { platform: process.platform, uid: process.getuid?.(), chromeSandbox, userNamespacesRestricted: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1' }
}
