import { describe, it, before, after, afterEach } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DATASET_FILE_NAMES } from '../../datasets'
import { datasetComplete, downloadDataset, type DatasetProgress } from './download-dataset'
import { DownloadCancelledError, DownloadError } from './download-file'
import { startTestMirror, type TestMirror } from './test-mirror'
import { loadIdxFolder } from '../idx-folder'

let root: string
let count = 0
const mirrors: TestMirror[] = []
before(() => (root = mkdtempSync(join(tmpdir(), 'download-'))))
after(() => rmSync(root, { recursive: true, force: true }))
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((m) => m.close()))
})
const freshDir = () => join(root, `dest-${++count}`)
async function mirror(spec: Parameters<typeof startTestMirror>[0]) {
  const m = await startTestMirror(spec)
  mirrors.push(m)
  return m
}
function assertHoldsExactly(dir: string, m: TestMirror) {
  assert.deepEqual(readdirSync(dir).sort(), [...DATASET_FILE_NAMES].sort(), 'only the four files, no temp files')
  for (const name of DATASET_FILE_NAMES) assert.deepEqual(new Uint8Array(readFileSync(join(dir, name))), m.files[name], name)
}

describe('downloadDataset against a local server', () => {
  it('downloads the four files, verified, with progress up to 100 %, and the lab loads the folder', async () => {
    const m = await mirror({ a: 'ok' })
    const dest = freshDir()
    const seen: DatasetProgress[] = []
    const result = await downloadDataset({ files: m.manifest, mirrors: m.urls, dest, onProgress: (p) => seen.push(p) })
    assertHoldsExactly(dest, m)
    assert.deepEqual(Object.keys(result.downloaded).sort(), [...DATASET_FILE_NAMES].sort())
    const last = seen.at(-1)!
    assert.equal(last.bytes, last.total)
    assert.equal(last.percent, 100)
    assert.ok(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes), 'bytes never go back on one mirror')
    assert.ok(seen.every((p) => Number.isFinite(p.bytesPerSecond) && p.bytesPerSecond >= 0))
    assert.equal(await datasetComplete(dest, m.manifest), true)
    const { split } = await loadIdxFolder(dest)
    assert.deepEqual([split.train.count, split.test.count], [12, 5])
  })

  it('moves to the next mirror after a 503', async () => {
    const m = await mirror({ a: { status: 503 }, b: 'ok' })
    const dest = freshDir()
    const result = await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    assertHoldsExactly(dest, m)
    assert.ok(Object.values(result.downloaded).every((url) => url!.includes('/b/')))
    assert.ok(m.requests.includes('a/train-images-idx3-ubyte.gz'))
  })

  it('moves on after a mirror that sends headers and then nothing (idle timeout)', async () => {
    const m = await mirror({ a: 'hang', b: 'ok' })
    const dest = freshDir()
    await downloadDataset({ files: m.manifest, mirrors: m.urls, dest, idleTimeoutMs: 200 })
    assertHoldsExactly(dest, m)
  })

  it('moves on after a mirror that stalls halfway through a body', async () => {
    const m = await mirror({ a: 'stall-half', b: 'ok' })
    const dest = freshDir()
    await downloadDataset({ files: m.manifest, mirrors: m.urls, dest, idleTimeoutMs: 200 })
    assertHoldsExactly(dest, m)
  })

  it('moves on after a SHA-256 mismatch, and never keeps the bad bytes', async () => {
    const m = await mirror({ a: 'corrupt', b: 'ok' })
    const dest = freshDir()
    const result = await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    assertHoldsExactly(dest, m)
    assert.ok(result.downloaded['train-images-idx3-ubyte.gz']!.includes('/b/'))
  })

  it('refuses an oversized body while it streams and an announced size that does not match the pin', async () => {
    const m = await mirror({ a: 'oversized', b: 'short-announced' })
    const dest = freshDir()
    await assert.rejects(downloadDataset({ files: m.manifest, mirrors: m.urls, dest }), (error: unknown) => {
      assert.ok(error instanceof DownloadError)
      assert.equal(error.file, 'train-images-idx3-ubyte.gz')
      assert.match(error.attempts[0]!.reason, /larger than the pinned \d+ bytes/)
      assert.match(error.attempts[1]!.reason, /announces \d+ bytes, the pinned size is \d+ bytes/)
      return true
    })
    assert.equal(existsSync(dest), false, 'nothing left behind, not even the folder this download made')
  })

  it('names every mirror and why it failed when all fail', async () => {
    const m = await mirror({ a: { status: 503 }, b: 'corrupt' })
    const dest = freshDir()
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve)) // nothing listens there now: connection refused
    const dead = `http://127.0.0.1:${port}/nothing/`
    await assert.rejects(downloadDataset({ files: m.manifest, mirrors: [...m.urls, dead], dest }), (error: unknown) => {
      assert.ok(error instanceof DownloadError)
      assert.match(error.message, /could not download train-images-idx3-ubyte\.gz from any mirror/)
      assert.match(error.message, /\/a\/train-images-idx3-ubyte\.gz: HTTP 503/)
      assert.match(error.message, /\/b\/train-images-idx3-ubyte\.gz: SHA-256 [0-9a-f]{12}… does not match/)
      assert.match(error.message, /127\.0\.0\.1:\d+\/nothing\/train-images-idx3-ubyte\.gz: ECONNREFUSED/)
      return true
    })
    assert.equal(existsSync(dest), false)
  })

  it('cancelled mid-file: nothing partial in the folder, an old good file untouched', async () => {
    const m = await mirror({ a: 'ok' })
    m.set('a', 'stall-half', 'train-images-idx3-ubyte.gz')
    const dest = freshDir()
    // an earlier good copy of a file this manifest pins differently (a new release, say)
    const oldGood = Uint8Array.from([1, 2, 3, 4])
    mkdirSync(dest, { recursive: true })
    writeFileSync(join(dest, 'train-images-idx3-ubyte.gz'), oldGood)
    const controller = new AbortController()
    const job = downloadDataset({ files: m.manifest, mirrors: m.urls, dest, signal: controller.signal, idleTimeoutMs: 60_000 })
    await m.halfSent
    controller.abort()
    await assert.rejects(job, (error: unknown) => error instanceof DownloadCancelledError && error.file === 'train-images-idx3-ubyte.gz')
    assert.deepEqual(readdirSync(dest), ['train-images-idx3-ubyte.gz'])
    assert.deepEqual(new Uint8Array(readFileSync(join(dest, 'train-images-idx3-ubyte.gz'))), oldGood)
  })

  it('does not download a file the folder already holds with the pinned size and SHA-256', async () => {
    const m = await mirror({ a: 'ok' })
    const dest = freshDir()
    await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    m.requests.length = 0
    rmSync(join(dest, 't10k-labels-idx1-ubyte.gz'))
    const result = await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    assert.deepEqual(m.requests, ['a/t10k-labels-idx1-ubyte.gz'])
    assert.deepEqual(result.present, ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz'])
    assertHoldsExactly(dest, m)
  })

  it('replaces a file that does not match its pin, and removes temp files a killed run left', async () => {
    const m = await mirror({ a: 'ok' })
    const dest = freshDir()
    await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    writeFileSync(join(dest, 'train-labels-idx1-ubyte.gz'), 'truncated')
    writeFileSync(join(dest, '.train-labels-idx1-ubyte.gz.12345-deadbeef.part'), 'left by a killed download')
    await downloadDataset({ files: m.manifest, mirrors: m.urls, dest })
    assertHoldsExactly(dest, m)
  })
})
