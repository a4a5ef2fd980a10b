import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LabEvent } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { createDesktopLab } from './desktop-lab'
import { builtWorkerMissing, fakeWorker, realWorker } from './test-doubles/host-harness'

const missing = builtWorkerMissing()
if (missing) console.log(`SKIP run history with the real worker bundle: ${missing}`)

const cleanups: (() => Promise<unknown>)[] = []
after(() => Promise.all(cleanups.map((c) => c())))

describe('finished runs land in the history (real worker bundle)', { skip: missing }, () => {
  it('a completed run is saved before its done reaches the window, with every loss and each epoch, and exports as CSV', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bpl-lab-'))
    const delivered: LabEvent[] = []
    let saved!: (problem: string | null) => void
    const savedOnce = new Promise<string | null>((resolve) => (saved = resolve))
    let listedOnDone: Promise<number> | undefined
    const { host, history } = createDesktopLab({
      createWorker: realWorker,
      send: (e) => {
        delivered.push(e)
        if (e.type === 'done') listedOnDone = history.list().then((l) => l.runs.length) // what a renderer refreshing on 'done' sees
      },
      historyFolder: folder,
      onRunKept: saved,
    })
    cleanups.push(() => host.dispose(), () => rm(folder, { recursive: true, force: true }))
    host.rendererReady()
    host.command({ type: 'start', settings: { ...BOOK_SETTINGS, hiddenSize: 10, iterations: 200 } })

    const result = await savedOnce
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(await listedOnDone, 1, "the run is on disk by the time 'done' reaches the window")
    assert.equal(result, null, 'kept, no problem')
    const { runs, warnings } = await history.list()
    assert.deepEqual(warnings, [])
    assert.equal(runs.length, 1)
    const run = runs[0]!
    const done = delivered.find((e) => e.type === 'done')
    assert.ok(done?.type === 'done')
    assert.equal(run.reason, 'completed')
    assert.equal(run.losses.length, 0, 'listing sends summaries only')
    assert.equal((await history.losses(run.id)).length, 200)
    assert.equal(run.hasModel, true, "the run's final weights are kept beside it")
    const model = (await history.model(run.id)) as { format: string; hyperparameters: { hiddenSize: number } }
    assert.equal(model.format, 'backprop-lab-model')
    assert.equal(model.hyperparameters.hiddenSize, 10)
    assert.equal(run.summary.testAccuracy, done.summary.testAccuracy)
    assert.deepEqual(run.epochs.map((e) => e.iteration), delivered.flatMap((e) => (e.type === 'epoch' ? [e.iteration] : [])))
    const csvPath = join(folder, 'run.csv')
    await history.exportCsv(run.id, csvPath)
    assert.equal((await readFile(csvPath, 'utf8')).trimEnd().split('\n').length, 1 + 200)
  })
})

describe('a run whose worker goes away is kept as far as it got (test-double worker)', () => {
  it('a worker that exits mid-run leaves a stopped run in the history with the losses that arrived, before failed reaches the window', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bpl-lab-'))
    const delivered: LabEvent[] = []
    let kept!: (problem: string | null) => void
    const keptOnce = new Promise<string | null>((resolve) => (kept = resolve))
    const { host, history } = createDesktopLab({
      createWorker: fakeWorker({ crash: 'exitAfterProgress' }),
      send: (e) => void delivered.push(e),
      historyFolder: folder,
      onRunKept: kept,
    })
    cleanups.push(() => host.dispose(), () => rm(folder, { recursive: true, force: true }))
    host.rendererReady()
    host.command({ type: 'start', settings: { ...BOOK_SETTINGS, hiddenSize: 10, iterations: 200 } })
    assert.equal(await keptOnce, null)
    const { runs } = await history.list()
    assert.equal(runs.length, 1)
    assert.equal(runs[0]!.reason, 'stopped')
    assert.equal(runs[0]!.summary.iterations, 10, 'the fake worker sent one chunk of 10 losses before it exited')
    assert.equal((await history.losses(runs[0]!.id)).length, 10)
  })
})
