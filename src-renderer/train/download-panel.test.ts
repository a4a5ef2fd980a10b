// The Data section's download UI rendered to HTML under Node (react-dom/server), fed by a fake main side.
import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import React, { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { DatasetDownloadApi, DatasetInfo, DownloadState, DownloadStatus } from '../../src-worker/protocol'
import type { Language } from '../i18n'
import { en } from '../i18n/en'
import { ko } from '../i18n/ko'
import { downloadStoreFor } from './download-store'

// tsx compiles .tsx with the classic JSX transform here (Vite uses the automatic one), so JSX needs a global React
;(globalThis as { React?: typeof React }).React = React
let I18nProvider: typeof import('../i18n').I18nProvider
let DownloadPanel: typeof import('./DownloadPanel').DownloadPanel
let labelNames: typeof import('./dataset-name').labelNames
before(async () => {
  ;({ I18nProvider } = await import('../i18n'))
  ;({ DownloadPanel } = await import('./DownloadPanel'))
  ;({ labelNames } = await import('./dataset-name'))
})

function fake(status: DownloadStatus) {
  let listener: (s: DownloadState) => void = () => undefined
  const api: DatasetDownloadApi = {
    downloadStatus: async () => status,
    startDownload: async () => undefined,
    cancelDownload: async () => undefined,
    useDownloaded: async () => undefined,
    onDownload: (l) => ((listener = l), () => undefined),
  }
  return { api, send: (s: DownloadState) => listener(s) }
}
const tick = () => new Promise((r) => setImmediate(r))
const render = (api: DatasetDownloadApi, lang: Language = 'en') =>
  renderToStaticMarkup(createElement(I18nProvider, { initial: lang, children: createElement(DownloadPanel, { api, busy: false }) }))
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('the download panel', () => {
  it('offers both downloads, and "use the downloaded" for a cached one', async () => {
    const f = fake({ cached: ['mnist'], active: null, cacheFolder: '/home/u/.config/Backprop Lab/datasets' })
    downloadStoreFor(f.api)
    await tick()
    const html = text(render(f.api))
    assert.match(html, /Use the downloaded MNIST/)
    assert.match(html, /Get Fashion-MNIST \(~30 MB\)/)
    assert.doesNotMatch(html, /Get the full MNIST/)
    assert.match(html, /Downloads are kept in \/home\/u\/\.config\/Backprop Lab\/datasets\./)
  })

  it('shows a running download as a progress bar with bytes, %, speed and Cancel', async () => {
    const f = fake({ cached: [], active: null, cacheFolder: '/c' })
    downloadStoreFor(f.api)
    await tick()
    f.send({ state: 'running', dataset: 'mnist', file: 'train-images-idx3-ubyte.gz', bytes: 4_956_211, total: 11_594_722, percent: 42.7, bytesPerSecond: 1_250_000 })
    const html = render(f.api)
    assert.match(html, /<progress max="100" value="42.7"/)
    assert.match(text(html), /train-images-idx3-ubyte\.gz · 5\.0 MB of 11\.6 MB \(42 %\) · 1\.3 MB\/s/)
    assert.match(text(html), /Cancel download/)
    assert.match(html, /<button disabled="">Get the full MNIST/, 'no second download while one runs')
    assert.match(text(render(f.api, 'ko')), /11\.6 MB 중 5\.0 MB \(42%\) · 초당 1\.3 MB/)
  })

  it('a failed download lists every mirror and why, and points to opening a folder', async () => {
    const f = fake({ cached: [], active: null, cacheFolder: '/c' })
    downloadStoreFor(f.api)
    f.send({ state: 'failed', dataset: 'fashion', file: 'train-images-idx3-ubyte.gz', attempts: [{ url: 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz', reason: 'ENOTFOUND fashion-mnist.s3-website.eu-central-1.amazonaws.com' }] })
    const html = text(render(f.api))
    assert.match(html, /Could not download Fashion-MNIST: every mirror failed for train-images-idx3-ubyte\.gz\./)
    assert.match(html, /amazonaws\.com\/train-images-idx3-ubyte\.gz : ENOTFOUND/)
    assert.match(html, /open a folder that holds the four IDX files with “Open MNIST IDX files…”/)
  })
})

describe('label names', () => {
  const fashion: DatasetInfo = { kind: 'idx', name: 'Fashion-MNIST, downloaded', trainSize: 60000, testSize: 10000, expectedTestAccuracy: 0, source: 'fashion', labelNames: ['T-shirt/top'] }
  it('are Fashion-MNIST\'s classes in the UI\'s language, and none for digits', () => {
    assert.equal(labelNames(en, fashion)?.[9], 'Ankle boot')
    assert.equal(labelNames(ko, fashion)?.[0], '티셔츠/탑')
    assert.equal(labelNames(en, { ...fashion, source: 'mnist', labelNames: undefined }), null)
    assert.equal(labelNames(en, null), null)
  })
})
