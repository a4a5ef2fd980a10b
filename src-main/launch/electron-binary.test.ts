import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary, noSandboxReason } from './electron-binary'

let dir: string
let pkg: string
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bpl-electron-'))
  pkg = join(dir, 'package.json')
  await writeFile(pkg, '{}')
})
after(() => rm(dir, { recursive: true, force: true }))

describe('finding the Electron binary without require("electron")', () => {
  it('reports a missing path.txt as never downloaded', () => {
    const result = findElectronBinary({}, pkg)
    assert.ok(!result.found && /path\.txt does not exist/.test(result.reason))
  })

  it('reports a path.txt whose executable is missing', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron')
    const result = findElectronBinary({}, pkg)
    assert.ok(!result.found && result.reason.includes(join(dir, 'dist', 'electron')))
  })

  it('finds dist/<path.txt> when it exists', async () => {
    await mkdir(join(dir, 'dist'), { recursive: true })
    await writeFile(join(dir, 'dist', 'electron'), '')
    assert.deepEqual(findElectronBinary({}, pkg), { found: true, path: join(dir, 'dist', 'electron') })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const result = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'elsewhere') }, pkg)
    assert.ok(!result.found && /ELECTRON_OVERRIDE_DIST_PATH is set but .*elsewhere/.test(result.reason))
  })

  it('asks for --no-sandbox as root on Linux, and never on macOS or Windows', () => {
    assert.match(noSandboxReason({ platform: 'linux', uid: 0, userNamespacesRestricted: false }) ?? '', /as root/)
    assert.equal(noSandboxReason({ platform: 'darwin', uid: 0, userNamespacesRestricted: true }), undefined)
    assert.equal(noSandboxReason({ platform: 'win32', uid: undefined, userNamespacesRestricted: true }), undefined)
  })
  it('keeps the sandbox for a normal user where unprivileged user namespaces work', () => {
    assert.equal(noSandboxReason({ platform: 'linux', uid: 1000, chromeSandbox: { uid: 1000, mode: 0o100755 }, userNamespacesRestricted: false }), undefined)
  })
  it('keeps it on Ubuntu 24.04 when chrome-sandbox is SUID root', () => {
    assert.equal(noSandboxReason({ platform: 'linux', uid: 1000, chromeSandbox: { uid: 0, mode: 0o104755 }, userNamespacesRestricted: true }), undefined)
  })
  it("says why and how to fix it on Ubuntu 24.04 with npm's non-SUID chrome-sandbox", () => {
    for (const chromeSandbox of [{ uid: 1000, mode: 0o100755 }, { uid: 0, mode: 0o100755 }, undefined]) {
      const reason = noSandboxReason({ platform: 'linux', uid: 1000, chromeSandbox, userNamespacesRestricted: true })
      assert.match(reason ?? '', /restricts unprivileged user namespaces.*sudo chmod 4755/)
    }
  })
})
