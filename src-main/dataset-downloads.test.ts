import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DownloadState, LabEvent, WorkerCommand } from '../src-worker/protocol'
import { DATASET_FILE_NAMES } from '../src-worker/datasets'
import { DATASET_PINS, type DatasetPins } from '../src-worker/node/downloads/dataset-pins'
import { startTestMirror, type Behaviour, type TestMirror } from '../src-worker/node/downloads/test-mirror'
import { DatasetDownloads, LAST_DATASET_FILE } from './dataset-downloads'

let userData: string
let commands: WorkerCommand[]
let notified: LabEvent[]
let states: DownloadState[]
let mirror: TestMirror | undefined

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'bpl-downloads-'))
  commands = []
  notified = []
  states = []
})
afterEach(async () => {
  await mirror?.close()
  mirror = undefined
  await rm(userData, { recursive: true, force: true })
})

/** Both data sets pinned to the local server's generated files. */
async function downloads(behaviours: Record<string, Behaviour>, extra: { idleTimeoutMs?: number } = {}) {
  mirror = await startTestMirror(behaviours)
  const local = (title: string): DatasetPins => ({ title, mirrors: mirror!.urls, files: mirror!.manifest })
  return new DatasetDownloads({
    userData,
    host: { command: (c) => void commands.push(c), notify: (e) => void notified.push(e) },
    send: (s) => void states.push(s),
    pins: { mnist: local('MNIST'), fashion: local('Fashion-MNIST') },
    progressIntervalMs: 0,
    log: () => undefined,
    ...extra,
  })
}

describe('dataset downloads in main (issue 13 §1)', () => {
  it('downloads into <userData>/datasets/<name>, reports progress, loads the files into the worker and remembers the choice', async () => {
    const d = await downloads({ a: { status: 503 }, b: 'ok' })
    assert.deepEqual((await d.status()).cached, [])
    await d.start('fashion')
    await d.idle()
    assert.equal(states[0]!.state, 'running')
    const last = states.at(-1)!
    assert.deepEqual(last, { state: 'done', dataset: 'fashion', folder: join(userData, 'datasets', 'fashion') })
    const running = states.filter((s) => s.state === 'running')
    assert.equal(running.at(-1)!.state === 'running' && running.at(-1)!.percent, 100)
    assert.deepEqual((await readdir(join(userData, 'datasets', 'fashion'))).sort(), [...DATASET_FILE_NAMES].sort())
    assert.equal(commands.length, 1)
    const load = commands[0]!
    assert.ok(load.type === 'loadIdx' && load.source === 'fashion')
    assert.deepEqual(load.files.trainLabels.bytes, mirror!.files['train-labels-idx1-ubyte.gz'])
    assert.deepEqual(JSON.parse(await readFile(join(userData, LAST_DATASET_FILE), 'utf8')), { version: 1, kind: 'downloaded', dataset: 'fashion' })
    assert.deepEqual((await d.status()).cached, ['fashion'])
  })

  it('refuses a second download while one runs; cancel leaves nothing partial and says so', async () => {
    const d = await downloads({ a: 'stall-half' })
    await d.start('mnist')
    await assert.rejects(d.start('fashion'), /MNIST is downloading already; cancel it or wait until it is done/)
    await mirror!.halfSent
    assert.equal((await d.status()).active?.state, 'running')
    await d.cancel()
    assert.deepEqual(states.at(-1), { state: 'cancelled', dataset: 'mnist' })
    assert.deepEqual(await readdir(userData), [], 'no temp file, no empty cache folder left')
    assert.deepEqual(commands, [])
    assert.equal((await d.status()).active, null)
  })

  it('all mirrors failing ends in a failed state naming every mirror and why', async () => {
    const d = await downloads({ a: { status: 503 }, b: 'corrupt' })
    await d.start('mnist')
    await d.idle()
    const last = states.at(-1)!
    assert.equal(last.state, 'failed')
    assert.ok(last.state === 'failed')
    assert.equal(last.file, 'train-images-idx3-ubyte.gz')
    assert.deepEqual(last.attempts.map((a) => a.reason.split(' ')[0]), ['HTTP', 'SHA-256'])
    assert.deepEqual(commands, [], 'nothing loaded')
    await d.start('mnist') // a new attempt is allowed after a failure
    await d.idle()
  })

  it('use() loads a cached set and refuses one that is not there', async () => {
    const d = await downloads({ a: 'ok' })
    await assert.rejects(d.use('mnist'), /MNIST is not in the lab's cache .*download it again/)
    await d.start('mnist')
    await d.idle()
    commands.length = 0
    await d.use('mnist')
    assert.equal(commands[0]?.type, 'loadIdx')
  })

  it('at start, loads the data set used last; a vanished one is reported and the default digits stay', async () => {
    const d = await downloads({ a: 'ok' })
    assert.equal(await d.restoreLast(), null, 'nothing remembered yet')
    await d.start('mnist')
    await d.idle()
    commands.length = 0
    assert.deepEqual(await d.restoreLast(), { kind: 'downloaded', dataset: 'mnist' })
    assert.ok(commands[0]?.type === 'loadIdx' && commands[0].source === 'mnist')

    await rm(join(userData, 'datasets', 'mnist', 't10k-labels-idx1-ubyte.gz'))
    const fresh = new DatasetDownloads({ userData, host: { command: (c) => void commands.push(c), notify: (e) => void notified.push(e) }, send: () => undefined, pins: { mnist: { title: 'MNIST', mirrors: mirror!.urls, files: mirror!.manifest }, fashion: DATASET_PINS.fashion }, log: () => undefined })
    commands.length = 0
    assert.equal(await fresh.restoreLast(), null)
    assert.deepEqual(commands, [])
    const rejected = notified.at(-1)
    assert.ok(rejected?.type === 'rejected' && rejected.command === 'loadIdx')
    assert.match(rejected.message, /the data used last \(MNIST\) could not be loaded again, so the default digits are in use/)
  })

  it('remembers an opened folder and the default digits, and reads a damaged memory as nothing', async () => {
    const d = await downloads({ a: 'ok' })
    const folder = join(userData, 'my-mnist')
    await mkdir(folder)
    for (const name of DATASET_FILE_NAMES) await writeFile(join(folder, name), mirror!.files[name])
    await d.remember({ kind: 'folder', path: folder })
    assert.deepEqual(await d.restoreLast(), { kind: 'folder', path: folder })
    assert.ok(commands.at(-1)?.type === 'loadIdx')
    await d.remember({ kind: 'default' })
    commands.length = 0
    assert.deepEqual(await d.restoreLast(), { kind: 'default' })
    assert.deepEqual(commands, [])
    await writeFile(join(userData, LAST_DATASET_FILE), '{"kind": "downloaded", "dataset": "kmnist"}')
    assert.equal(await d.restoreLast(), null)
    await writeFile(join(userData, LAST_DATASET_FILE), '{not json')
    assert.equal(await d.restoreLast(), null)
    assert.deepEqual(commands, [])
  })
})
