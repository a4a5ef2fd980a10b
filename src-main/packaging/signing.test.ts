import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { signingPlan } from './signing'

describe('signing and notarization from the standard environment variables', () => {
  it('an unsigned macOS build is skipped with the reason and the workaround, never failing', () => {
    const plan = signingPlan('darwin', {})
    assert.deepEqual(plan.env, { CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
    assert.match(plan.notes.join('\n'), /not signed \(set CSC_LINK.*xattr -cr/s)
  })
  it('a certificate signs; notarization needs an API key or an Apple ID, each whole', () => {
    assert.deepEqual(signingPlan('darwin', { CSC_LINK: 'cert.p12', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }).args, ['-c.mac.notarize=true'])
    assert.deepEqual(signingPlan('darwin', { CSC_LINK: 'cert.p12', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' }).args, ['-c.mac.notarize=true'])
    const partial = signingPlan('darwin', { CSC_LINK: 'cert.p12', APPLE_ID: 'a@b.c', APPLE_TEAM_ID: '' })
    assert.deepEqual(partial.args, ['-c.mac.notarize=false'])
    assert.match(partial.notes[0]!, /signed, not notarized/)
  })
  it('Windows signs with WIN_CSC_LINK or CSC_LINK, and says so when it does not', () => {
    assert.match(signingPlan('win32', { WIN_CSC_LINK: 'c.pfx' }).notes[0]!, /^Windows: signed/)
    assert.match(signingPlan('win32', {}).notes[0]!, /^Windows: not signed/)
  })
})
