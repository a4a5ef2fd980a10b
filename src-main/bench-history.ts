// Desktop history folder benchmark (npm run bench:history, also run by bench:ui; not a test): the main
// process's side of opening Runs, under plain Node. 20 stored runs, one of 1,000,000 iterations, in a tmp
// folder: the time to list them (what lab:list-runs answers) and to read the long run's curve (lab:run-losses),
// each the median of several rounds, plus the first-format migration of a 1,000,000-iteration file once.
// Target (#10): opening Runs under 500 ms to a drawn chart; this is the main-process share of it.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunRecord } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { runId, runToJson } from '../src-worker/session/run-record'
import { RunHistory } from './run-history'

const TARGET_MS = 500
const ROUNDS = 7

function record(k: number, n: number): RunRecord {
  const startedAt = new Date(Date.UTC(2026, 11, 1, 12) - k * 60_000).toISOString()
  const losses = new Float32Array(n)
  for (let i = 0; i < n; i++) losses[i] = 2.3 * Math.exp(-i / (n / 5)) + (0.05 * ((i * 7919) % 13)) / 13
  return {
    format: 'backprop-lab-run', version: 1, id: runId(new Date(startedAt), k), startedAt, finishedAt: startedAt,
    settings: { ...BOOK_SETTINGS, iterations: n, seed: k },
    dataset: { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 },
    backend: 'wasm-simd-f32', reason: 'completed',
    summary: { iterations: n, seed: k, finalLoss: losses[n - 1]!, trainAccuracy: 0.95, testAccuracy: 0.93, msPerIteration: 0.2, totalSeconds: n / 5000 },
    losses, epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }],
  }
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await body()
  return { ms: performance.now() - t0, value }
}

async function median(body: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) times.push((await timed(body)).ms)
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bpl-bench-history-'))
  try {
    const folder = join(dir, 'runs')
    const history = new RunHistory(folder)
    const long = record(0, 1_000_000)
    const save = await timed(() => history.save(long))
    for (let k = 1; k < 20; k++) await history.save(record(k, 10_000))
    const list = await median(() => history.list())
    const curve = await median(() => history.losses(long.id))
    const listed = await history.list()
    if (listed.runs.length !== 20) throw new Error(`listed ${listed.runs.length} runs, expected 20`)
    if ((await history.losses(long.id)).length !== 1_000_000) throw new Error('the long run lost losses')
    const size = (await stat(join(folder, `${long.id}.losses.f32`))).size

    const legacyFolder = join(dir, 'legacy')
    await mkdir(legacyFolder, { recursive: true })
    const legacyText = runToJson(long)
    await writeFile(join(legacyFolder, `${long.id}.json`), legacyText)
    const migrate = await timed(() => new RunHistory(legacyFolder).list())
    const after = await timed(() => new RunHistory(legacyFolder).list())

    const verdict = (ms: number) => (ms < TARGET_MS ? 'meets target' : 'MISSES target')
    console.log(`Desktop history folder under Node ${process.version} (20 runs, one of 1,000,000 iterations; median of ${ROUNDS})`)
    console.log(`  save the 1,000,000-iteration run (summary + ${(size / 1e6).toFixed(1)} MB losses file, fsynced): ${save.ms.toFixed(0)} ms`)
    console.log(`  list the 20 runs (summaries only, what lab:list-runs sends): ${list.toFixed(1)} ms — target < ${TARGET_MS} ms: ${verdict(list)}`)
    console.log(`  read the 1,000,000-iteration curve (lab:run-losses): ${curve.toFixed(1)} ms — target < ${TARGET_MS} ms with the list: ${verdict(list + curve)}`)
    console.log(`  first-format file of that run (${(legacyText.length / 1e6).toFixed(1)} MB of JSON) migrated on the first listing: ${migrate.ms.toFixed(0)} ms once; the next listing ${after.ms.toFixed(1)} ms`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`bench:history failed: ${(error as Error).message}`)
  process.exitCode = 1
})
