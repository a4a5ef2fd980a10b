// Where the window may be and where links may go (Electron security checklist: 13 limit navigation,
// 14 limit new windows, 15 openExternal only with trusted content, 18 no file://). Pure, so it is unit-tested.

/** The built renderer is served from this privileged scheme (app-protocol.ts), never from file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'backprop-lab'
/** The page the packaged (and `npm start`) window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The only sites a link in the app may open, in the OS browser, and only over https. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com', // the book's code: oreilly-japan/deep-learning-from-scratch; this project
  'yann.lecun.com', // MNIST's home page
  'storage.googleapis.com', // the cvdf-datasets MNIST mirror
  'ossci-datasets.s3.amazonaws.com', // PyTorch's MNIST mirror
]

/** The Content-Security-Policy of the renderer; the same string is in src-renderer/index.html's meta tag. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The policy under `electron-vite dev` only: @vitejs/plugin-react's refresh preamble is an inline script,
 * Vite injects CSS as inline <style>, and hot reload talks over a websocket to the same dev server. Never
 * used by a built or packaged app (rendererPage decides).
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface RendererPage {
  url: string
  /** which CSP the page gets */
  policy: string
  /** said once at start when ELECTRON_RENDERER_URL was set but not used */
  warning?: string
}

/**
 * The page the window loads: electron-vite's dev server (ELECTRON_RENDERER_URL, e.g. `http://localhost:5173`)
 * when not packaged and it is a loopback http URL; otherwise the built page over app://.
 */
export function rendererPage(packaged: boolean, devServer: string | undefined): RendererPage {
  const built = { url: APP_PAGE_URL, policy: CONTENT_SECURITY_POLICY }
  if (packaged || !devServer) return built
  const u = parse(devServer)
  if (!u || u.protocol !== 'http:' || !LOOPBACK.has(u.hostname) || u.username || u.password) {
    return { ...built, warning: `ignored ELECTRON_RENDERER_URL=${devServer}: a dev server must be http:// on this machine (localhost)` }
  }
  return { url: u.href, policy: DEV_CONTENT_SECURITY_POLICY }
}

/** Whether `url` opens in the OS browser: https, an allowlisted host, no credentials or odd port. */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url)
  return !!u && u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && EXTERNAL_HOSTS.includes(u.hostname)
}

/**
 * Whether `url` is the app's own page: app://backprop-lab/index.html (or `/`) when built, or any page of
 * the dev server's origin under `electron-vite dev`. Query and hash may differ. URLs are compared after
 * parsing, so `http://localhost:5173` and `http://localhost:5173/` are one origin, and `APP` equals `app`.
 * file:// is never the app's page (the app does not load from it).
 */
export function isOwnPageUrl(url: string, pageUrl: string): boolean {
  const u = parse(url)
  const own = parse(pageUrl)
  if (!u || !own) return false
  if (own.protocol === `${APP_SCHEME}:`) {
    return u.protocol === own.protocol && u.host.toLowerCase() === own.host.toLowerCase() && (u.pathname === '/index.html' || u.pathname === '/')
  }
  return own.protocol === 'http:' && u.origin === own.origin
}
