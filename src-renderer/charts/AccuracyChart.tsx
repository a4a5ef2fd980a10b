import { useRef } from 'react'
import { useI18n } from '../i18n'
import type { TrainingStore } from '../store/training-store'
import { OKABE_ITO } from './palette'
import { FAST_LINE_OPTIONS, useLineChart, X_TICKS } from './use-line-chart'

/** 5.7.4's train_acc_list and test_acc_list, once per epoch; y fixed to [0, 1]. */
export function AccuracyChart({ store }: { store: TrainingStore }) {
  const { t, lang } = useI18n()
  const a = t.train.accuracyChart
  const canvas = useRef<HTMLCanvasElement>(null)
  useLineChart(
    canvas,
    () => ({
      type: 'line',
      data: {
        datasets: [
          { label: a.train, data: store.trainAccuracy, borderColor: OKABE_ITO.blue, backgroundColor: OKABE_ITO.blue, borderWidth: 2 },
          { label: a.test, data: store.testAccuracy, borderColor: OKABE_ITO.orange, backgroundColor: OKABE_ITO.orange, borderWidth: 2, borderDash: [6, 3] },
        ],
      },
      options: {
        ...FAST_LINE_OPTIONS,
        locale: lang,
        scales: {
          x: { type: 'linear', min: 0, ticks: X_TICKS, title: { display: true, text: a.epoch } },
          y: { type: 'linear', min: 0, max: 1, title: { display: true, text: a.accuracy } },
        },
      },
    }),
    (redraw, points) => store.attachChart(redraw, points),
    () => store.testAccuracy.length,
    {
      beforeRedraw: (chart) => {
        const { epochs } = store.plannedRun
        chart.options.scales!.x!.max = epochs === null ? undefined : Math.ceil(epochs)
      },
    },
  )
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={t.train.accuracyCaption} data-testid="accuracy-chart" />
    </div>
  )
}
