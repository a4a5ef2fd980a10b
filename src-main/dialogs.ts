// Native file dialogs, attached to the app's window (desktop-only features).
import { app, dialog, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { Dialogs } from './ipc'

/** The dialogs the IPC handlers use; each resolves to a path, or undefined when the user cancels. */
export function nativeDialogs(window: () => BrowserWindow | undefined): Dialogs {
  const parent = () => {
    const win = window()
    if (!win || win.isDestroyed()) throw new Error('the Backprop Lab window is closed')
    return win
  }
  const documents = () => app.getPath('documents')
  return {
    async chooseIdxFolder() {
      const result = await dialog.showOpenDialog(parent(), {
        title: 'Open a folder with the MNIST IDX files',
        message: 'train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (raw or .gz)',
        properties: ['openDirectory'],
      })
      return result.canceled ? undefined : result.filePaths[0]
    },
    async chooseModelToOpen() {
      const result = await dialog.showOpenDialog(parent(), {
        title: 'Load a Backprop Lab model',
        properties: ['openFile'],
        filters: [{ name: 'Backprop Lab model', extensions: ['json'] }],
      })
      return result.canceled ? undefined : result.filePaths[0]
    },
    async chooseModelSavePath() {
      const result = await dialog.showSaveDialog(parent(), {
        title: 'Save the model',
        defaultPath: join(documents(), 'two-layer-net.model.json'),
        filters: [{ name: 'Backprop Lab model', extensions: ['json'] }],
      })
      return result.canceled ? undefined : result.filePath
    },
    async chooseCsvSavePath(defaultName: string) {
      const result = await dialog.showSaveDialog(parent(), {
        title: 'Export the run log as CSV',
        defaultPath: join(documents(), defaultName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      })
      return result.canceled ? undefined : result.filePath
    },
    async chooseJsonSavePath(defaultName: string) {
      const result = await dialog.showSaveDialog(parent(), {
        title: 'Export as JSON',
        defaultPath: join(documents(), defaultName),
        filters: [{ name: 'JSON', extensions: ['json'] }],
      })
      return result.canceled ? undefined : result.filePath
    },
  }
}
