// npm run bench [-- --json] [--repeats 3] [--iterations 10000] [--reference-iterations 200] [--no-numpy]
//                 [--numpy-as-configured]
// The book's run (784-50-10, batch 100, lr 0.1, default digits) timed side by side, alternating per repeat:
// the engine's fast path and its float64 reference (each in a fresh worker_thread running train.ts), and
// the book's numpy code in float64 and float32 (bench_numpy.py, one core). See README's performance section.
// numpy runs with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset, so OpenBLAS picks its fastest kernel here
// (SkylakeX, AVX-512); --numpy-as-configured adds rows with the machine's settings as they are (Haswell).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import type { BenchJob, BenchRun } from './bench-worker'
import { loadDefaultSplit } from './default-data'
import { summarize, type PathResult, type Sample } from './bench-report'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
function option(name: string, fallback: number): number {
  const at = args.indexOf(name)
  if (at < 0) return fallback
  const value = Number(args[at + 1])
  if (!(Number.isInteger(value) && value >= 1)) {
    console.error(`bench: ${name} must be a positive integer, got ${args[at + 1]}`)
    process.exit(2)
  }
  return value
}
const repeats = option('--repeats', 3)
const iterations = option('--iterations', 10_000)
const referenceIterations = Math.min(iterations, option('--reference-iterations', 200))

/** one run of train.ts in a fresh worker_thread; tsx's CJS hook loads the TypeScript source there */
function inWorker(job: BenchJob): Promise<BenchRun> {
  const source = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'bench-worker.ts'))})`
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: job })
    worker.once('message', (m: { ok: true; result: BenchRun } | { ok: false; error: string }) => {
      void worker.terminate()
      if (m.ok) resolve(m.result)
      else reject(new Error(m.error))
    })
    worker.once('error', reject)
  })
}

type NumpyKind = 'float64' | 'float32' | 'float64 as configured' | 'float32 as configured'

const pythonEnv = (asConfigured = false) => {
  // one core; unless asConfigured, OpenBLAS free to pick its best kernel: OPENBLAS_CORETYPE / L2_SIZE unset for this child only
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' }
  if (!asConfigured) {
    delete env.OPENBLAS_CORETYPE
    delete env.OPENBLAS_L2_SIZE
  }
  return env
}

async function numpyRun(dataDir: string, kind: NumpyKind): Promise<Sample & { info: Record<string, unknown> }> {
  const script = join(__dirname, 'bench_numpy.py')
  const dtype = kind.split(' ')[0]
  const { stdout } = await promisify(execFile)('python3', [script, '--data', dataDir, '--dtype', dtype, '--iters', String(iterations)], {
    env: pythonEnv(kind.endsWith('as configured')),
  })
  const r = JSON.parse(stdout) as Sample & Record<string, unknown>
  return { ...r, info: { numpy: r.numpy, openblasCore: r.openblasCore, threads: r.threads } }
}

async function numpyMissing(): Promise<string | null> {
  try {
    await promisify(execFile)('python3', ['-c', 'import numpy'], { env: pythonEnv() })
    return null
  } catch (error) {
    return `python3 with numpy is not available here (${(error as Error).message.split('\n')[0]})`
  }
}

async function main(): Promise<void> {
  const baselineRss = process.memoryUsage().rss
  const load0 = loadavg()[0]
  const { split } = await loadDefaultSplit()
  const dataDir = mkdtempSync(join(tmpdir(), 'backprop-bench-'))
  for (const [name, set] of Object.entries(split)) {
    writeFileSync(join(dataDir, `${name}-images.bin`), set.images)
    writeFileSync(join(dataDir, `${name}-labels.bin`), set.labels)
  }
  const numpySkip = flag('--no-numpy') ? 'skipped by --no-numpy' : await numpyMissing()
  if (numpySkip && !flag('--json')) console.log(`numpy: ${numpySkip}`)

  const fast: BenchRun[] = [], reference: BenchRun[] = []
  const numpyKinds: NumpyKind[] = ['float64', 'float32', ...(flag('--numpy-as-configured') ? (['float64 as configured', 'float32 as configured'] as const) : [])]
  const numpy = Object.fromEntries(numpyKinds.map((kind) => [kind, [] as (Sample & { info: Record<string, unknown> })[]]))
  try {
    for (let r = 0; r < repeats; r++) {
      if (!flag('--json')) console.log(`repeat ${r + 1}/${repeats} …`)
      fast.push(await inWorker({ path: 'fast', iterations }))
      reference.push(await inWorker({ path: 'reference', iterations: referenceIterations }))
      if (!numpySkip) for (const kind of numpyKinds) numpy[kind].push(await numpyRun(dataDir, kind))
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }

  const fromRun = (run: BenchRun): Sample => ({
    iterations: run.summary.iterations,
    msPerIteration: run.summary.msPerIteration,
    totalSeconds: run.summary.totalSeconds,
    evaluations: run.evaluations,
    trainAccuracy: run.summary.trainAccuracy,
    testAccuracy: run.summary.testAccuracy,
  })
  const paths: PathResult[] = [
    { path: `engine fast path (${fast[0].backend})`, samples: fast.map(fromRun) },
    {
      path: `engine reference (${reference[0].backend})`,
      samples: reference.map(fromRun),
      note: referenceIterations < iterations ? `${referenceIterations} iterations only; whole run extrapolated` : undefined,
    },
    ...numpyKinds.map((kind) => ({
      path: `numpy ${kind} (book code)`,
      samples: numpy[kind],
      info: numpy[kind][0]?.info,
      skipped: numpySkip ?? undefined,
    })),
  ]
  const report = summarize(paths, {
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverageAtStart: load0, loadAverageAtEnd: loadavg()[0] },
    iterations,
    repeats,
    defaultDataLoadMs: fast.map((run) => run.loadMs),
    // the first fast run: before it, no other worker has grown this process
    fastWorkerMemory: { baselineRss, ...fast[0].memory },
  })
  console.log(flag('--json') ? JSON.stringify(report, null, 2) : report.text)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error)
  process.exit(1)
})
