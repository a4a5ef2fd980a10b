import { useRef } from 'react'
import type { TrainingStore } from '../store/training-store'
import { OKABE_ITO } from './palette'
import { FAST_LINE_OPTIONS, useLineChart } from './use-line-chart'

/** 5.7.4's train_acc_list and test_acc_list, once per epoch; y fixed to [0, 1]. */
export function AccuracyChart({ store }: { store: TrainingStore }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useLineChart(
    canvas,
    () => ({
      type: 'line',
      data: {
        datasets: [
          { label: 'train accuracy', data: store.trainAccuracy, borderColor: OKABE_ITO.blue, backgroundColor: OKABE_ITO.blue, borderWidth: 2 },
          { label: 'test accuracy', data: store.testAccuracy, borderColor: OKABE_ITO.orange, backgroundColor: OKABE_ITO.orange, borderWidth: 2, borderDash: [6, 3] },
        ],
      },
      options: {
        ...FAST_LINE_OPTIONS,
        scales: {
          x: { type: 'linear', min: 0, ticks: { includeBounds: false }, title: { display: true, text: 'epoch' } },
          y: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'accuracy' } },
        },
      },
    }),
    (redraw, points) => store.attachChart(redraw, points),
    () => store.testAccuracy.length,
    (chart) => {
      const { epochs } = store.plannedRun
      chart.options.scales!.x!.max = epochs === null ? undefined : Math.ceil(epochs)
    },
  )
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label="Train and test accuracy per epoch" data-testid="accuracy-chart" />
    </div>
  )
}
