import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunRecord } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { runId, runToCsv, runToJson } from '../src-worker/session/run-record'
import { writeFileAtomic } from './files/atomic-write'
import { RunHistory } from './run-history'

function run(startedAt: string, losses: ArrayLike<number> = Float32Array.from([2.3, 1.1, 0.7])): RunRecord {
  return {
    format: 'backprop-lab-run',
    version: 1,
    id: runId(new Date(startedAt), 42),
    startedAt,
    finishedAt: startedAt,
    settings: { ...BOOK_SETTINGS, iterations: losses.length },
    dataset: { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 },
    backend: 'reference',
    reason: 'completed',
    summary: { iterations: losses.length, seed: 42, finalLoss: losses[losses.length - 1]!, trainAccuracy: 0.8, testAccuracy: 0.79, msPerIteration: 2, totalSeconds: 0.1 },
    losses,
    epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }],
  }
}

/** A writer that fails like the OS would (the tests run as root, where a chmod'ed folder stays writable). */
function failingWriter(code: string, when: (path: string) => boolean = () => true) {
  return async (path: string, data: string | Uint8Array) => {
    if (when(path)) throw Object.assign(new Error(`${code}: simulated, write '${path}'`), { code })
    await writeFileAtomic(path, data)
  }
}

const floats = (values: ArrayLike<number>) => Array.from(values, Math.fround)
/** The first format: one JSON file per run with every loss as text. */
const legacyText = (r: RunRecord) => JSON.stringify({ ...r, losses: Array.from(r.losses) }) + '\n'

