// Every IPC handler (STYLE.md §C, VS Code's ipcMain): check the sender → parse the payload → act.
// No runtime electron import: ipcMain is passed in, so the handlers are tested with plain objects.
import type { IpcMain } from 'electron'
import { Channel, CHANNEL_PREFIX, type DownloadStatus, type LabEvent, type MyDigit, type RunListing, type WorkerCommand } from '../src-worker/protocol'
import { describeValue, LabInputError, parseRendererCommand } from '../src-worker/session/validate'
import type { TrainingHost } from './training-host'
import type { RunHistory } from './run-history'
import { readIdxFolder } from '../src-worker/node/idx-folder'
import { readModelFile, writeModelFile } from './files/model-file-io'
import { writeFileAtomic } from './files/atomic-write'
import { runToCsv, runToJson } from '../src-worker/session/run-record'
import { isOwnPageUrl } from './navigation'
import type { MyDigitsFile } from './files/my-digits-file'
import { parseDatasetName, type DatasetDownloads } from './dataset-downloads' // issue 13 §1

/** What the handlers read of an IpcMainEvent / IpcMainInvokeEvent. */
export interface SenderInfo {
  sender: unknown
  senderFrame: { parent: unknown; url: string } | null
}

/** Native dialogs, resolved to a path or undefined when the user cancels (src-main/dialogs.ts). */
export interface Dialogs {
  chooseIdxFolder(): Promise<string | undefined>
  chooseModelToOpen(): Promise<string | undefined>
  chooseModelSavePath(): Promise<string | undefined>
  chooseCsvSavePath(defaultName: string): Promise<string | undefined>
  /** a run's JSON, or all runs' (exportRunJson, exportAllRuns) */
  chooseJsonSavePath(defaultName: string): Promise<string | undefined>
}

export interface IpcContext {
  /** the webContents of the app's one window, or undefined when it is closed */
  ownWebContents(): unknown
  /** the URL the window was loaded with (app://backprop-lab/index.html, or the dev server) */
  pageUrl: string
  host: Pick<TrainingHost, 'command' | 'request' | 'rendererReady' | 'notify'>
  history: Pick<RunHistory, 'list' | 'losses' | 'record' | 'label' | 'remove' | 'clear' | 'model'>
  /** tells the window the history changed (problem null) or could not keep a run (Channel.historyChanged) */
  historyChanged?: (problem: string | null) => void
  myDigits: Pick<MyDigitsFile, 'list' | 'save'>
  dialogs: Dialogs
  log?: (message: string) => void
  /** issue 13 §1: downloads of the full data sets, and the memory of the data used last */
  downloads?: Pick<DatasetDownloads, 'status' | 'start' | 'cancel' | 'use' | 'remember'>
}

/** A message from anything but our window's main frame showing our page. */
export class ForeignSenderError extends Error {
  override name = 'ForeignSenderError'
}

/** The same webContents: one JS wrapper per native object in Electron, and ids are unique, so either matches. */
function sameWebContents(a: unknown, b: unknown): boolean {
  if (a === b) return true
  const id = (x: unknown) => (typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined)
  return typeof id(a) === 'number' && id(a) === id(b)
}

/** Throws unless the message comes from our window, its main frame, showing our own page. */
export function checkSender(event: SenderInfo, context: Pick<IpcContext, 'ownWebContents' | 'pageUrl'>, channel: string): void {
  const own = context.ownWebContents()
  const frame = event.senderFrame
  const problem =
    !channel.startsWith(CHANNEL_PREFIX) ? `channel ${channel} lacks the ${CHANNEL_PREFIX} prefix`
    : own === undefined || !sameWebContents(event.sender, own) ? 'the sender is not the Backprop Lab window'
    : frame === null ? 'the sending frame is gone'
    : frame.parent !== null ? 'the sender is a subframe, not the main frame'
    : !isOwnPageUrl(frame.url, context.pageUrl) ? `the sending page ${describeValue(frame.url)} is not Backprop Lab's`
    : undefined
  if (problem) throw new ForeignSenderError(`${channel}: refused: ${problem}`)
}

function noArguments(channel: string, args: unknown[]): void {
  argumentsAre(channel, [], args)
}

/** Refuses extra arguments: `names` are the ones the channel takes, in order. */
function argumentsAre(channel: string, names: string[], args: unknown[]): void {
  if (args.length <= names.length) return
  const count = ['no arguments', 'one argument', 'two arguments'][names.length] ?? `${names.length} arguments`
  throw new LabInputError(`${channel} takes ${count}${names.length > 0 ? ` (${names.join(', ')})` : ''}, got ${args.length}`)
}

/** A file name for an export of all runs: backprop-lab-runs-2026-12-03T13-00-00-000Z.json */
function allRunsFileName(now = new Date()): string {
  return `backprop-lab-runs-${now.toISOString().replace(/[:.]/g, '-')}.json`
}

