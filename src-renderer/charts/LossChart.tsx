import { useRef } from 'react'
import type { TrainingStore } from '../store/training-store'
import { OKABE_ITO, withAlpha } from './palette'
import { FAST_LINE_OPTIONS, useLineChart } from './use-line-chart'

/** 5.7.4's train_loss_list: every iteration's loss (faint) and its moving average. */
export function LossChart({ store }: { store: TrainingStore }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useLineChart(
    canvas,
    () => ({
      type: 'line',
      data: {
        datasets: [
          { label: 'loss per iteration', data: store.loss.raw, borderColor: withAlpha(OKABE_ITO.skyBlue, 0.45), backgroundColor: withAlpha(OKABE_ITO.skyBlue, 0.45), borderWidth: 1 },
          { label: `moving average (${store.loss.window})`, data: store.loss.average, borderColor: OKABE_ITO.vermillion, backgroundColor: OKABE_ITO.vermillion, borderWidth: 2 },
        ],
      },
      options: {
        ...FAST_LINE_OPTIONS,
        scales: {
          x: { type: 'linear', min: 0, ticks: { includeBounds: false }, title: { display: true, text: 'iteration' } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'loss (cross-entropy)' } },
        },
      },
    }),
    (redraw, points) => store.attachChart(redraw, points),
    () => store.loss.raw.length,
    (chart) => {
      const { iterations } = store.plannedRun
      chart.options.scales!.x!.max = iterations > 0 ? iterations : undefined
    },
  )
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label="Loss per iteration with its moving average" data-testid="loss-chart" />
    </div>
  )
}
