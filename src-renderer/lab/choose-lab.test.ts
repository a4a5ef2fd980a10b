import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { LabApi } from '../../src-worker/protocol'
import { chooseLab } from './choose-lab'

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
const ELECTRON = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) backprop-lab/0.1.0 Chrome/140.0.0.0 Electron/45.5.0 Safari/537.36'
const bridge = { edition: 'desktop' } as LabApi
const browser = { edition: 'browser' } as LabApi

describe('which lab the UI talks to', () => {
  it("the preload's bridge when it exists", () => {
    assert.deepEqual(chooseLab(bridge, ELECTRON, () => browser), { ok: true, lab: bridge })
  })
  it('the engine in a Web Worker in a plain browser', () => {
    assert.deepEqual(chooseLab(undefined, CHROME, () => browser), { ok: true, lab: browser })
  })
  it('inside Electron without the bridge: a named problem, never the browser edition in disguise', () => {
    let made = false
    const choice = chooseLab(undefined, ELECTRON, () => ((made = true), browser))
    assert.deepEqual(choice, { ok: false, problem: 'preload-missing' })
    assert.equal(made, false, 'no Web Worker was started')
  })
})