const COMMAND_TYPES: readonly WorkerCommand['type'][] = [
  'start', 'pause', 'resume', 'stop', 'predict', 'checkGradient', 'sampleTest', 'inspect', 'useDefaultData', 'loadIdx', 'exportModel', 'importModel', 'evaluateDigits', 'traceStep', 'applyStep',
]

/** The handlers by channel; each takes the event and the renderer's arguments. */
export function createHandlers(context: IpcContext) {
  const { host, dialogs, history } = context
  const guard = (event: SenderInfo, channel: string) => checkSender(event, context, channel)
  const downloads = (channel: string) => {
    if (!context.downloads) throw new LabInputError(`${channel}: downloads are not available in this window`)
    return context.downloads
  }
  const refuse = (command: WorkerCommand['type'], error: unknown) => host.notify({ type: 'rejected', command, message: (error as Error).message })

  return {
    /** lab:command: one RendererCommand for the worker; a bad one comes back as a 'rejected' event. */
    [Channel.command]: (event: SenderInfo, raw: unknown): void => {
      guard(event, Channel.command)
      let command
      try {
        command = parseRendererCommand(raw)
      } catch (error) {
        const type = (raw as { type?: unknown } | null)?.type
        if (COMMAND_TYPES.includes(type as WorkerCommand['type'])) refuse(type as WorkerCommand['type'], error)
        throw error
      }
      host.command(command)
      if (command.type === 'useDefaultData') void context.downloads?.remember({ kind: 'default' }) // issue 13 §1
    },
    /** lab:ready: the renderer listens now; held events follow. */
    [Channel.ready]: (event: SenderInfo, ...args: unknown[]): void => {
      guard(event, Channel.ready)
      noArguments(Channel.ready, args)
      host.rendererReady()
    },
    [Channel.openIdxData]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.openIdxData)
      noArguments(Channel.openIdxData, args)
      const folder = await dialogs.chooseIdxFolder()
      if (folder === undefined) return
      try {
        host.command({ type: 'loadIdx', files: await readIdxFolder(folder) })
        await context.downloads?.remember({ kind: 'folder', path: folder }) // issue 13 §1
      } catch (error) {
        refuse('loadIdx', error)
      }
    },
    [Channel.saveModel]: async (event: SenderInfo, ...args: unknown[]): Promise<string | null> => {
      guard(event, Channel.saveModel)
      noArguments(Channel.saveModel, args)
      const model = await host.request({ type: 'exportModel' }, (e: LabEvent) => (e.type === 'model' ? { model: e.model } : undefined))
      const path = await dialogs.chooseModelSavePath()
      if (path === undefined) return null
      await writeModelFile(path, model.model)
      return path
    },
    [Channel.loadModel]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.loadModel)
      noArguments(Channel.loadModel, args)
      const path = await dialogs.chooseModelToOpen()
      if (path === undefined) return
      try {
        const { model, fileName } = await readModelFile(path)
        host.command({ type: 'importModel', model, fileName })
      } catch (error) {
        refuse('importModel', error)
      }
    },
    [Channel.listRuns]: async (event: SenderInfo, ...args: unknown[]): Promise<RunListing> => {
      guard(event, Channel.listRuns)
      noArguments(Channel.listRuns, args)
      return history.list()
    },
    [Channel.exportRunCsv]: async (event: SenderInfo, ...args: unknown[]): Promise<string | null> => {
      guard(event, Channel.exportRunCsv)
      argumentsAre(Channel.exportRunCsv, ['runId'], args)
      const record = await history.record(args[0])
      const path = await dialogs.chooseCsvSavePath(`${record.id}.csv`)
      if (path === undefined) return null
      await writeFileAtomic(path, runToCsv(record))
      return path
    },
    // ---- run history management (issue #10): each checks the sender, then the run id / label, then acts
    [Channel.runLosses]: async (event: SenderInfo, ...args: unknown[]): Promise<Float32Array> => {
      guard(event, Channel.runLosses)
      argumentsAre(Channel.runLosses, ['runId'], args)
      return history.losses(args[0])
    },
    [Channel.deleteRun]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.deleteRun)
      argumentsAre(Channel.deleteRun, ['runId'], args)
      await history.remove(args[0])
      context.historyChanged?.(null)
    },
    [Channel.labelRun]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.labelRun)
      argumentsAre(Channel.labelRun, ['runId', 'label'], args)
      await history.label(args[0], args[1])
      context.historyChanged?.(null)
    },
    [Channel.exportRunJson]: async (event: SenderInfo, ...args: unknown[]): Promise<string | null> => {
      guard(event, Channel.exportRunJson)
      argumentsAre(Channel.exportRunJson, ['runId'], args)
      const record = await history.record(args[0])
      const path = await dialogs.chooseJsonSavePath(`${record.id}.json`)
      if (path === undefined) return null
      await writeFileAtomic(path, runToJson(record) + '\n')
      return path
    },
    [Channel.exportAllRuns]: async (event: SenderInfo, ...args: unknown[]): Promise<string | null> => {
      guard(event, Channel.exportAllRuns)
      noArguments(Channel.exportAllRuns, args)
      const path = await dialogs.chooseJsonSavePath(allRunsFileName())
      if (path === undefined) return null
      const { runs } = await history.list()
      // one run's losses in memory at a time: each record is turned to text before the next is read
      const parts: string[] = []
      for (const run of runs) parts.push(runToJson(await history.record(run.id)))
      await writeFileAtomic(path, `{"format":"backprop-lab-runs","runs":[${parts.join(',')}]}\n`)
      return path
    },
    [Channel.clearRuns]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.clearRuns)
      noArguments(Channel.clearRuns, args)
      await history.clear()
      context.historyChanged?.(null)
    },
    /** #12 item 4: a finished run's weights back into the lab, as Load model does (the worker checks the file) */
    [Channel.useRunModel]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.useRunModel)
      argumentsAre(Channel.useRunModel, ['runId'], args)
      const model = await history.model(args[0])
      host.command({ type: 'importModel', model, fileName: `run ${args[0] as string}` })
    },
    // ---- end run history management
    // --- My digits: the list is checked digit by digit in MyDigitsFile.save (parseMyDigits) before any write
    [Channel.listMyDigits]: async (event: SenderInfo, ...args: unknown[]): Promise<{ digits: MyDigit[]; warning: string | null }> => {
      guard(event, Channel.listMyDigits)
      noArguments(Channel.listMyDigits, args)
      return context.myDigits.list()
    },
    [Channel.saveMyDigits]: async (event: SenderInfo, digits: unknown, ...rest: unknown[]): Promise<void> => {
      guard(event, Channel.saveMyDigits)
      if (rest.length > 0) throw new LabInputError(`${Channel.saveMyDigits} takes one argument (the digits), got ${rest.length + 1}`)
      await context.myDigits.save(digits)
    },
    // --- dataset downloads (issue 13 §1): the download runs here in main; the renderer only names the data set
    [Channel.downloadStatus]: async (event: SenderInfo, ...args: unknown[]): Promise<DownloadStatus> => {
      guard(event, Channel.downloadStatus)
      noArguments(Channel.downloadStatus, args)
      return downloads(Channel.downloadStatus).status()
    },
    [Channel.startDownload]: async (event: SenderInfo, dataset: unknown, ...rest: unknown[]): Promise<void> => {
      guard(event, Channel.startDownload)
      argumentsAre(Channel.startDownload, ['dataset'], [dataset, ...rest])
      await downloads(Channel.startDownload).start(parseDatasetName(dataset, Channel.startDownload))
    },
    [Channel.cancelDownload]: async (event: SenderInfo, ...args: unknown[]): Promise<void> => {
      guard(event, Channel.cancelDownload)
      noArguments(Channel.cancelDownload, args)
      await downloads(Channel.cancelDownload).cancel()
    },
    [Channel.useDownloaded]: async (event: SenderInfo, dataset: unknown, ...rest: unknown[]): Promise<void> => {
      guard(event, Channel.useDownloaded)
      argumentsAre(Channel.useDownloaded, ['dataset'], [dataset, ...rest])
      await downloads(Channel.useDownloaded).use(parseDatasetName(dataset, Channel.useDownloaded))
    },
    // --- end dataset downloads
  }
}

