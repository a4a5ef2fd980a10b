// The renderer's one door to main (STYLE.md §C, VS Code's sandboxed preload): one method per message,
// listeners that never see the IpcRendererEvent. Sandboxed and CommonJS: it imports only 'electron'
// at run time (protocol.ts's Channel names and command-methods.ts are inlined by the bundler).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { commandMethods } from '../../src-worker/session/command-methods'
import { Channel, parseLanguagesSwitch, type DownloadState, type LabApi, type LabEvent, type RendererCommand, type RunHistoryApi } from '../../src-worker/protocol'

const send = (command: RendererCommand) => ipcRenderer.send(Channel.command, command)
const listeners = new Set<(event: LabEvent) => void>()
let announced = false

ipcRenderer.on(Channel.event, (_event: IpcRendererEvent, labEvent: LabEvent) => {
  for (const listener of [...listeners]) {
    try {
      listener(labEvent)
    } catch (error) {
      console.error('a lab event listener threw', error) // one broken pane must not starve the others
    }
  }
})

// dataset downloads (issue 13 §1): main downloads; this only names the data set and relays its states
const downloadListeners = new Set<(state: DownloadState) => void>()
ipcRenderer.on(Channel.downloadEvent, (_event: IpcRendererEvent, state: DownloadState) => {
  for (const listener of [...downloadListeners]) {
    try {
      listener(state)
    } catch (error) {
      console.error('a download listener threw', error)
    }
  }
})

const api = {
  edition: 'desktop',
  systemLanguages: parseLanguagesSwitch(process.argv),
  ...commandMethods(send),
  openIdxData: () => ipcRenderer.invoke(Channel.openIdxData),
  saveModel: () => ipcRenderer.invoke(Channel.saveModel),
  loadModel: () => ipcRenderer.invoke(Channel.loadModel),
  listRuns: () => ipcRenderer.invoke(Channel.listRuns),
  exportRunCsv: (runId) => ipcRenderer.invoke(Channel.exportRunCsv, runId),
  // ---- run history management (issue #10)
  runLosses: (runId) => ipcRenderer.invoke(Channel.runLosses, runId),
  deleteRun: (runId) => ipcRenderer.invoke(Channel.deleteRun, runId),
  labelRun: (runId, label) => ipcRenderer.invoke(Channel.labelRun, runId, label),
  exportRunJson: (runId) => ipcRenderer.invoke(Channel.exportRunJson, runId),
  exportAllRuns: () => ipcRenderer.invoke(Channel.exportAllRuns),
  clearRuns: () => ipcRenderer.invoke(Channel.clearRuns),
  useRunModel: (runId) => ipcRenderer.invoke(Channel.useRunModel, runId),
  onHistoryChange(listener) {
    const relay = (_event: IpcRendererEvent, problem: unknown) => listener(typeof problem === 'string' ? problem : null)
    ipcRenderer.on(Channel.historyChanged, relay)
    return () => {
      ipcRenderer.removeListener(Channel.historyChanged, relay)
    }
  },
  // ---- end run history management
  listMyDigits: () => ipcRenderer.invoke(Channel.listMyDigits),
  saveMyDigits: (digits) => ipcRenderer.invoke(Channel.saveMyDigits, digits),
  downloads: {
    downloadStatus: () => ipcRenderer.invoke(Channel.downloadStatus),
    startDownload: (dataset) => ipcRenderer.invoke(Channel.startDownload, dataset),
    cancelDownload: () => ipcRenderer.invoke(Channel.cancelDownload),
    useDownloaded: (dataset) => ipcRenderer.invoke(Channel.useDownloaded, dataset),
    onDownload(listener) {
      downloadListeners.add(listener)
      return () => {
        downloadListeners.delete(listener)
      }
    },
  },
  onEvent(listener) {
    listeners.add(listener)
    // The first subscription completes the ready handshake: main then flushes the events it held.
    if (!announced) {
      announced = true
      ipcRenderer.send(Channel.ready)
    }
    return () => {
      listeners.delete(listener)
    }
  },
} satisfies LabApi & RunHistoryApi // the desktop implements the whole run history

contextBridge.exposeInMainWorld('lab', api)
