import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { devIndexHtml } from './dev-csp'
import { APP_PAGE_URL, CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isOwnPageUrl, rendererPage } from './navigation'

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

describe('our own page (security checklist 13: limit navigation, 18: no file://)', () => {
  const page = APP_PAGE_URL
  it('is app://backprop-lab/index.html when built or packaged, whatever ELECTRON_RENDERER_URL says', () => {
    assert.equal(rendererPage(true, 'http://localhost:5173').url, 'app://backprop-lab/index.html')
    assert.equal(rendererPage(false, undefined).url, 'app://backprop-lab/index.html')
    assert.equal(rendererPage(false, undefined).policy, CONTENT_SECURITY_POLICY)
  })
  it('accepts the built page with a query or hash, and its root', () => {
    assert.equal(isOwnPageUrl(`${page}#runs`, page), true)
    assert.equal(isOwnPageUrl(`${page}?pane=predict`, page), true)
    assert.equal(isOwnPageUrl('app://backprop-lab/', page), true)
    assert.equal(isOwnPageUrl('APP://BACKPROP-LAB/index.html', page), true)
  })
  it('refuses another page of the app, another host of the scheme, and every file:// page', () => {
    assert.equal(isOwnPageUrl('app://backprop-lab/assets/index.js', page), false)
    assert.equal(isOwnPageUrl('app://evil/index.html', page), false)
    assert.equal(isOwnPageUrl('file:///opt/Backprop%20Lab/resources/app.asar/out/renderer/index.html', page), false)
    // Windows: pathToFileURL kept c:, Chromium reports C:; neither is the app's page any more
    assert.equal(isOwnPageUrl('file:///C:/Program%20Files/Backprop%20Lab/resources/app.asar/out/renderer/index.html', page), false)
    assert.equal(isOwnPageUrl('https://example.com/index.html', page), false)
  })
  it("uses electron-vite's dev server, written without a trailing slash, as one origin with its reloads", () => {
    const dev = rendererPage(false, 'http://localhost:5173')
    assert.equal(dev.url, 'http://localhost:5173/')
    assert.equal(dev.policy, DEV_CONTENT_SECURITY_POLICY)
    for (const url of ['http://localhost:5173', 'http://localhost:5173/', 'http://localhost:5173/?t=1', 'http://localhost:5173/src/main.tsx']) {
      assert.equal(isOwnPageUrl(url, dev.url), true, url)
      assert.equal(isOwnPageUrl(url, 'http://localhost:5173'), true, url)
    }
    assert.equal(isOwnPageUrl('http://localhost:5174/', dev.url), false)
    assert.equal(isOwnPageUrl('https://localhost:5173/', dev.url), false)
  })
  it('ignores a dev server that is not http on this machine, and says so', () => {
    for (const url of ['http://example.com:5173', 'https://localhost:5173', 'file:///tmp/index.html', 'http://u:p@localhost:5173', 'nonsense']) {
      const page = rendererPage(false, url)
      assert.equal(page.url, APP_PAGE_URL, url)
      assert.match(page.warning ?? '', /ignored ELECTRON_RENDERER_URL/, url)
    }
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
  it("loosens only what electron-vite dev needs: inline script and style, and the dev server's websocket", () => {
    const loosened = [...directives(DEV_CONTENT_SECURITY_POLICY)].filter((d) => !directives(CONTENT_SECURITY_POLICY).has(d))
    assert.deepEqual(loosened.sort(), ["connect-src 'self' ws://localhost:* ws://127.0.0.1:*", "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'"])
    assert.doesNotMatch(DEV_CONTENT_SECURITY_POLICY, /unsafe-eval|https?:/)
  })
})

describe('index.html under electron-vite dev', () => {
  const html = readFileSync(join(__dirname, '..', 'src-renderer', 'index.html'), 'utf8')
  it("gets the dev policy in its meta tag, so Vite's inline preamble and styles run", () => {
    const dev = devIndexHtml(html)
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(dev)?.[1] ?? ''
    assert.match(meta, /script-src 'self' 'unsafe-inline'/)
    assert.match(meta, /style-src 'self' 'unsafe-inline'/)
    assert.match(meta, /connect-src 'self' ws:\/\/localhost:\*/)
    const withoutPolicy = (page: string) => page.replace(/content="[^"]*default-src[^"]*"/, 'content=""')
    assert.equal(withoutPolicy(dev), withoutPolicy(html), 'nothing else changes')
  })
  it('refuses a page whose tag is missing or was edited away from the built policy', () => {
    assert.throws(() => devIndexHtml('<html></html>'), /no Content-Security-Policy meta tag/)
    assert.throws(() => devIndexHtml(html.replace("object-src 'none'", "object-src *")), /differs/)
  })
})
