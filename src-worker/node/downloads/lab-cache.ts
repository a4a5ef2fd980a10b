// Where the lab keeps downloaded data sets: the desktop app's user-data folder + datasets/<name>/, worked out
// without Electron so the CLI writes where the app will look (issue 13 §1).
//
// Electron's app.getPath('userData') is app.getPath('appData') + app.name (electron.d.ts, App.getName/getPath):
//   appData: Windows %APPDATA%, Linux $XDG_CONFIG_HOME or ~/.config, macOS ~/Library/Application Support;
//   app.name: package.json's productName, else its name.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import type { DownloadableDataset } from '../../datasets'

export interface PlatformInfo {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  home: string
}

/** Electron's app.name for a package.json: productName, else name. */
export function appName(pkg: { productName?: unknown; name?: unknown }): string {
  const name = typeof pkg.productName === 'string' && pkg.productName !== '' ? pkg.productName : pkg.name
  if (typeof name !== 'string' || name === '') throw new Error('package.json has neither productName nor name')
  return name
}

/** app.getPath('userData') for `name` on `platform`, as Electron computes it. */
export function userDataFolder(name: string, { platform, env, home }: PlatformInfo): string {
  const nonEmpty = (v: string | undefined) => (v !== undefined && v !== '' ? v : undefined)
  if (platform === 'win32') return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), name)
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', name)
  return posix.join(nonEmpty(env.XDG_CONFIG_HOME) ?? posix.join(home, '.config'), name)
}

/** <userData>/datasets/<dataset>: the four .gz files under their original names. */
export function datasetCacheFolder(userData: string, dataset: DownloadableDataset): string {
  return join(userData, 'datasets', dataset)
}

/** This checkout's package.json, the one the desktop app is built from. */
export const PACKAGE_JSON = join(__dirname, '..', '..', '..', 'package.json')

/** The desktop app's user-data folder on this machine, for the CLI (in the app, use app.getPath('userData')). */
export function labUserDataFolder(): string {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as Record<string, unknown>
  return userDataFolder(appName(pkg), { platform: process.platform, env: process.env, home: homedir() })
}
