import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunRecord } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { runId } from '../src-worker/session/run-record'
import { RunHistory } from './run-history'

function run(startedAt: string, losses = [2.3, 1.1, 0.7]): RunRecord {
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
    summary: { iterations: losses.length, seed: 42, finalLoss: losses.at(-1)!, trainAccuracy: 0.8, testAccuracy: 0.79, msPerIteration: 2, totalSeconds: 0.1 },
    losses,
    epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }],
  }
}

let dir: string
let history: RunHistory
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bpl-runs-'))
  history = new RunHistory(join(dir, 'runs'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('run history: one JSON file per finished run', () => {
  it('an empty or missing folder lists no runs and no warnings', async () => {
    assert.deepEqual(await history.list(), { runs: [], warnings: [] })
  })

  it('round-trips runs and lists them newest first', async () => {
    const older = run('2026-11-29T09:00:00.000Z')
    const newer = run('2026-11-29T10:00:00.000Z', [2.2, 0.5])
    await history.save(older)
    await history.save(newer)
    const { runs, warnings } = await history.list()
    assert.deepEqual(runs, [newer, older])
    assert.deepEqual(warnings, [])
    assert.deepEqual(await readdir(history.folder), [`${older.id}.json`, `${newer.id}.json`])
  })

  it('skips each corrupt file with a warning naming it, and still loads the good one', async () => {
    const good = run('2026-11-29T09:00:00.000Z')
    await history.save(good)
    const text = JSON.stringify(run('2026-11-29T08:00:00.000Z'))
    const bad: Record<string, string> = {
      'truncated.json': text.slice(0, text.length / 2),
      'wrong-version.json': text.replace('"version":1', '"version":9'),
      'not-a-run.json': '{"format":"backprop-lab-model","version":1}',
      'nan-loss.json': text.replace('"losses":[2.3', '"losses":[null'),
      'renamed.json': text,
      'empty.json': '',
    }
    for (const [name, content] of Object.entries(bad)) await writeFile(join(history.folder, name), content)
    await writeFile(join(history.folder, 'notes.txt'), 'not a run file, ignored')
    const { runs, warnings } = await history.list()
    assert.deepEqual(runs, [good])
    assert.equal(warnings.length, Object.keys(bad).length)
    const warning = (name: string) => warnings.find((w) => w.startsWith(`skipped run file ${name}:`)) ?? ''
    assert.match(warning('truncated.json'), /not valid JSON/)
    assert.match(warning('wrong-version.json'), /version 9 is not supported/)
    assert.match(warning('not-a-run.json'), /format must be "backprop-lab-run"/)
    assert.match(warning('nan-loss.json'), /losses\[0\] must be a finite number, got null/)
    assert.match(warning('renamed.json'), /does not match the file name/)
    assert.match(warning('empty.json'), /not valid JSON/)
  })

  it('exports a run log as CSV: header plus one row per iteration', async () => {
    const r = run('2026-11-29T09:00:00.000Z')
    await history.save(r)
    const path = join(dir, 'log.csv')
    await history.exportCsv(r.id, path)
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    assert.deepEqual(lines, ['iteration,loss,trainAccuracy,testAccuracy', '0,2.3,0.1,0.1', '1,1.1,,', '2,0.7,,'])
  })

  it('refuses ids that are not filename-safe, and unknown ids, by name', async () => {
    await assert.rejects(history.get('../secrets'), /runId must be letters, digits and '-' only, got "..\/secrets"/)
    await assert.rejects(history.get(42), /runId must be .* got number/)
    await assert.rejects(history.get('nope'), /run nope is not in the history/)
  })
})
