// The app's one BrowserWindow, set up along Electron's security checklist.
import { app, BrowserWindow, protocol, shell, type Session } from 'electron'
import { join } from 'node:path'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { APP_SCHEME, isAllowedExternalUrl, isOwnPageUrl, rendererPage, type RendererPage } from './navigation'
import { languagesSwitch } from '../src-worker/protocol'

/** The user's preferred languages, in order; the app locale when the OS gives none. */
function systemLanguages(): string[] {
  const preferred = app.getPreferredSystemLanguages()
  return preferred.length > 0 ? preferred : [app.getLocale()]
}

/** Before 'ready': app:// is a standard, secure scheme, so the page has an origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/** The page the window loads: electron-vite's dev server in development, else the built renderer over app://. */
export function chooseRendererPage(): RendererPage {
  const page = rendererPage(app.isPackaged, process.env.ELECTRON_RENDERER_URL)
  if (page.warning) console.warn(page.warning)
  return page
}

/**
 * Denies every permission (camera, notifications, …) and serves the built renderer on app://, whose
 * responses carry the CSP header. Only the dev server's pages get the header added on the way in.
 * index.html's meta tag holds the same policy (rewritten to the dev one by electron.vite.config.ts under
 * `electron-vite dev`).
 */
export function hardenSession(session: Session, page: RendererPage): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', 'renderer'), page.policy, undefined, (m) => console.warn(m)))
  if (page.url.startsWith(`${APP_SCHEME}:`)) return
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [page.policy] }
    callback({ responseHeaders: headers })
  })
}

/** Opens an allowlisted https link in the OS browser; anything else is dropped with a log line. */
function openExternally(url: string): void {
  // security-scan: OPEN_EXTERNAL_JS_CHECK — only https URLs on the EXTERNAL_HOSTS allowlist (navigation.ts, unit-tested) get here
  if (isAllowedExternalUrl(url)) void shell.openExternal(url)
  else console.warn(`blocked a link to ${url}: not on the external allowlist (src-main/navigation.ts)`)
}

/** Creates the window (hidden until its first paint), loads the page and locks navigation to it. */
export function createMainWindow(pageUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Backprop Lab',
    show: false,
    backgroundColor: '#15171c',
    autoHideMenuBar: true,
    webPreferences: {
      // security-scan: PRELOAD_JS_CHECK — sandboxed CJS preload importing only 'electron', exposing one narrow typed LabApi (no ipcRenderer, no Node)
      preload: join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // middle-click would otherwise try to open links in a new window (electronegativity AUXCLICK_JS_CHECK)
      disableBlinkFeatures: 'Auxclick',
      // the OS's language order for the preload: the lab follows it until the user picks one in the header
      additionalArguments: [languagesSwitch(systemLanguages())],
    },
  })
  win.once('ready-to-show', () => win.show())
  const contents = win.webContents
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-frame-navigate', (event) => {
    // Vite's full reloads and a hash change stay; anything else leaves the app and goes to the OS browser (if allowlisted)
    if (event.isMainFrame && isOwnPageUrl(event.url, pageUrl)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(pageUrl)
  return win
}
