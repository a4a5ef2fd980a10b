import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path, { join } from 'node:path'
import { createAppProtocolHandler, resolveAppFile } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './navigation'

describe('app:// file resolution (security checklist 18: the page reaches its own files only)', () => {
  const root = '/opt/Backprop Lab/resources/app.asar/out/renderer'
  it('maps the page, its root and its assets to files under the renderer folder, with their types', () => {
    assert.deepEqual(resolveAppFile('GET', 'app://backprop-lab/index.html', root), { ok: true, path: `${root}/index.html`, contentType: 'text/html; charset=utf-8' })
    assert.deepEqual(resolveAppFile('GET', 'app://backprop-lab/', root), { ok: true, path: `${root}/index.html`, contentType: 'text/html; charset=utf-8' })
    assert.equal(resolveAppFile('GET', 'app://backprop-lab/assets/index-Dt9B88nY.js?v=1#x', root).ok && 'js', 'js')
    const js = resolveAppFile('GET', 'app://backprop-lab/assets/index-Dt9B88nY.js', root)
    assert.deepEqual(js, { ok: true, path: `${root}/assets/index-Dt9B88nY.js`, contentType: 'text/javascript; charset=utf-8' })
    const wasm = resolveAppFile('HEAD', 'app://backprop-lab/assets/net.wasm', root)
    assert.equal(wasm.ok && wasm.contentType, 'application/wasm')
    const spaced = resolveAppFile('GET', 'app://backprop-lab/assets/a%20b.css', root)
    assert.equal(spaced.ok && spaced.path, `${root}/assets/a b.css`)
  })
  const refused: [string, number][] = [
    ['app://backprop-lab/assets%2f..%2f..%2fsecret.js', 403],
    ['app://backprop-lab/..%5c..%5csecret.js', 400],
    ['app://backprop-lab/C:/Windows/win.ini.js', 400],
    ['app://backprop-lab/index.html%00.js', 400],
    ['app://backprop-lab/%E0%A4%A', 400],
    ['app://backprop-lab/etc/shadow', 404], // no extension: not a kind of file the app serves
    ['app://backprop-lab/secret.sh', 404],
    ['app://other-host/index.html', 404],
    ['file:///etc/passwd', 404],
  ]
  for (const [url, status] of refused) {
    it(`refuses ${url} with ${status}`, () => {
      const file = resolveAppFile('GET', url, root)
      assert.equal(file.ok, false)
      assert.equal(!file.ok && file.status, status)
    })
  }
  it('resolves literal and encoded dot segments inside the folder: the URL parser removes them first', () => {
    for (const url of ['app://backprop-lab/../../../etc/passwd.json', 'app://backprop-lab/%2e%2e/%2e%2e/etc/passwd.json', 'app://backprop-lab/assets/./../etc/passwd.json']) {
      const file = resolveAppFile('GET', url, root)
      assert.equal(file.ok && file.path, `${root}/etc/passwd.json`, url)
    }
  })
  it('refuses anything but GET and HEAD', () => {
    const file = resolveAppFile('POST', 'app://backprop-lab/index.html', root)
    assert.equal(!file.ok && file.status, 405)
  })
  it('keeps Windows paths inside the app folder, whatever the case of the drive letter', () => {
    for (const winRoot of ['c:\\Program Files\\Backprop Lab\\resources\\app.asar\\out\\renderer', 'C:\\Program Files\\Backprop Lab\\resources\\app.asar\\out\\renderer']) {
      const page = resolveAppFile('GET', 'app://backprop-lab/assets/index.js', winRoot, path.win32)
      assert.deepEqual(page, { ok: true, path: `${winRoot}\\assets\\index.js`, contentType: 'text/javascript; charset=utf-8' })
      for (const url of ['app://backprop-lab/%2e%2e%2f..%2fwin.ini.js', 'app://backprop-lab/..%5Cwin.ini.js', 'app://backprop-lab/D:%5Cwin.ini.js', 'app://backprop-lab/d:/x.js']) {
        assert.equal(resolveAppFile('GET', url, winRoot, path.win32).ok, false, url)
      }
    }
  })
})

describe('app:// responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bpl-app-protocol-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Backprop Lab</title>')
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {}')
  const handle = createAppProtocolHandler(dir, CONTENT_SECURITY_POLICY)

  it('serves the page with its CSP as a header, its type and nosniff', async () => {
    const response = await handle(new Request('app://backprop-lab/index.html'))
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY)
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(await response.text(), '<!doctype html><title>Backprop Lab</title>')
  })
  it('serves module scripts as JavaScript (Chromium refuses a module of any other type)', async () => {
    const response = await handle(new Request('app://backprop-lab/assets/index.js'))
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8')
    assert.equal(await response.text(), 'export {}')
  })
  it('answers 404 for a missing file or a folder, and 403 for a way out, naming the reason', async () => {
    const missing = await handle(new Request('app://backprop-lab/assets/gone.js'))
    assert.equal(missing.status, 404)
    assert.match(await missing.text(), /no such file/)
    const folder = await handle(new Request('app://backprop-lab/assets.js'))
    assert.equal(folder.status, 404)
    const out = await handle(new Request('app://backprop-lab/assets%2f..%2f..%2fx.js'))
    assert.equal(out.status, 403)
    assert.match(await out.text(), /leaves the app folder/)
  })
})
