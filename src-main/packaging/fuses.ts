// Electron fuses (security checklist 19), set by electron-builder's "electronFuses" in package.json and
// flipped in the packaged executable. Checked two ways: the config always (here, under Node), and the
// packaged binary's fuse wire wherever one exists (a machine with Electron, after `npm run dist`).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { FuseState } from '@electron/fuses/dist/constants'

/** What the release must have: no Node entry points into the app, its code only from a checked app.asar. */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const

type FuseName = keyof typeof REQUIRED_FUSES

const WIRE_INDEX: Record<FuseName, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
}

/** The fuses a build for Playwright differs in: its Electron launch needs --inspect (playwright.dev/docs/api/class-electron). */
export const E2E_FUSE_OVERRIDES: Partial<Record<FuseName, boolean>> = { enableNodeCliInspectArguments: true }

/** Problems with package.json's build.electronFuses, one line each; empty when it is the required set. */
export function checkFuseConfig(config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return ['package.json build.electronFuses is missing: no fuse would be flipped']
  const set = config as Record<string, unknown>
  return (Object.keys(REQUIRED_FUSES) as FuseName[]).flatMap((name) =>
    set[name] === REQUIRED_FUSES[name] ? [] : [`build.electronFuses.${name} is ${JSON.stringify(set[name])}, must be ${REQUIRED_FUSES[name]}`],
  )
}

/** Problems with a packaged executable's fuse wire (as @electron/fuses reads it), allowing `overrides`. */
export function checkFuseWire(wire: Partial<Record<number, FuseState | string>>, overrides: Partial<Record<FuseName, boolean>> = {}): string[] {
  return (Object.keys(REQUIRED_FUSES) as FuseName[]).flatMap((name) => {
    const want = overrides[name] ?? REQUIRED_FUSES[name]
    const state = wire[WIRE_INDEX[name]]
    const have = state === FuseState.ENABLE ? true : state === FuseState.DISABLE ? false : undefined
    return have === want ? [] : [`the packaged binary's ${name} fuse is ${have === undefined ? 'absent' : have ? 'on' : 'off'}, must be ${want ? 'on' : 'off'}`]
  })
}

/** The packaged executables `npm run dist` leaves in dist/, for this platform. */
export function packagedExecutables(dist: string, platform: NodeJS.Platform = process.platform): string[] {
  const candidates =
    platform === 'linux' ? [join(dist, 'linux-unpacked', 'backprop-lab')]
    : platform === 'win32' ? [join(dist, 'win-unpacked', 'Backprop Lab.exe')]
    : platform === 'darwin' ? ['mac', 'mac-arm64', 'mac-universal'].map((d) => join(dist, d, 'Backprop Lab.app', 'Contents', 'MacOS', 'Backprop Lab'))
    : []
  return candidates.filter((path) => existsSync(path))
}

/** Reads a packaged executable's wire; undefined when it has none (a placeholder, not Electron). */
export async function readFuseWire(executable: string): Promise<Partial<Record<number, FuseState | string>> | undefined> {
  try {
    return (await getCurrentFuseWire(executable)) as unknown as Partial<Record<number, FuseState | string>>
  } catch {
    return undefined
  }
}