let dir: string
let folder: string
let history: RunHistory
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bpl-runs-'))
  folder = join(dir, 'runs')
  history = new RunHistory(folder)
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('run history: a JSON summary and a float32 losses file per run', () => {
  it('an empty or missing folder lists nothing', async () => {
    assert.deepEqual(await history.list(), { runs: [], warnings: [], corrupt: [], unkept: [] })
  })

  it('writes <id>.json without losses beside <id>.losses.f32 (4 bytes a loss, little-endian)', async () => {
    const r = run('2026-11-29T09:00:00.000Z')
    await history.save(r)
    assert.deepEqual((await readdir(folder)).sort(), [`${r.id}.json`, `${r.id}.losses.f32`])
    const summary = JSON.parse(await readFile(join(folder, `${r.id}.json`), 'utf8'))
    assert.equal('losses' in summary, false)
    assert.equal(summary.lossCount, 3)
    const bytes = await readFile(join(folder, `${r.id}.losses.f32`))
    assert.equal(bytes.byteLength, 12)
    assert.equal(bytes.readFloatLE(4), Math.fround(1.1))
  })

  it('lists summaries only, newest first, and reads a curve when asked for it', async () => {
    const older = run('2026-11-29T09:00:00.000Z')
    const newer = run('2026-11-29T10:00:00.000Z', [2.2, 0.5])
    await history.save(older)
    await history.save(newer)
    const listing = await history.list()
    assert.deepEqual(listing.runs.map((r) => [r.id, r.losses.length]), [[newer.id, 0], [older.id, 0]])
    assert.deepEqual({ ...listing.runs[1], losses: undefined }, { ...older, losses: undefined, hasModel: false })
    assert.deepEqual(Array.from(await history.losses(older.id)), floats(older.losses))
    assert.deepEqual(Array.from((await history.record(newer.id)).losses), floats([2.2, 0.5]))
  })

  it('keeps all 1,000,000 losses of a long run, bit for bit', async () => {
    const losses = Float32Array.from({ length: 1_000_000 }, (_, i) => 2.3 * Math.exp(-i / 1e5) + (i % 7) / 100)
    const r = run('2026-11-29T09:00:00.000Z', losses)
    await history.save(r)
    assert.equal((await stat(join(folder, `${r.id}.losses.f32`))).size, 4_000_000)
    assert.deepEqual(await history.losses(r.id), losses)
  })

  it('lists each corrupt run by id with the reason, so it can be deleted; skips what has no usable id', async () => {
    const good = run('2026-11-29T09:00:00.000Z')
    await history.save(good)
    const text = legacyText(run('2026-11-29T08:00:00.000Z'))
    const cut = run('2026-11-29T07:00:00.000Z', [1, 2, 3, 4])
    await history.save(cut)
    await writeFile(join(folder, `${cut.id}.losses.f32`), new Uint8Array(6))
    const lost = run('2026-11-29T06:00:00.000Z')
    await history.save(lost)
    await rm(join(folder, `${lost.id}.losses.f32`))
    const bad: Record<string, string> = {
      'truncated.json': text.slice(0, text.length / 2),
      'wrong-version.json': text.replace('"version":1', '"version":9'),
      'not-a-run.json': '{"format":"backprop-lab-model","version":1}',
      'nan-loss.json': text.replace('"losses":[', '"losses":[null,'),
      'renamed.json': text,
      'empty.json': '',
    }
    for (const [name, content] of Object.entries(bad)) await writeFile(join(folder, name), content)
    await writeFile(join(folder, 'orphan.losses.f32'), new Uint8Array(8))
    await writeFile(join(folder, 'my run.json'), '{}')
    await writeFile(join(folder, 'notes.txt'), 'not a run file, ignored')
    const { runs, corrupt, warnings } = await history.list()
    assert.deepEqual(runs.map((r) => r.id), [good.id])
    const reason = (id: string) => corrupt?.find((c) => c.id === id)?.reason ?? ''
    assert.match(reason('truncated'), /not valid JSON/)
    assert.match(reason('wrong-version'), /version 9 is not supported/)
    assert.match(reason('not-a-run'), /format must be "backprop-lab-run"/)
    assert.match(reason('nan-loss'), /losses\[0\] must be a finite number, got null/)
    assert.match(reason('renamed'), /does not match the file name/)
    assert.match(reason('empty'), /not valid JSON/)
    assert.match(reason(cut.id), /holds 6 bytes, but the run has 4 losses \(16 bytes\)/)
    assert.match(reason(lost.id), /losses\.f32 is missing: the run's losses are lost/)
    assert.match(reason('orphan'), /its summary orphan\.json is missing/)
    assert.equal(corrupt?.length, 9)
    assert.deepEqual(warnings, ['skipped run file my run.json: my run.json: field format is missing'])
    await history.remove('truncated')
    await history.remove('orphan')
    assert.equal((await history.list()).corrupt?.length, 7, 'a corrupt run goes when deleted, and only then')
  })

  it('refuses ids that are not filename-safe, and unknown ids, by name', async () => {
    await assert.rejects(history.losses('../secrets'), /runId must be letters, digits and '-' only .*got "..\/secrets"/)
    await assert.rejects(history.remove(42), /runId must be .* got 42/)
    await assert.rejects(history.losses('nope'), /run nope is not in the history/)
  })

  it('exports a run log as CSV: header plus one row per iteration', async () => {
    const r = run('2026-11-29T09:00:00.000Z', [2.5, 1.25, 0.75])
    await history.save(r)
    const path = join(dir, 'log.csv')
    await history.exportCsv(r.id, path)
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    assert.deepEqual(lines, ['iteration,loss,trainAccuracy,testAccuracy', '0,2.5,0.1,0.1', '1,1.25,,', '2,0.75,,'])
  })
})

describe('run history: the first format (every loss as JSON text) is rewritten once, losing none', () => {
  it('rewrites it as summary + losses on listing; every loss is still there', async () => {
    const r = run('2026-11-29T09:00:00.000Z', [2.3, 1.1, 0.7, 0.25])
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, `${r.id}.json`), legacyText(r))
    const listing = await history.list()
    assert.deepEqual(listing.runs.map((x) => x.id), [r.id])
    assert.deepEqual(listing.warnings, [])
    const summary = JSON.parse(await readFile(join(folder, `${r.id}.json`), 'utf8'))
    assert.equal(summary.lossCount, 4)
    assert.equal('losses' in summary, false)
    assert.deepEqual(Array.from(await history.losses(r.id)), floats(r.losses))
    assert.deepEqual(await history.list(), listing, 'a second listing finds nothing to migrate')
  })

  it('when the folder cannot be written, keeps the old file as it was, lists and reads it, and says why', async () => {
    const r = run('2026-11-29T09:00:00.000Z')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, `${r.id}.json`), legacyText(r))
    const stuck = new RunHistory(folder, { write: failingWriter('EROFS') })
    const listing = await stuck.list()
    assert.deepEqual(listing.runs.map((x) => x.id), [r.id])
    assert.match(listing.warnings[0] ?? '', /stays in the old one-file format for now: .* is on a read-only disk/)
    assert.equal(await readFile(join(folder, `${r.id}.json`), 'utf8'), legacyText(r), 'the old file is untouched')
    assert.deepEqual(await readdir(folder), [`${r.id}.json`], 'no half-written losses file is left')
    assert.deepEqual(Array.from(await stuck.losses(r.id)), Array.from(r.losses))
  })

  it('when the summary cannot replace the old file, the old one stays whole and the new losses file goes', async () => {
    const r = run('2026-11-29T09:00:00.000Z')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, `${r.id}.json`), legacyText(r))
    const half = new RunHistory(folder, { write: failingWriter('ENOSPC', (p) => p.endsWith('.json')) })
    assert.match((await half.list()).warnings[0] ?? '', /the disk holding .* is full/)
    assert.deepEqual(await readdir(folder), [`${r.id}.json`])
    assert.equal(await readFile(join(folder, `${r.id}.json`), 'utf8'), legacyText(r))
  })
})

