// One Chart.js line chart, created once in an effect, held in a ref and mutated in place (STYLE.md §E):
// React never re-renders it; the training store calls its redraw in the store's animation frame.
import { useEffect, useRef, type RefObject } from 'react'
import { useAfterPaint } from './after-paint'
import { usePaneShown } from '../pane-shown'
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

/**
 * Sets the chart text and grid colours read from CSS (they follow prefers-color-scheme), on a config's options
 * before the chart is made or on a chart's options (then update it). Shared option objects are replaced, never written.
 */
export function applyTheme(options: NonNullable<LineConfig['options']>, canvas: HTMLCanvasElement): void {
  const css = getComputedStyle(canvas)
  const text = css.getPropertyValue('--chart-text').trim() || '#444'
  const grid = css.getPropertyValue('--chart-grid').trim() || 'rgba(0,0,0,0.1)'
  for (const scale of Object.values(options.scales ?? {})) {
    if (!scale) continue
    scale.ticks = { ...scale.ticks, color: text }
    scale.grid = { ...scale.grid, color: grid }
    if ('title' in scale && scale.title) scale.title = { ...scale.title, color: text }
  }
  const legend = options.plugins?.legend
  if (legend) options.plugins!.legend = { ...legend, labels: { ...legend.labels, color: text } }
}

/** What a chart may add to the hook's defaults. */
export interface LineChartHooks {
  /** adjusts options (e.g. the x range) just before each redraw */
  beforeRedraw?: (chart: Chart<'line', XY[]>) => void
  /** redraws at most once per this many ms (the last one always lands); 0 or none: every frame */
  intervalMs?: number
  /** wires gestures on the chart once it exists (e.g. useZoomGestures'); returns their detach */
  gestures?: (chart: Chart<'line', XY[]>) => () => void
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
  { beforeRedraw, intervalMs = 0, gestures }: LineChartHooks = {},
): RefObject<{ chart: Chart<'line', XY[]>; redraw: () => void } | null> {
  const handle = useRef<{ chart: Chart<'line', XY[]>; redraw: () => void } | null>(null)
  // while its pane is hidden the chart is not redrawn (nobody sees it); it catches up once when shown
  const shown = usePaneShown()
  const gate = useRef({ shown, missed: false })
  gate.current.shown = shown
  useEffect(() => {
    if (!shown || !gate.current.missed) return
    gate.current.missed = false
    handle.current?.redraw()
  }, [shown])
  useAfterPaint(() => {
    const canvas = canvasRef.current
    return canvas ? create(canvas) : () => {}
  })

  function create(canvas: HTMLCanvasElement): () => void {
    const initial = config()
    applyTheme(initial.options ?? {}, canvas) // themed before Chart.js first draws it, not redrawn to theme it
    const chart = new Chart(canvas, initial)
    const draw = (): void => {
      beforeRedraw?.(chart)
      chart.update('none')
      canvas.dataset.points = String(points())
    }
    const throttled = throttle(draw, intervalMs)
    const redraw = intervalMs > 0 ? throttled.run : draw
    handle.current = { chart, redraw: draw }
    const detach = attach(() => (gate.current.shown ? redraw() : (gate.current.missed = true)), points)
    const ungesture = gestures?.(chart)
    const scheme = matchMedia('(prefers-color-scheme: dark)')
    const onScheme = (): void => {
      applyTheme(chart.options, canvas)
      chart.update('none')
    }
    scheme.addEventListener('change', onScheme)
    return () => {
      scheme.removeEventListener('change', onScheme)
      ungesture?.()
      detach()
      throttled.cancel()
      chart.destroy()
      handle.current = null
    }
  }
  return handle
}
