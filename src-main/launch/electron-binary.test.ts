import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary, needsNoSandbox } from './electron-binary'

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

  it('asks for --no-sandbox only as root on Linux', () => {
    assert.equal(needsNoSandbox('linux', 0), true)
    assert.equal(needsNoSandbox('linux', 1000), false)
    assert.equal(needsNoSandbox('darwin', 0), false)
  })
})
