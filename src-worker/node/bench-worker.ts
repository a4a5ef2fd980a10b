// One timed training run inside a worker_thread, for `npm run bench` (bench.ts): loads the default digits,
// builds the fast path or the reference from the book's initial weights, and runs the engine's own loop
// (train.ts, with its per-epoch evaluation) to the end. Posts one BenchRun back.
import { parentPort, workerData } from 'node:worker_threads'
import type { TrainingBackend } from '../net/backend'
import { WasmBackend, createFastBackend } from '../fast/index'
import type { RunSummary } from '../protocol'
import { Random } from '../net/random'
import { ReferenceBackend } from '../net/reference-backend'
import { train } from '../net/train'
import { initParams } from '../net/two-layer-net'
import { BOOK_SETTINGS } from '../session/validate'
import { loadDefaultSplit } from './default-data'

export interface BenchJob {
  path: 'fast' | 'reference'
  iterations: number
}

export interface BenchRun {
  backend: string
  summary: RunSummary
  evaluations: number
  /** loadDefaultSplit() in this fresh worker: read the asset, split 80/20; milliseconds */
  loadMs: number
  /** process.memoryUsage() sampled in the worker at the end of the run (rss is the whole process's), and the kernel's linear memory */
  memory: { rss: number; heapUsed: number; arrayBuffers: number; wasmMemory: number }
}

async function run(job: BenchJob): Promise<BenchRun> {
  const started = performance.now()
  const { split } = await loadDefaultSplit()
  const loadMs = performance.now() - started
  const settings = { ...BOOK_SETTINGS, iterations: job.iterations }
  const rng = new Random(settings.seed)
  const params = initParams(784, settings.hiddenSize, 10, settings.weightInitStd, rng)
  const backend: TrainingBackend =
    job.path === 'fast' ? await createFastBackend(params, settings.activation) : new ReferenceBackend(params, settings.activation)
  const steps = train(backend, split, settings, rng)
  let evaluations = 0
  for (;;) {
    const next = steps.next()
    if (next.done) {
      const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
      const wasmMemory = backend instanceof WasmBackend ? backend.memoryBytes : 0
      return { backend: backend.name, summary: next.value, evaluations, loadMs, memory: { rss, heapUsed, arrayBuffers, wasmMemory } }
    }
    if (next.value.type === 'epoch') evaluations++
  }
}

if (parentPort) {
  const port = parentPort
  run(workerData as BenchJob).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
  )
}
