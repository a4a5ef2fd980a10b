// App lifecycle only: one instance, one window, one training worker, quit when the window closes.
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
// unpacked from app.asar, so the worker thread reads it with plain fs whatever Electron's asar support in workers
import defaultDataPath from '../src-worker/data/generated/mnist-default.bin?asset&asarUnpack'
import { Channel } from '../src-worker/protocol'
import { createDesktopLab } from './desktop-lab'
import { createHandlers, registerIpc } from './ipc'
import { MyDigitsFile } from './files/my-digits-file'
import { nativeDialogs } from './dialogs'
import { DatasetDownloads } from './dataset-downloads'
import { RendererRecovery, startOrExit } from './lifecycle'
import { chooseRendererPage, createMainWindow, hardenSession, registerAppScheme } from './window'

let win: BrowserWindow | undefined

/** Channel.historyChanged to the window: the run history changed (null) or could not keep a run (why). */
function historyChanged(problem: string | null): void {
  if (win && !win.isDestroyed()) win.webContents.send(Channel.historyChanged, problem)
}

function start(): void {
  const page = chooseRendererPage()
  const pageUrl = page.url
  const { host, history } = createDesktopLab({
    // worker.js sits next to this file (electron.vite.config.ts's `worker` input), inside app.asar when packaged
    createWorker: () => new Worker(join(__dirname, 'worker.js'), { workerData: { defaultDataPath } }),
    send: (event) => {
      if (win && !win.isDestroyed()) win.webContents.send(Channel.event, event)
    },
    historyFolder: join(app.getPath('userData'), 'runs'),
    onRunKept: (problem) => historyChanged(problem),
  })
  // issue 13 §1: downloads of the full data sets run here, in main
  const downloads = new DatasetDownloads({
    userData: app.getPath('userData'),
    host,
    send: (state) => {
      if (win && !win.isDestroyed()) win.webContents.send(Channel.downloadEvent, state)
    },
  })
  registerIpc(ipcMain, createHandlers({ ownWebContents: () => (win && !win.isDestroyed() ? win.webContents : undefined), pageUrl, host, history, historyChanged, myDigits: new MyDigitsFile(join(app.getPath('userData'), 'my-digits.json')), dialogs: nativeDialogs(() => win), downloads }), (m) => console.warn(m))

  hardenSession(session.defaultSession, page)
  win = createMainWindow(pageUrl)
  host.spawn()
  void downloads.restoreLast() // the data set used last, again (a failure shows as a refused load)
  // A reload (Ctrl+R, or ours below): hold events until the new page says lab:ready, then replay the state.
  win.webContents.on('did-start-loading', () => host.rendererGone())
  const recovery = new RendererRecovery()
  win.webContents.on('render-process-gone', (_event, details) => {
    host.rendererGone()
    const next = recovery.decide(details.reason)
    console.warn(`the window's renderer process is gone (${details.reason}, exit code ${details.exitCode}): ${next.action}`)
    if (next.action === 'reload') win?.webContents.reload()
    if (next.action === 'ask' && win) {
      void dialog.showMessageBox(win, { type: 'error', message: next.message, buttons: ['Reload', 'Quit'], defaultId: 0, cancelId: 1 }).then(({ response }) => {
        if (response === 0) win?.webContents.reload()
        else app.quit()
      })
    }
  })
  win.on('closed', () => {
    win = undefined
    void host.dispose()
  })
  app.on('before-quit', () => {
    void downloads.cancel() // removes the temp file of a download under way
    void host.dispose()
  })
}

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  // Any other webContents (DevTools, a future window) gets the strictest defaults; our window refines them.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  // One window is the whole app, so closing it quits on every platform (macOS included).
  app.on('window-all-closed', () => app.quit())
  // Any failure to start (whenReady itself, or start) ends in a dialog and exit 1, never a windowless process holding the lock.
  void startOrExit(() => app.whenReady().then(start), { showError: (title, content) => dialog.showErrorBox(title, content), exit: (code) => app.exit(code), log: (m) => console.error(m) })
}
