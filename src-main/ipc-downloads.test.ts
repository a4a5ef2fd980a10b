// The download channels of src-main/ipc.ts (issue 13 §1): sender-checked, payload-checked, passed to main's downloads.
import { describe, it, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import { Channel, type DownloadStatus, type WorkerCommand } from '../src-worker/protocol'
import { createHandlers, ForeignSenderError, type IpcContext, type SenderInfo } from './ipc'
import type { DataChoice } from './dataset-downloads'
import { APP_PAGE_URL } from './navigation'

const own = { id: 1 }
const fromUs: SenderInfo = { sender: own, senderFrame: { parent: null, url: APP_PAGE_URL } }
const fromSubframe: SenderInfo = { sender: own, senderFrame: { parent: {}, url: APP_PAGE_URL } }

let calls: string[]
let remembered: DataChoice[]
let commands: WorkerCommand[]
const status: DownloadStatus = { cached: ['mnist'], active: null, cacheFolder: '/u/datasets' }

function handlers(withDownloads = true, folder: string | undefined = undefined) {
  const context: IpcContext = {
    ownWebContents: () => own,
    pageUrl: APP_PAGE_URL,
    host: { command: (c) => void commands.push(c), notify() {}, rendererReady() {}, request: async () => undefined as never },
    // the download channels never touch the run history: an empty one stands in
    history: { list: async () => ({ runs: [], warnings: [] }) } as unknown as IpcContext['history'],
    myDigits: { list: async () => ({ digits: [], warning: null }), save: async () => undefined },
    dialogs: { chooseIdxFolder: async () => folder, chooseModelToOpen: async () => undefined, chooseModelSavePath: async () => undefined, chooseCsvSavePath: async () => undefined, chooseJsonSavePath: async () => undefined },
    ...(withDownloads
      ? {
          downloads: {
            status: async () => (calls.push('status'), status),
            start: async (d) => void calls.push(`start ${d}`),
            cancel: async () => void calls.push('cancel'),
            use: async (d) => void calls.push(`use ${d}`),
            remember: async (c) => void remembered.push(c),
          },
        }
      : {}),
  }
  return createHandlers(context)
}

beforeEach(() => {
  calls = []
  remembered = []
  commands = []
})

describe('download IPC channels', () => {
  it('pass a checked data set name to main', async () => {
    const h = handlers()
    assert.deepEqual(await h[Channel.downloadStatus](fromUs), status)
    await h[Channel.startDownload](fromUs, 'fashion')
    await h[Channel.useDownloaded](fromUs, 'mnist')
    await h[Channel.cancelDownload](fromUs)
    assert.deepEqual(calls, ['status', 'start fashion', 'use mnist', 'cancel'])
  })

  it('refuse a data set that is not mnist or fashion, extra arguments, and a foreign sender, doing nothing', async () => {
    const h = handlers()
    await assert.rejects(h[Channel.startDownload](fromUs, 'https://evil.example/x.gz'), /lab:start-download: the data set must be mnist or fashion, got "https:\/\/evil\.example\/x\.gz"/)
    await assert.rejects(h[Channel.useDownloaded](fromUs, { dataset: 'mnist' }), /lab:use-downloaded: the data set must be mnist or fashion/)
    await assert.rejects(h[Channel.startDownload](fromUs, 'mnist', '/tmp/dest'), /lab:start-download takes one argument \(dataset\), got 2/)
    await assert.rejects(h[Channel.cancelDownload](fromUs, 'now'), /lab:cancel-download takes no arguments, got 1/)
    await assert.rejects(h[Channel.startDownload](fromSubframe, 'mnist'), (e: Error) => e instanceof ForeignSenderError && /subframe/.test(e.message))
    await assert.rejects(h[Channel.downloadStatus](fromSubframe), ForeignSenderError)
    assert.deepEqual(calls, [])
  })

  it('say so when a window has no downloads wired', async () => {
    await assert.rejects(handlers(false)[Channel.startDownload](fromUs, 'mnist'), /downloads are not available in this window/)
  })

  it('the default digits and an opened folder are remembered as the data used last', async () => {
    const h = handlers(true, '/nowhere/at/all')
    h[Channel.command](fromUs, { type: 'useDefaultData' })
    assert.deepEqual(remembered, [{ kind: 'default' }])
    await h[Channel.openIdxData](fromUs) // the folder does not exist: refused, not remembered
    assert.deepEqual(remembered, [{ kind: 'default' }])
  })
})
