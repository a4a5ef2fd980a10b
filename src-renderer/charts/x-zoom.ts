// Zooming a Chart.js chart along x without chartjs-plugin-zoom: the wheel zooms around the pointer, a drag
// across the plot selects a range to zoom into, a double-click (or the Reset button) shows the whole run.
// The chart's owner keeps the range and redraws; this only turns gestures into ranges.
import type { Chart } from 'chart.js'

export interface XRange {
  from: number
  to: number
}

/** The range after zooming `current` by `factor` (< 1 zooms in) around `centre`, kept inside `full`. */
export function zoomRange(current: XRange, full: XRange, centre: number, factor: number, minSpan = 10): XRange | null {
  const span = Math.max(minSpan, (current.to - current.from) * factor)
  if (span >= full.to - full.from) return null
  const c = Math.min(full.to, Math.max(full.from, centre))
  const ratio = current.to > current.from ? (c - current.from) / (current.to - current.from) : 0.5
  let from = c - span * ratio
  let to = from + span
  if (from < full.from) [from, to] = [full.from, full.from + span]
  if (to > full.to) [from, to] = [full.to - span, full.to]
  return { from, to }
}

/**
 * Listens for wheel, drag and double-click on the chart's canvas. `range()` is the range shown now (null:
 * all), `full()` the whole x extent; `set` receives the new range (null: all). `band` is an element laid over
 * the canvas that shows the dragged selection. Returns the detach function.
 */
export function attachXZoom(
  chart: Chart,
  canvas: HTMLCanvasElement,
  band: HTMLElement | null,
  range: () => XRange | null,
  full: () => XRange,
  set: (next: XRange | null) => void,
): () => void {
  const valueAt = (px: number): number => chart.scales.x!.getValueForPixel(px) ?? 0
  const inPlot = (x: number, y: number): boolean => {
    const a = chart.chartArea
    return !!a && x >= a.left && x <= a.right && y >= a.top && y <= a.bottom + 30 // the x axis too
  }
  const onWheel = (e: WheelEvent): void => {
    if (!inPlot(e.offsetX, e.offsetY) || e.deltaY === 0) return
    e.preventDefault()
    set(zoomRange(range() ?? full(), full(), valueAt(e.offsetX), e.deltaY < 0 ? 0.8 : 1.25))
  }
  let dragFrom: number | null = null
  const showBand = (a: number, b: number): void => {
    if (!band) return
    const area = chart.chartArea
    band.hidden = false
    band.style.left = `${Math.min(a, b)}px`
    band.style.width = `${Math.abs(b - a)}px`
    band.style.top = `${area.top}px`
    band.style.height = `${area.bottom - area.top}px`
  }
  const onDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !inPlot(e.offsetX, e.offsetY)) return
    dragFrom = e.offsetX
    canvas.setPointerCapture?.(e.pointerId)
  }
  const onMove = (e: PointerEvent): void => {
    if (dragFrom !== null && Math.abs(e.offsetX - dragFrom) > 3) showBand(dragFrom, clampPx(e.offsetX))
  }
  const clampPx = (x: number): number => Math.min(chart.chartArea.right, Math.max(chart.chartArea.left, x))
  const onUp = (e: PointerEvent): void => {
    if (dragFrom === null) return
    const a = dragFrom
    const b = clampPx(e.offsetX)
    dragFrom = null
    if (band) band.hidden = true
    if (Math.abs(b - a) < 6) return
    const f = full()
    const from = Math.max(f.from, valueAt(Math.min(a, b)))
    const to = Math.min(f.to, valueAt(Math.max(a, b)))
    if (to - from >= 2) set({ from, to })
  }
  const onDouble = (): void => set(null)
  canvas.addEventListener('wheel', onWheel, { passive: false })
  canvas.addEventListener('pointerdown', onDown)
  canvas.addEventListener('pointermove', onMove)
  canvas.addEventListener('pointerup', onUp)
  canvas.addEventListener('dblclick', onDouble)
  return () => {
    canvas.removeEventListener('wheel', onWheel)
    canvas.removeEventListener('pointerdown', onDown)
    canvas.removeEventListener('pointermove', onMove)
    canvas.removeEventListener('pointerup', onUp)
    canvas.removeEventListener('dblclick', onDouble)
  }
}

/** Calls `fn` at most once per `ms`, the last call always landing (a trailing call). */
export function throttle(fn: () => void, ms: number, now: () => number = () => performance.now()): { run: () => void; cancel: () => void } {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  const fire = (): void => {
    timer = null
    last = now()
    fn()
  }
  return {
    run() {
      if (timer !== null) return
      const wait = last + ms - now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}
