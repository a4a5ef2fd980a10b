// Statistics and the printed report of `npm run bench` (bench.ts).

/** One timed run of one path. */
export interface Sample {
  iterations: number
  /** mean training-step time of the run (evaluation excluded); ms */
  msPerIteration: number
  /** the whole run including per-epoch evaluation; s */
  totalSeconds: number
  evaluations: number
  trainAccuracy: number
  testAccuracy: number
}

export interface PathResult {
  path: string
  samples: Sample[]
  note?: string
  info?: Record<string, unknown>
  /** why the path did not run */
  skipped?: string
}

interface Spread {
  median: number
  min: number
  max: number
}

interface Row {
  path: string
  skipped?: string
  note?: string
  info?: Record<string, unknown>
  msPerIteration?: Spread
  /** scaled to the full iteration count for a shorter run */
  wholeRunSeconds?: Spread
  iterations?: number
  evaluations?: number
  trainAccuracy?: number
  testAccuracy?: number
  speedupVsNumpyFloat64?: number
  speedupVsNumpyFloat32?: number
}

interface Context {
  machine: { cpu: string; cores: number; node: string; loadAverageAtStart: number; loadAverageAtEnd: number }
  iterations: number
  repeats: number
  /** per fast-path run */
  defaultDataLoadMs: number[]
  fastWorkerMemory: { baselineRss: number; rss: number; heapUsed: number; arrayBuffers: number; wasmMemory: number }
}

interface Target {
  target: string
  measured: number
  met: boolean
}

/** what `npm run bench -- --json` prints */
export interface BenchReport extends Context {
  paths: Row[]
  targets: Record<string, Target>
  tensorflowJsQuoted: { msPerIteration: string; source: string }
}

const TARGETS = { msPerIteration: 0.25, totalSeconds: 3, vsNumpyFloat64: 3.5, vsNumpyFloat32: 1.7 }
/** issue 3's figures for TensorFlow.js 4.22 (wasm backend, hand-written gradients); quoted, not measured here */
const TFJS_QUOTED_MS = '1.3–2.1'

function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] }
}

const f = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')

/** The report as JSON-ready data plus its text rendering. */
export function summarize(paths: PathResult[], context: Context): BenchReport & { text: string } {
  const rows = paths.map((p): Row => {
    if (p.skipped || p.samples.length === 0) return { path: p.path, skipped: p.skipped ?? 'no samples' }
    const ms = spread(p.samples.map((s) => s.msPerIteration))
    // a shorter run (the reference) is scaled to the full iteration count
    const seconds = spread(p.samples.map((s) => (s.totalSeconds * context.iterations) / s.iterations))
    const last = p.samples[p.samples.length - 1]
    return { path: p.path, note: p.note, info: p.info, msPerIteration: ms, wholeRunSeconds: seconds, iterations: last.iterations, evaluations: last.evaluations, trainAccuracy: last.trainAccuracy, testAccuracy: last.testAccuracy }
  })
  const median = (prefix: string) => {
    const row = rows.find((r) => r.path.startsWith(prefix))
    return row?.msPerIteration?.median ?? NaN
  }
  const np64 = median('numpy float64'), np32 = median('numpy float32'), fastMs = median('engine fast path')
  const withRatios = rows.map((r): Row => (r.msPerIteration ? { ...r, speedupVsNumpyFloat64: np64 / r.msPerIteration.median, speedupVsNumpyFloat32: np32 / r.msPerIteration.median } : r))
  const fastRow = withRatios[0]
  const targets: Record<string, Target> = {
    msPerIterationMedian: { target: `≤ ${TARGETS.msPerIteration}`, measured: fastMs, met: fastMs <= TARGETS.msPerIteration },
    wholeRunSecondsMedian: { target: `≤ ${TARGETS.totalSeconds}`, measured: fastRow.wholeRunSeconds?.median ?? NaN, met: (fastRow.wholeRunSeconds?.median ?? Infinity) <= TARGETS.totalSeconds },
    speedupVsNumpyFloat64: { target: `≥ ${TARGETS.vsNumpyFloat64}`, measured: np64 / fastMs, met: np64 / fastMs >= TARGETS.vsNumpyFloat64 },
    speedupVsNumpyFloat32: { target: `≥ ${TARGETS.vsNumpyFloat32}`, measured: np32 / fastMs, met: np32 / fastMs >= TARGETS.vsNumpyFloat32 },
    ...(Number.isFinite(median('numpy float64 as configured'))
      ? {
          speedupVsNumpyFloat64AsConfigured: { target: `≥ ${TARGETS.vsNumpyFloat64}`, measured: median('numpy float64 as configured') / fastMs, met: median('numpy float64 as configured') / fastMs >= TARGETS.vsNumpyFloat64 },
          speedupVsNumpyFloat32AsConfigured: { target: `≥ ${TARGETS.vsNumpyFloat32}`, measured: median('numpy float32 as configured') / fastMs, met: median('numpy float32 as configured') / fastMs >= TARGETS.vsNumpyFloat32 },
        }
      : {}),
    defaultDataLoadMsMedian: { target: '≤ 100', measured: spread(context.defaultDataLoadMs).median, met: spread(context.defaultDataLoadMs).median <= 100 },
  }
  const data: BenchReport = { ...context, paths: withRatios, targets, tensorflowJsQuoted: { msPerIteration: TFJS_QUOTED_MS, source: 'issue 3, measured by a colleague on these machines; not measured by this bench' } }
  return { ...data, text: render(data) }
}

