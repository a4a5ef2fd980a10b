// Turning a LossSeries into the three datasets a loss chart draws (band upper, band lower, moving average)
// for the x range shown and the plot's width in pixels: bounded work whatever the run's length.
import type { Chart } from 'chart.js'
import { chartPoints, type LossSeries, type XY } from '../store/series'
import type { XRange } from './x-zoom'

/** The plot width in CSS pixels (the canvas's before the first layout). */
export function plotWidth(chart: Chart): number {
  const area = chart.chartArea
  return Math.max(50, Math.round(area ? area.right - area.left : chart.width || 600))
}

/** Points of `series` for the visible x range `shown` of a plot `pixels` wide. */
export function visiblePoints(series: LossSeries, shown: XRange, pixels: number): { lower: XY[]; upper: XY[]; line: XY[]; perPoint: number } {
  const from = Math.max(0, Math.floor(shown.from))
  const to = Math.min(series.length, Math.ceil(shown.to) + 1)
  const span = Math.max(1, shown.to - shown.from)
  return chartPoints(series, from, to, Math.max(1, Math.round((pixels * Math.max(0, to - from)) / span)))
}

/** y values ≤ 0 cannot be shown on a log axis: they become gaps. */
export function forLog(points: XY[]): XY[] {
  for (const p of points) if (!(p.y > 0)) p.y = Number.NaN
  return points
}
