import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseState } from '@electron/fuses/dist/constants'
import { checkFuseConfig, checkFuseWire, E2E_FUSE_OVERRIDES, REQUIRED_FUSES } from './fuses'

const build = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).build

describe('Electron fuses (security checklist 19)', () => {
  it("package.json's electronFuses: RunAsNode, NODE_OPTIONS and --inspect off; cookie encryption, asar integrity, asar only on; no file:// extras", () => {
    assert.deepEqual(checkFuseConfig(build.electronFuses), [])
  })
  it('names each fuse that is missing or wrong', () => {
    assert.deepEqual(checkFuseConfig({ ...REQUIRED_FUSES, runAsNode: true, onlyLoadAppFromAsar: undefined }), [
      'build.electronFuses.runAsNode is true, must be false',
      'build.electronFuses.onlyLoadAppFromAsar is undefined, must be true',
    ])
    assert.match(checkFuseConfig(undefined)[0]!, /missing/)
  })
  // Electron 45's wire: 8 fuses, in FuseV1Options order; '0' off, '1' on
  const wire = (bits: string) => Object.fromEntries([...bits].map((b, i) => [i, b === '1' ? FuseState.ENABLE : FuseState.DISABLE]))
  it("accepts a packaged binary whose wire matches, and says which fuse of one that doesn't", () => {
    assert.deepEqual(checkFuseWire(wire('01001100')), [])
    assert.deepEqual(checkFuseWire(wire('11001100')), ["the packaged binary's runAsNode fuse is on, must be off"])
    assert.deepEqual(checkFuseWire({}).length, 7)
  })
  it('the build for Playwright differs only in --inspect, which its Electron launch needs', () => {
    assert.deepEqual(Object.keys(E2E_FUSE_OVERRIDES), ['enableNodeCliInspectArguments'])
    assert.deepEqual(checkFuseWire(wire('01011100'), E2E_FUSE_OVERRIDES), [])
    assert.equal(checkFuseWire(wire('01011100')).length, 1)
  })
})
