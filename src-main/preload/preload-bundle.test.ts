import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const BUILT = join(resolve(__dirname, '..', '..'), 'out', 'preload', 'index.js')
const missing = existsSync(BUILT) ? undefined : `${BUILT} does not exist: run \`npx electron-vite build\` first`
if (missing) console.log(`SKIP built preload checks: ${missing}`)

describe('the built preload (out/preload/index.js) keeps to what a sandboxed preload may do', { skip: missing }, () => {
  const code = missing ? '' : readFileSync(BUILT, 'utf8')

  it("is CommonJS and requires nothing but 'electron' (a sandboxed preload cannot load node:* or files)", () => {
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    assert.deepEqual([...new Set(required)], ['electron'])
    assert.doesNotMatch(code, /^\s*(import|export)\s/m, 'no ES module syntax')
  })

  it("exposes exactly one global, 'lab', and never ipcRenderer itself", () => {
    assert.deepEqual([...code.matchAll(/exposeInMainWorld\(\s*["'`](\w+)["'`]/g)].map((m) => m[1]), ['lab'])
    assert.doesNotMatch(code, /exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/)
  })

  it('uses only lab: channels', () => {
    const channels = [...code.matchAll(/["'`]([a-z]+:[a-z-]+)["'`]/g)].map((m) => m[1]!)
    assert.ok(channels.length >= 8, `found channels: ${channels.join(', ')}`)
    assert.deepEqual(channels.filter((c) => !c.startsWith('lab:')), [])
  })
})
