import { useRef, useState } from 'react'
import { useI18n } from '../i18n'
import type { TrainingStore } from '../store/training-store'
import type { XY } from '../store/series'
import { forLog, plotWidth, visiblePoints } from './envelope'
import { OKABE_ITO, withAlpha } from './palette'
import { ENVELOPE_LINE_OPTIONS, REDRAW_INTERVAL_MS, useLineChart, X_TICKS } from './use-line-chart'
import { ChartTools, useZoomGestures, useZoomState } from './ChartTools'

/**
 * 5.7.4's train_loss_list: every iteration's loss, drawn as its min–max band per pixel (every iteration when
 * zoomed in to two or fewer a pixel) with the moving average; redrawn at most 4 times a second.
 */
export function LossChart({ store }: { store: TrainingStore }) {
  const { t, lang } = useI18n()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [log, setLog] = useState(false)
  const logRef = useRef(log)
  logRef.current = log
  const zoom = useZoomState()
  const full = () => ({ from: 0, to: Math.max(store.plannedRun.iterations, store.loss.length, 1) })
  const gestures = useZoomGestures(zoom, full)
  const handle = useLineChart(
    canvas,
    () => ({
      type: 'line',
      data: {
        datasets: [
          { label: t.runs.chart.band, data: [] as XY[], borderColor: withAlpha(OKABE_ITO.skyBlue, 0.6), backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.3), borderWidth: 1, fill: '+1' },
          { label: t.runs.chart.bandLower, data: [] as XY[], borderColor: withAlpha(OKABE_ITO.skyBlue, 0.6), backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.3), borderWidth: 1 },
          { label: t.runs.chart.average(store.loss.window), data: [] as XY[], borderColor: OKABE_ITO.vermillion, backgroundColor: OKABE_ITO.vermillion, borderWidth: 2 },
        ],
      },
      options: {
        ...ENVELOPE_LINE_OPTIONS,
        locale: lang,
        plugins: {
          ...ENVELOPE_LINE_OPTIONS.plugins,
          legend: { labels: { ...ENVELOPE_LINE_OPTIONS.plugins.legend.labels, filter: (item) => item.datasetIndex !== 1 } },
        },
        scales: {
          x: { type: 'linear', min: 0, ticks: X_TICKS, title: { display: true, text: t.runs.chart.iteration } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: t.runs.chart.lossAxis } },
        },
      },
    }),
    (redraw, points) => store.attachChart(redraw, points),
    () => store.loss.length,
    {
      beforeRedraw: (chart) => {
        const shown = zoom.range.current ?? full()
        const x = chart.options.scales!.x!
        x.min = shown.from
        x.max = shown.to
        const y = chart.options.scales!.y!
        y.type = logRef.current ? 'logarithmic' : 'linear'
        ;(y as { beginAtZero?: boolean }).beginAtZero = !logRef.current
        const { lower, upper, line, perPoint } = visiblePoints(store.loss, shown, plotWidth(chart))
        const ds = chart.data.datasets
        ds[0]!.data = logRef.current ? forLog(upper) : upper
        ds[1]!.data = logRef.current ? forLog(lower) : lower
        ds[2]!.data = logRef.current ? forLog(line) : line
        if (canvas.current) canvas.current.dataset.perPoint = perPoint.toFixed(2)
      },
      intervalMs: REDRAW_INTERVAL_MS,
      gestures,
    },
  )
  zoom.redraw.current = () => handle.current?.redraw()
  return (
    <div className="chart-block">
      <ChartTools zoom={zoom} full={full} log={log} id="loss-chart"
        onLog={(on) => {
          logRef.current = on
          setLog(on)
          handle.current?.redraw()
        }}
      />
      <div className="chart">
        <canvas ref={canvas} role="img" aria-label={t.runs.chart.lossLabel} data-testid="loss-chart" />
        <div className="zoom-band" ref={zoom.band} hidden />
      </div>
    </div>
  )
}
