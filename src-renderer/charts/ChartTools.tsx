// The zoom state of one chart and its toolbar: log scale, zoom in / out, show all (the keyboard's way to
// what the wheel, a drag and a double-click do on the plot).
import { useCallback, useRef, useState, type RefObject } from 'react'
import type { Chart } from 'chart.js'
import { useT } from '../i18n'
import type { XY } from '../store/series'
import { attachXZoom, zoomRange, type XRange } from './x-zoom'

export interface ZoomState {
  /** the x range shown; null: all of it */
  range: RefObject<XRange | null>
  band: RefObject<HTMLDivElement | null>
  /** the chart's redraw, set by the chart */
  redraw: RefObject<() => void>
  zoomed: boolean
  set(next: XRange | null): void
}

export function useZoomState(): ZoomState {
  const range = useRef<XRange | null>(null)
  const band = useRef<HTMLDivElement | null>(null)
  const redraw = useRef<() => void>(() => {})
  const [zoomed, setZoomed] = useState(false)
  return {
    range, band, redraw, zoomed,
    set(next) {
      range.current = next
      setZoomed(next !== null)
      redraw.current()
    },
  }
}

/**
 * The wheel, drag and double-click on a chart's plot. Returns what to call with the chart once it exists (it is
 * made after the pane's first paint, after this hook's own effects would have run); that returns the detach.
 */
export function useZoomGestures(zoom: ZoomState, full: () => XRange): (chart: Chart<'line', XY[]>) => () => void {
  const fullRef = useRef(full)
  fullRef.current = full
  const setRef = useRef(zoom.set)
  setRef.current = zoom.set
  const { band, range } = zoom
  return useCallback(
    (chart) => attachXZoom(chart, chart.canvas, band.current, () => range.current, () => fullRef.current(), (next) => setRef.current(next)),
    [band, range],
  )
}

export function ChartTools({ zoom, full, log, onLog, id }: { zoom: ZoomState; full: () => XRange; log: boolean; onLog(on: boolean): void; id: string }) {
  const t = useT()
  const step = (factor: number): void => {
    const current = zoom.range.current ?? full()
    zoom.set(zoomRange(current, full(), (current.from + current.to) / 2, factor))
  }
  return (
    <div className="chart-tools">
      <label>
        <input type="checkbox" checked={log} onChange={(e) => onLog(e.currentTarget.checked)} data-testid={`${id}-log`} /> {t.runs.chart.logScale}
      </label>
      <button type="button" onClick={() => step(0.5)} data-testid={`${id}-zoom-in`}>
        {t.runs.chart.zoomIn}
      </button>
      <button type="button" onClick={() => step(2)} disabled={!zoom.zoomed}>
        {t.runs.chart.zoomOut}
      </button>
      <button type="button" onClick={() => zoom.set(null)} disabled={!zoom.zoomed} data-testid={`${id}-zoom-reset`}>
        {t.runs.chart.showAll}
      </button>
      <span className="hint">{t.runs.chart.zoomHint}</span>
    </div>
  )
}
