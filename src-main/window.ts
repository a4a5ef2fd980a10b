// The app's one BrowserWindow, set up along Electron's security checklist.
import { app, BrowserWindow, shell, type Session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isOwnPageUrl } from './navigation'

/** The page the window loads: electron-vite's dev server in development, else the built index.html. */
export function rendererPageUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (!app.isPackaged && devServer) return devServer
  return pathToFileURL(join(__dirname, '..', 'renderer', 'index.html')).href
}

/** Denies every permission (camera, notifications, …) and adds the CSP header to our pages. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  // The CSP also sits in index.html's meta tag: header delivery to file:// pages differs between versions.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
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
    },
  })
  win.once('ready-to-show', () => win.show())
  const contents = win.webContents
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame && isOwnPageUrl(event.url, pageUrl) && event.url.split('#')[0] === pageUrl.split('#')[0]) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(pageUrl)
  return win
}
