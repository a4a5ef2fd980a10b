import { useEffect, useMemo, useRef, useState } from 'react'
import { Chart } from 'chart.js'
import type { LabApi, RunRecord } from '../../src-worker/protocol'
import { ChartTools, useZoomGestures, useZoomState } from '../charts/ChartTools'
import { forLog, plotWidth, visiblePoints } from '../charts/envelope'
import { RUN_COLOURS, withAlpha } from '../charts/palette'
import { useAfterPaint } from '../charts/after-paint'
import { applyTheme, ENVELOPE_LINE_OPTIONS, X_TICKS, type LineConfig } from '../charts/use-line-chart'
import { useI18n } from '../i18n'
import { LossSeries, type XY } from '../store/series'
import { readPref, writePref } from './runs-prefs'

/** Each run's series, built once per run id (a 1,000,000-iteration run is 8 MB of Float32 and its summary). */
const seriesCache = new Map<string, Promise<LossSeries>>()
/** iterations summarised per task when a stored run's series is built (~6 ms each) */
const SERIES_SLICE = 131_072

function seriesOf(lab: LabApi, run: RunRecord): Promise<LossSeries> {
  let p = seriesCache.get(run.id)
  if (!p) {
    p = (async () => {
      const losses = run.losses.length > 0 || !lab.runLosses ? Float32Array.from(run.losses) : await lab.runLosses(run.id)
      const s = new LossSeries(50)
      // in slices, each its own task: a 1,000,000-iteration run's summary is ~50 ms of work in one go
      for (let from = 0; from < losses.length; from += SERIES_SLICE) {
        if (from > 0) await new Promise((resolve) => setTimeout(resolve, 0))
        s.append(from, losses.subarray(from, from + SERIES_SLICE))
      }
      return s
    })()
    p.catch(() => seriesCache.delete(run.id))
    seriesCache.set(run.id, p)
    // keep the cache small: the runs on screen and a few more
    if (seriesCache.size > 12) seriesCache.delete(seriesCache.keys().next().value!)
  }
  return p
}

/** Drops a deleted run's cached series. */
export function forgetSeries(id: string): void {
  seriesCache.delete(id)
}

interface Prefs {
  log: boolean
  accuracy: boolean
}

/**
 * The selected runs' losses overlaid: per run a min–max band per pixel and the moving average (every
 * iteration when zoomed in), with an optional test-accuracy overlay on a right-hand axis and a log scale.
 */