describe('run history: a run that cannot be written stays in memory, listed as unkept and exportable', () => {
  for (const [code, words] of [['ENOSPC', /the disk holding .* is full/], ['EACCES', /may not be written \(permission denied\)/], ['EROFS', /read-only disk/]] as const) {
    it(`${code}: says why, lists it, and exports it whole`, async () => {
      const full = new RunHistory(folder, { write: failingWriter(code) })
      const r = run('2026-11-29T09:00:00.000Z', [2.3, 1.1, 0.7, 0.5])
      const problem = await full.keep(r)
      assert.match(problem ?? '', new RegExp(`run ${r.id} was not kept: .*${words.source}\\. It stays in memory until you quit the app: export it now\\.`))
      const listing = await full.list()
      assert.deepEqual(listing.unkept, [{ id: r.id, reason: problem }])
      assert.deepEqual(listing.runs.map((x) => [x.id, x.losses.length]), [[r.id, 0]])
      assert.deepEqual(Array.from(await full.losses(r.id)), floats(r.losses))
      assert.equal(runToCsv(await full.record(r.id)).trimEnd().split('\n').length, 1 + 4, 'its CSV has every iteration')
      await full.label(r.id, { name: 'kept in memory', note: '' })
      assert.equal((await full.record(r.id)).name, 'kept in memory')
    })
  }

  it('a losses file written before the summary failed is removed; a stored run of the same id is not touched', async () => {
    const r = run('2026-11-29T09:00:00.000Z')
    const half = new RunHistory(folder, { write: failingWriter('ENOSPC', (p) => p.endsWith('.json')) })
    assert.ok(await half.keep(r))
    assert.deepEqual(await readdir(folder), [])
    await history.save(r)
    assert.ok(await half.keep(r))
    assert.deepEqual((await readdir(folder)).sort(), [`${r.id}.json`, `${r.id}.losses.f32`])
    assert.deepEqual(Array.from(await history.losses(r.id)), floats(r.losses))
  })

  it('nothing is deleted without a delete: failed saves, labels and listings leave every file in place', async () => {
    const kept = run('2026-11-29T08:00:00.000Z')
    await history.save(kept)
    const flaky = new RunHistory(folder, { write: failingWriter('ENOSPC', (p) => !p.includes(kept.id)) })
    for (let i = 0; i < 3; i++) await flaky.keep(run(`2026-11-29T09:0${i}:00.000Z`))
    await flaky.label(kept.id, { name: 'mine', note: 'kept' })
    await flaky.list()
    assert.deepEqual((await readdir(folder)).sort(), [`${kept.id}.json`, `${kept.id}.losses.f32`])
    assert.equal((await flaky.list()).runs.length, 4)
    await flaky.remove(kept.id)
    await flaky.clear()
    assert.deepEqual(await readdir(folder), [])
    assert.deepEqual((await flaky.list()).runs, [])
  })
})

describe("run history: each run's final weights as a third file (#12 item 4)", () => {
  const model = { format: 'backprop-lab-model', version: 1, params: { b2: { shape: [10], values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] } } }

  it('writes <id>.model.json beside the run, lists it as having weights, and gives them back', async () => {
    const r = { ...run('2026-11-29T09:00:00.000Z'), model }
    await history.save(r)
    assert.deepEqual((await readdir(folder)).sort(), [`${r.id}.json`, `${r.id}.losses.f32`, `${r.id}.model.json`])
    const summary = JSON.parse(await readFile(join(folder, `${r.id}.json`), 'utf8'))
    assert.equal('model' in summary, false, 'the summary stays small')
    const { runs, corrupt } = await history.list()
    assert.deepEqual(runs.map((x) => [x.id, x.hasModel, x.model]), [[r.id, true, undefined]])
    assert.deepEqual(corrupt, [], 'the weights file is not mistaken for a run')
    assert.deepEqual(await history.model(r.id), model)
    assert.equal('model' in JSON.parse(runToJson(await history.record(r.id))), false, "the run's JSON is its log, without weights")
    await history.remove(r.id)
    assert.deepEqual(await readdir(folder), [], 'deleting a run deletes its weights')
  })

  it('an older run (or a migrated first-format one) has none, and says so by name', async () => {
    const old = run('2026-11-29T08:00:00.000Z')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, `${old.id}.json`), legacyText(old))
    assert.deepEqual((await history.list()).runs.map((x) => x.hasModel), [false])
    await assert.rejects(history.model(old.id), /run 2026-11-29T08-00-00-000Z-seed42 has no weights kept: it finished before the lab kept each run's weights/)
  })

  it('a missing or broken weights file is named; an unkept run keeps its weights in memory', async () => {
    const r = { ...run('2026-11-29T09:00:00.000Z'), model }
    await history.save(r)
    await writeFile(join(folder, `${r.id}.model.json`), '{"format":')
    await assert.rejects(history.model(r.id), /\.model\.json: not valid JSON/)
    await rm(join(folder, `${r.id}.model.json`))
    await assert.rejects(history.model(r.id), /its weights file .*\.model\.json is missing/)
    const full = new RunHistory(join(dir, 'full'), { write: failingWriter('ENOSPC') })
    const held = { ...run('2026-11-29T10:00:00.000Z'), model }
    assert.ok(await full.keep(held))
    assert.deepEqual(await full.model(held.id), model)
    assert.equal((await full.list()).runs[0]?.hasModel, true)
  })
})

