// One Chart.js line chart, created once in an effect, held in a ref and mutated in place (STYLE.md §E):
// React never re-renders it; the training store calls its redraw in the store's animation frame.
import { useEffect, useRef, type RefObject } from 'react'
import { Chart, Decimation, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip, type ChartConfiguration } from 'chart.js'
import { throttle } from './x-zoom'
import type { XY } from '../store/series'

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Decimation, Filler, Legend, Tooltip)

export type LineConfig = ChartConfiguration<'line', XY[]>

/** The options every chart here shares: no parsing, no animation, no points, LTTB decimation. */
export const FAST_LINE_OPTIONS = {
  parsing: false,
  normalized: true,
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  spanGaps: true,
  elements: { point: { radius: 0, hoverRadius: 3 }, line: { borderWidth: 1.5 } },
  interaction: { mode: 'nearest', axis: 'x', intersect: false },
  plugins: { decimation: { enabled: true, algorithm: 'lttb' }, legend: { labels: { boxWidth: 24, boxHeight: 3 } } },
} as const satisfies LineConfig['options']

/** The same, for charts that are handed an envelope already bounded to ~2 points a pixel (no decimation). */
export const ENVELOPE_LINE_OPTIONS = {
  ...FAST_LINE_OPTIONS,
  plugins: { ...FAST_LINE_OPTIONS.plugins, decimation: { enabled: false } },
} as const satisfies LineConfig['options']

/** An x axis of iterations or epochs: level labels, spaced so they never touch at 1024 px (Chart.js skips the rest). */
export const X_TICKS = { maxRotation: 0, autoSkipPadding: 16, includeBounds: false } as const

/** At most this many chart redraws a second while a run streams in (4 Hz). */
export const REDRAW_INTERVAL_MS = 250

/** Reads the chart text and grid colours from CSS (they follow prefers-color-scheme). */
export function applyTheme(chart: Chart<'line', XY[]>, canvas: HTMLCanvasElement): void {
  const css = getComputedStyle(canvas)
  const text = css.getPropertyValue('--chart-text').trim() || '#444'
  const grid = css.getPropertyValue('--chart-grid').trim() || 'rgba(0,0,0,0.1)'
  for (const scale of Object.values(chart.options.scales ?? {})) {
    if (!scale) continue
    scale.ticks = { ...scale.ticks, color: text }
    scale.grid = { ...scale.grid, color: grid }
    if ('title' in scale && scale.title) scale.title.color = text
  }
  if (chart.options.plugins?.legend?.labels) chart.options.plugins.legend.labels.color = text
}

/**
 * Creates the chart once for the canvas in `canvasRef`. `attach` registers the redraw with the store and
 * returns the detach function; `points` counts the points shown (redraw only when it changes), and is
 * written to the canvas's data-points for tests.
 * The datasets' `data` must be the store's own arrays: never push into `dataset.data`, which the
 * decimation plugin replaces with a getter returning the decimated copy.
 */
export function useLineChart(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  config: () => LineConfig,
  attach: (redraw: () => void, points: () => number) => () => void,
  points: () => number,
  /** adjusts options (e.g. the x range) just before each redraw */
  beforeRedraw?: (chart: Chart<'line', XY[]>) => void,
  /** redraws at most once per this many ms (the last one always lands); 0: every frame */
  intervalMs = 0,
): RefObject<{ chart: Chart<'line', XY[]>; redraw: () => void } | null> {
  const handle = useRef<{ chart: Chart<'line', XY[]>; redraw: () => void } | null>(null)
  const chartRef = useRef<Chart<'line', XY[]> | null>(null)
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    // Made in a task of its own after the pane's first paint (the frame, then a timer): a tab switch then paints at once, and each chart's
    // creation (Chart.js's first layout and draw, ~20–30 ms) is its own task rather than all of them in the click's.
    let stop: (() => void) | undefined
    let soon: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (soon = setTimeout(() => (stop = create(canvas)), 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(soon)
      stop?.()
    }
    // created once per mount; config/attach/points are read at creation only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function create(canvas: HTMLCanvasElement): () => void {
    const chart = new Chart(canvas, config())
    chartRef.current = chart
    applyTheme(chart, canvas)
    chart.update('none')
    const draw = (): void => {
      beforeRedraw?.(chart)
      chart.update('none')
      canvas.dataset.points = String(points())
    }
    const throttled = throttle(draw, intervalMs)
    const redraw = intervalMs > 0 ? throttled.run : draw
    handle.current = { chart, redraw: draw }
    const detach = attach(redraw, points)
    const scheme = matchMedia('(prefers-color-scheme: dark)')
    const onScheme = (): void => {
      applyTheme(chart, canvas)
      chart.update('none')
    }
    scheme.addEventListener('change', onScheme)
    return () => {
      scheme.removeEventListener('change', onScheme)
      detach()
      throttled.cancel()
      chart.destroy()
      chartRef.current = null
      handle.current = null
    }
  }
  return handle
}