function render(d: BenchReport): string {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
  const lines = [
    `Backprop Lab bench: 784-50-10, batch 100, lr 0.1, ${d.iterations} iterations, default digits; ${d.repeats} repeat(s), alternating`,
    `machine: ${d.machine.cpu}, ${d.machine.cores} cores, Node ${d.machine.node}; load average ${f(d.machine.loadAverageAtStart, 2)} at start, ${f(d.machine.loadAverageAtEnd, 2)} at end`,
    '',
  ]
  for (const r of d.paths) {
    const ms = r.msPerIteration, seconds = r.wholeRunSeconds
    if (!ms || !seconds) {
      lines.push(`${r.path}: skipped (${r.skipped})`, '')
      continue
    }
    lines.push(`${r.path}${r.note ? ` [${r.note}]` : ''}${r.info ? ` ${JSON.stringify(r.info)}` : ''}`)
    lines.push(`  ms/iteration  median ${f(ms.median, 4)}  min ${f(ms.min, 4)}  max ${f(ms.max, 4)}   (training step only)`)
    lines.push(`  whole run     median ${f(seconds.median, 2)} s  min ${f(seconds.min, 2)}  max ${f(seconds.max, 2)}   (incl. ${r.evaluations} evaluations of train + test)`)
    lines.push(`  final accuracy train ${f(r.trainAccuracy ?? NaN, 4)}  test ${f(r.testAccuracy ?? NaN, 4)}  after ${r.iterations} iterations`)
    lines.push(`  speed-up      ${f(r.speedupVsNumpyFloat64 ?? NaN, 2)}× numpy float64, ${f(r.speedupVsNumpyFloat32 ?? NaN, 2)}× numpy float32`, '')
  }
  lines.push(`TensorFlow.js 4.22 wasm: ${d.tensorflowJsQuoted.msPerIteration} ms/iteration (${d.tensorflowJsQuoted.source})`)
  const load = spread(d.defaultDataLoadMs)
  lines.push(`default data load (loadDefaultSplit in a fresh worker): median ${f(load.median, 1)} ms, min ${f(load.min, 1)}, max ${f(load.max, 1)}`)
  const m = d.fastWorkerMemory
  lines.push(
    `memory, first fast-path run (process.memoryUsage() in its worker at the end of the run): process rss ${mb(m.rss)}, ` +
      `${mb(m.rss - m.baselineRss)} more than the bench process before any worker (${mb(m.baselineRss)}); ` +
      `worker heapUsed ${mb(m.heapUsed)}, arrayBuffers ${mb(m.arrayBuffers)}, of which the kernel's linear memory ${mb(m.wasmMemory)}`,
    '',
    'targets (fast path):',
  )
  for (const [name, t] of Object.entries(d.targets)) {
    lines.push(`  ${name.padEnd(34)} ${t.target.padEnd(7)} measured ${f(t.measured, 3).padEnd(8)} ${t.met ? 'met' : 'NOT met'}`)
  }
  return lines.join('\n')
}
