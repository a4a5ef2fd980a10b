// Serves the built renderer from app://backprop-lab/… instead of file:// (Electron security checklist 18):
// the page's origin is app://backprop-lab, so CSP 'self' means the app's own files, not the whole disk, and
// the CSP arrives as a response header. No electron import: main.ts passes the handler to protocol.handle,
// and the tests call it with plain Requests.
import { readFile as fsReadFile } from 'node:fs/promises'
import nodePath, { type PlatformPath } from 'node:path'
import { APP_HOST, APP_SCHEME } from './navigation'

/** For protocol.registerSchemesAsPrivileged: a standard, secure origin that fetch() and module scripts accept. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** The only kinds of file the renderer's build holds; anything else is not served. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

export type AppFile = { ok: true; path: string; contentType: string } | { ok: false; status: 400 | 403 | 404 | 405; reason: string }

/**
 * The file under `root` that an app:// request names, or why none is served. Every path is decoded once and
 * must stay inside root: `..`, encoded `%2e%2e` or `%2f`, backslashes and NUL are refused. `path` is a
 * parameter so the Windows rules (drive letters, `\`) are tested on any machine.
 */
export function resolveAppFile(method: string, url: string, root: string, path: PlatformPath = nodePath): AppFile {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `${method} is not served` }
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' }
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host.toLowerCase() !== APP_HOST) return { ok: false, status: 404, reason: `${u.protocol}//${u.host} is not the app` }
  let decoded: string
  try {
    decoded = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname)
  } catch {
    return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' }
  }
  if (/[\\\0]/.test(decoded) || /^\/*[A-Za-z]:/.test(decoded)) return { ok: false, status: 400, reason: 'the path holds a backslash, a NUL or a drive letter' }
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'the path leaves the app folder' }
  const full = path.join(root, ...segments)
  const relative = path.relative(root, full)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, status: 403, reason: 'the path leaves the app folder' }
  const contentType = CONTENT_TYPES[path.extname(full).toLowerCase()]
  if (!contentType) return { ok: false, status: 404, reason: `${path.extname(full) || 'a file without an extension'} is not a kind of file the app serves` }
  return { ok: true, path: full, contentType }
}

/** The protocol.handle handler for app://: the file with its type, the CSP, nosniff; a plain status otherwise. */
export function createAppProtocolHandler(root: string, policy: string, readFile: (path: string) => Promise<Uint8Array> = fsReadFile, log?: (message: string) => void) {
  return async (request: Request): Promise<Response> => {
    const file = resolveAppFile(request.method, request.url, root)
    const refuse = (status: number, reason: string) => {
      log?.(`app:// refused ${request.method} ${request.url}: ${reason}`)
      return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
    }
    if (!file.ok) return refuse(file.status, file.reason)
    let body: Uint8Array
    try {
      body = await readFile(file.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return refuse(404, code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? 'no such file in the app' : `the file could not be read (${code ?? (error as Error).message})`)
    }
    const headers = { 'Content-Type': file.contentType, 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers })
  }
}
