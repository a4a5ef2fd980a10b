// `electron-vite dev` serves index.html from Vite: its CSP meta tag must allow what Vite and the React
// refresh need (navigation.ts DEV_CONTENT_SECURITY_POLICY), or the window stays blank ("can't detect preamble").
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './navigation'

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]+)(")/

/** index.html with the dev policy in its meta tag; throws if the tag is missing or not the built policy. */
export function devIndexHtml(html: string): string {
  const match = META.exec(html)
  if (!match) throw new Error('src-renderer/index.html has no Content-Security-Policy meta tag to loosen for dev')
  const withoutFrameAncestors = (csp: string) => csp.split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors'))
  const devPolicy = withoutFrameAncestors(DEV_CONTENT_SECURITY_POLICY).join('; ')
  const built = new Set(withoutFrameAncestors(CONTENT_SECURITY_POLICY))
  const found = withoutFrameAncestors(match[2]!.replace(/\s+/g, ' '))
  if (found.length !== built.size || !found.every((d) => built.has(d))) throw new Error("src-renderer/index.html's CSP differs from navigation.ts's CONTENT_SECURITY_POLICY")
  return html.replace(META, `$1${devPolicy}$3`)
}
