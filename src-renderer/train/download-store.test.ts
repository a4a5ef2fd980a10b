import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { DatasetDownloadApi, DownloadState, DownloadStatus } from '../../src-worker/protocol'
import { DownloadStore } from './download-store'

/** A DatasetDownloadApi whose main side is this test: it records calls and sends states when told. */
function fakeApi(status: DownloadStatus) {
  let listener: (s: DownloadState) => void = () => undefined
  const calls: string[] = []
  let refuseStart: string | null = null
  const api: DatasetDownloadApi = {
    downloadStatus: async () => (calls.push('status'), status),
    startDownload: async (d) => {
      calls.push(`start ${d}`)
      if (refuseStart) throw new Error(`Error invoking remote method 'lab:start-download': LabInputError: ${refuseStart}`)
    },
    cancelDownload: async () => void calls.push('cancel'),
    useDownloaded: async (d) => void calls.push(`use ${d}`),
    onDownload: (l) => ((listener = l), () => undefined),
  }
  return { api, calls, send: (s: DownloadState) => listener(s), refuse: (m: string) => (refuseStart = m), status }
}
const tick = () => new Promise((r) => setImmediate(r))

describe('the renderer download store', () => {
  it('asks for the status at once, follows main\'s states and asks again when a download ends', async () => {
    const f = fakeApi({ cached: [], active: null, cacheFolder: '/u/datasets' })
    const store = new DownloadStore(f.api)
    await tick()
    assert.deepEqual(store.getSnapshot().status?.cached, [])
    await store.start('mnist')
    const running: DownloadState = { state: 'running', dataset: 'mnist', file: 't10k-images-idx3-ubyte.gz', bytes: 5, total: 10, percent: 50, bytesPerSecond: 3 }
    f.send(running)
    assert.equal(store.getSnapshot().state, running)
    f.status.cached = ['mnist']
    f.send({ state: 'done', dataset: 'mnist', folder: '/u/datasets/mnist' })
    await tick()
    assert.deepEqual(store.getSnapshot().status?.cached, ['mnist'])
    assert.deepEqual(f.calls, ['status', 'start mnist', 'status'])
  })

  it('a reloaded page picks up a download under way from the status', async () => {
    const active: DownloadState = { state: 'running', dataset: 'fashion', file: 'train-images-idx3-ubyte.gz', bytes: 1, total: 9, percent: 11, bytesPerSecond: 1 }
    const store = new DownloadStore(fakeApi({ cached: [], active, cacheFolder: '/u' }).api)
    await tick()
    assert.deepEqual(store.getSnapshot().state, active)
  })

  it('shows main\'s refusal without Electron\'s wrapping, and clears it on the next try', async () => {
    const f = fakeApi({ cached: [], active: null, cacheFolder: '/u' })
    const store = new DownloadStore(f.api)
    f.refuse('MNIST is downloading already; cancel it or wait until it is done')
    await store.start('fashion')
    assert.equal(store.getSnapshot().refused, 'MNIST is downloading already; cancel it or wait until it is done')
    await store.use('mnist')
    assert.equal(store.getSnapshot().refused, null)
  })
})