export type Handlers = ReturnType<typeof createHandlers>

/**
 * Registers the handlers: fire-and-forget channels with ipcMain.on (a refusal is logged, and a bad
 * command also reaches the renderer as a 'rejected' event), the rest with ipcMain.handle (a refusal
 * rejects the renderer's promise with the message).
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'on' | 'handle'>, handlers: Handlers, log: (message: string) => void): void {
  for (const channel of [Channel.command, Channel.ready] as const) {
    ipcMain.on(channel, (event, ...args) => {
      try {
        ;(handlers[channel] as (e: SenderInfo, ...a: unknown[]) => void)(event, ...args)
      } catch (error) {
        log((error as Error).message)
      }
    })
  }
  const invoked = [
    Channel.openIdxData, Channel.saveModel, Channel.loadModel, Channel.listRuns, Channel.exportRunCsv, Channel.listMyDigits, Channel.saveMyDigits,
    // run history management (issue #10)
    Channel.runLosses, Channel.deleteRun, Channel.labelRun, Channel.exportRunJson, Channel.exportAllRuns, Channel.clearRuns, Channel.useRunModel,
    // dataset downloads (issue 13 §1)
    Channel.downloadStatus, Channel.startDownload, Channel.cancelDownload, Channel.useDownloaded,
  ] as const
  for (const channel of invoked) {
    ipcMain.handle(channel, (event, ...args) => (handlers[channel] as (e: SenderInfo, ...a: unknown[]) => Promise<unknown>)(event, ...args))
  }
}
