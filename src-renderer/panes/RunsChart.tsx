import { useEffect, useRef } from 'react'
import { Chart } from 'chart.js'
import type { RunRecord } from '../../src-worker/protocol'
import { RUN_COLOURS } from '../charts/palette'
import { FAST_LINE_OPTIONS } from '../charts/use-line-chart'
import { LossSeries, type XY } from '../store/series'

/** The selected runs' loss curves (moving average of 50 iterations) overlaid; created once, datasets swapped in place. */
export function RunsChart({ runs }: { runs: RunRecord[] }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart<'line', XY[]> | null>(null)

  useEffect(() => {
    if (!canvas.current) return
    const css = getComputedStyle(canvas.current)
    const text = css.getPropertyValue('--chart-text').trim() || '#444'
    const grid = css.getPropertyValue('--chart-grid').trim() || 'rgba(0,0,0,0.1)'
    chart.current = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...FAST_LINE_OPTIONS,
        plugins: { ...FAST_LINE_OPTIONS.plugins, legend: { labels: { ...FAST_LINE_OPTIONS.plugins.legend.labels, color: text } } },
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'iteration', color: text }, ticks: { color: text }, grid: { color: grid } },
          y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'loss, moving average', color: text }, ticks: { color: text }, grid: { color: grid } },
        },
      },
    })
    return () => {
      chart.current?.destroy()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    const c = chart.current
    if (!c) return
    c.data.datasets = runs.map((run, i) => {
      const series = new LossSeries(50)
      series.append(0, run.losses)
      const s = run.settings
      return {
        label: `${run.startedAt.slice(11, 19)} · ${run.losses.length.toLocaleString('en-US')} it. · lr ${s.learningRate} · batch ${s.batchSize} · hidden ${s.hiddenSize} · ${s.activation} · seed ${s.seed}`,
        data: series.average,
        borderColor: RUN_COLOURS[i % RUN_COLOURS.length],
        backgroundColor: RUN_COLOURS[i % RUN_COLOURS.length],
        borderWidth: 2,
      }
    })
    c.update('none')
    if (canvas.current) canvas.current.dataset.runs = String(runs.length)
  }, [runs])

  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label="Loss curves of the selected runs, overlaid" data-testid="runs-chart" />
    </div>
  )
}