export function RunsChart({ lab, runs, onError }: { lab: LabApi; runs: RunRecord[]; onError(message: string): void }) {
  const { t, lang } = useI18n()
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart<'line', XY[]> | null>(null)
  const [prefs, setPrefs] = useState<Prefs>(() => readPref<Prefs>('chart', { log: false, accuracy: false }))
  const prefsRef = useRef(prefs)
  prefsRef.current = prefs
  const loaded = useRef<{ run: RunRecord; series: LossSeries }[]>([])
  const zoom = useZoomState()
  const full = () => ({ from: 0, to: Math.max(1, ...loaded.current.map((l) => l.series.length)) })
  const gestures = useZoomGestures(zoom, full)

  // the run's start in the reader's local time, as the table shows it (startedAt is UTC)
  const clockFormat = useMemo(() => new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }), [lang])
  const clock = (run: RunRecord): string => clockFormat.format(new Date(run.startedAt))
  const draw = (): void => {
    const c = chart.current
    if (!c) return
    const { log, accuracy } = prefsRef.current
    const shown = zoom.range.current ?? full()
    const px = plotWidth(c)
    const datasets: Chart<'line', XY[]>['data']['datasets'] = []
    let longestPerPoint = 0
    const longest = full().to
    loaded.current.forEach(({ run, series }, i) => {
      const colour = RUN_COLOURS[i % RUN_COLOURS.length]!
      const { lower, upper, line, perPoint } = visiblePoints(series, shown, px)
      if (series.length === longest) longestPerPoint = perPoint
      const s = run.settings
      const label = `${run.name ? `${run.name} · ` : ''}${clock(run)} · ${t.runs.chart.runLabel(series.length, s.learningRate, s.batchSize, s.hiddenSize, s.activation, s.seed)}`
      const fix = log ? forLog : (p: XY[]) => p
      datasets.push({ label: `${label} (${t.runs.chart.range})`, data: fix(upper), borderWidth: 0, borderColor: withAlpha(colour, 0), backgroundColor: withAlpha(colour, 0.15), fill: `+1` } as never)
      datasets.push({ label: '', data: fix(lower), borderWidth: 0, borderColor: withAlpha(colour, 0), backgroundColor: withAlpha(colour, 0.15) })
      datasets.push({ label, data: fix(line), borderColor: colour, backgroundColor: colour, borderWidth: 2 })
      if (accuracy) {
        const points = run.epochs.map((e) => ({ x: e.iteration, y: e.testAccuracy }))
        datasets.push({ label: `${t.runs.chart.testAccuracy} · ${clock(run)}`, data: points, borderColor: colour, backgroundColor: colour, borderWidth: 1.5, borderDash: [6, 3], yAxisID: 'acc', pointRadius: 2 } as never)
      }
    })
    c.data.datasets = datasets
    const x = c.options.scales!.x!
    x.min = shown.from
    x.max = shown.to
    const y = c.options.scales!.y!
    y.type = log ? 'logarithmic' : 'linear'
    ;(y as { beginAtZero?: boolean }).beginAtZero = !log
    c.options.scales!.acc!.display = accuracy
    c.update('none')
    if (canvas.current) {
      canvas.current.dataset.runs = String(loaded.current.length)
      canvas.current.dataset.points = String(datasets.reduce((n, d) => n + d.data.length, 0))
      canvas.current.dataset.perPoint = longestPerPoint.toFixed(2) // iterations per drawn point of the longest run (it spans the axis)
    }
  }
  zoom.redraw.current = draw
  /** the selected runs' curves are read (the chart may not be made yet) */
  const ready = useRef(false)
  const drawAndMark = (): void => {
    draw()
    if (canvas.current) canvas.current.dataset.drawn = 'yes'
  }

  // made after the pane's first paint (useAfterPaint), then drawn as soon as the curves are read
  useAfterPaint(() => {
    const el = canvas.current
    if (!el) return () => {}
    const config: LineConfig = {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...ENVELOPE_LINE_OPTIONS,
        locale: lang,
        plugins: {
          ...ENVELOPE_LINE_OPTIONS.plugins,
          legend: { labels: { ...ENVELOPE_LINE_OPTIONS.plugins.legend.labels, filter: (item) => item.text !== '' && !item.text.endsWith(`(${t.runs.chart.range})`) } },
        },
        scales: {
          x: { type: 'linear', min: 0, ticks: X_TICKS, title: { display: true, text: t.runs.chart.iteration } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: t.runs.chart.averageAxis } },
          acc: { type: 'linear', position: 'right', min: 0, max: 1, display: false, grid: { drawOnChartArea: false }, title: { display: true, text: t.runs.chart.testAccuracy } },
        },
      },
    }
    applyTheme(config.options!, el)
    const c = new Chart<'line', XY[]>(el, config)
    chart.current = c
    // the curves may be read already: drawn in a task of their own, not in the one that made the chart
    const first = setTimeout(() => ready.current && el.dataset.drawn !== 'yes' && drawAndMark(), 0)
    const ungesture = gestures(c)
    const scheme = matchMedia('(prefers-color-scheme: dark)')
    const onScheme = (): void => {
      applyTheme(c.options, el)
      c.update('none')
    }
    scheme.addEventListener('change', onScheme)
    return () => {
      clearTimeout(first)
      ungesture()
      scheme.removeEventListener('change', onScheme)
      c.destroy()
      chart.current = null
    }
  })

  useEffect(() => {
    let current = true
    ready.current = false
    if (canvas.current) canvas.current.dataset.drawn = 'no'
    Promise.all(runs.map(async (run) => ({ run, series: await seriesOf(lab, run) }))).then(
      (list) => {
        if (!current) return
        loaded.current = list
        ready.current = true
        if (chart.current) drawAndMark()
      },
      (error: unknown) => current && onError(t.runs.curveFailed((error as Error).message)),
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs, lab])

  const setPref = (patch: Partial<Prefs>): void => {
    const next = { ...prefsRef.current, ...patch }
    prefsRef.current = next
    writePref('chart', next)
    setPrefs(next)
    draw()
  }

  return (
    <div className="chart-block">
      <ChartTools zoom={zoom} full={full} log={prefs.log} onLog={(log) => setPref({ log })} id="runs-chart" />
      <label className="chart-tools">
        <input type="checkbox" checked={prefs.accuracy} onChange={(e) => setPref({ accuracy: e.currentTarget.checked })} data-testid="runs-chart-accuracy" /> {t.runs.chart.accuracyOverlay}
      </label>
      <div className="chart">
        <canvas ref={canvas} role="img" aria-label={t.runs.chart.runsLabel} data-testid="runs-chart" />
        <div className="zoom-band" ref={zoom.band} hidden />
      </div>
    </div>
  )
}
