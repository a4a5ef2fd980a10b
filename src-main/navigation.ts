// Where the window may be and where links may go (Electron security checklist: 13 limit navigation,
// 14 limit new windows, 15 openExternal only with trusted content). Pure, so it is unit-tested.

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

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** Whether `url` opens in the OS browser: https, an allowlisted host, no credentials or odd port. */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url)
  return !!u && u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && EXTERNAL_HOSTS.includes(u.hostname)
}

/**
 * Whether `url` is the app's own page: the built index.html (file:) in production, or the dev server's
 * origin (ELECTRON_RENDERER_URL) under `electron-vite dev`. Query and hash may differ.
 */
export function isOwnPageUrl(url: string, pageUrl: string): boolean {
  const u = parse(url)
  const own = parse(pageUrl)
  if (!u || !own) return false
  if (own.protocol === 'file:') return u.protocol === 'file:' && u.host === own.host && u.pathname === own.pathname
  return (own.protocol === 'http:' || own.protocol === 'https:') && u.origin === own.origin
}
