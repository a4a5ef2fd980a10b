import { useRef, useState, type KeyboardEvent } from 'react'
import type { LabApi } from '../src-worker/protocol'
import { GradientPane } from './panes/GradientPane'
import { GraphPane } from './panes/GraphPane'
import { InspectPane } from './panes/InspectPane'
import { RunsPane } from './panes/RunsPane'
import { PredictPane } from './predict/PredictPane'
import type { TrainingStore } from './store/training-store'
import { TrainChip } from './train/TrainChip'
import { TrainPane } from './train/TrainPane'

const PANES = [
  { id: 'train', label: 'Train', section: '5.7.4' },
  { id: 'predict', label: 'Predict', section: '5.7.2' },
  { id: 'gradient', label: 'Gradient check', section: '5.7.3' },
  { id: 'graph', label: 'Computational graph', section: '5.1–5.4' },
  { id: 'inspect', label: 'Inspect', section: '5.7.2' },
  { id: 'runs', label: 'Runs', section: '5.7.4' },
] as const
type PaneId = (typeof PANES)[number]['id']

/** The lab's shell: a tab list of panes, each naming its book section. Only the shown pane is mounted. */
export function App({ lab, store }: { lab: LabApi; store: TrainingStore }) {
  const [pane, setPane] = useState<PaneId>('train')
  const tabs = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent, index: number): void => {
    const last = PANES.length - 1
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key]
    if (next === undefined) return
    e.preventDefault()
    setPane(PANES[next]!.id)
    tabs.current[next]?.focus()
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>Backprop Lab</h1>
        <p className="subtitle">
          Chapter 5 of <cite>Deep Learning from Scratch</cite>: error backpropagation on MNIST
          <span className="edition">{lab.edition === 'desktop' ? 'desktop' : 'browser'} edition</span>
        </p>
        <TrainChip store={store} />
      </header>
      <nav className="tabs" role="tablist" aria-label="Panes">
        {PANES.map((p, i) => (
          <button
            key={p.id}
            ref={(el) => {
              tabs.current[i] = el
            }}
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={pane === p.id}
            aria-controls={`pane-${p.id}`}
            tabIndex={pane === p.id ? 0 : -1}
            onClick={() => setPane(p.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {p.label} <span className="section">{p.section}</span>
          </button>
        ))}
      </nav>
      <main id={`pane-${pane}`} role="tabpanel" aria-labelledby={`tab-${pane}`} className="pane">
        {pane === 'train' && <TrainPane lab={lab} store={store} />}
        {pane === 'predict' && <PredictPane lab={lab} store={store} />}
        {pane === 'gradient' && <GradientPane lab={lab} />}
        {pane === 'graph' && <GraphPane />}
        {pane === 'inspect' && <InspectPane lab={lab} />}
        {pane === 'runs' && <RunsPane lab={lab} />}
      </main>
    </div>
  )
}
