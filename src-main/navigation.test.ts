import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isOwnPageUrl } from './navigation'

describe('external links (security checklist 15: openExternal only for trusted URLs)', () => {
  it('opens https links to allowlisted hosts', () => {
    assert.equal(isAllowedExternalUrl('https://github.com/oreilly-japan/deep-learning-from-scratch'), true)
  })
  const refused = [
    'http://github.com/', // plain http
    'https://github.com.evil.example/', // look-alike host
    'https://user:pw@github.com/', // credentials
    'https://github.com:8443/', // odd port
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://github.com/share',
    'not a url',
  ]
  for (const url of refused) it(`refuses ${url}`, () => assert.equal(isAllowedExternalUrl(url), false))
})

describe('our own page (security checklist 13: limit navigation)', () => {
  const page = 'file:///opt/Backprop%20Lab/resources/app.asar/out/renderer/index.html'
  it('accepts the built page with a query or hash', () => {
    assert.equal(isOwnPageUrl(`${page}#runs`, page), true)
    assert.equal(isOwnPageUrl(`${page}?pane=predict`, page), true)
  })
  it('refuses another local file and any web page', () => {
    assert.equal(isOwnPageUrl('file:///opt/Backprop%20Lab/resources/app.asar/out/renderer/other.html', page), false)
    assert.equal(isOwnPageUrl('https://example.com/index.html', page), false)
  })
  it('accepts the dev server origin only', () => {
    assert.equal(isOwnPageUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/'), true)
    assert.equal(isOwnPageUrl('http://localhost:5174/', 'http://localhost:5173/'), false)
  })
})

describe('Content-Security-Policy (security checklist 7)', () => {
  const directives = (csp: string) => new Set(csp.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean))
  it("the session header and index.html's meta tag hold the same directives (frame-ancestors is header-only)", () => {
    const html = readFileSync(join(__dirname, '..', 'src-renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    assert.ok(meta, 'src-renderer/index.html has a CSP meta tag')
    const header = [...directives(CONTENT_SECURITY_POLICY)].filter((d) => !d.startsWith('frame-ancestors'))
    assert.deepEqual(new Set(header), directives(meta))
  })
  it("allows scripts only from the app itself: no 'unsafe-inline', no 'unsafe-eval', no remote hosts", () => {
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:/)
  })
})
