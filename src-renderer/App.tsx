import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { LabApi } from '../src-worker/protocol'
import { LANGUAGES, useI18n, type Language } from './i18n'
import { GradientPane } from './panes/GradientPane'
import { GraphPane } from './panes/GraphPane'
import { LayersPane } from './layers/LayersPane'
import { InspectPane } from './panes/InspectPane'
import { RunsPane } from './panes/RunsPane'
import { PredictPane } from './predict/PredictPane'
import { PaneShown } from './pane-shown'
import { StepPane } from './step/StepPane'
import type { TrainingStore } from './store/training-store'
import { TrainChip } from './train/TrainChip'
import { TrainPane } from './train/TrainPane'

const PANES = [
  { id: 'train', section: '5.7.4' },
  { id: 'predict', section: '5.7.2' },
  { id: 'step', section: '5.7.1' },
  { id: 'gradient', section: '5.7.3' },
  { id: 'graph', section: '5.1–5.4' },
  { id: 'layers', section: '5.5–5.6' },
  { id: 'inspect', section: '5.7.2' },
  { id: 'runs', section: '5.7.4' },
] as const

/** Each language named in itself, so the switch reads right whatever is showing. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' }
type PaneId = (typeof PANES)[number]['id']

/**
 * Panes kept mounted once opened, hidden while another shows: their charts take 30–50 ms each to make, a
 * long task on every return to the pane, and hold nothing that would go stale (they follow the store and the
 * run history while hidden). The other panes mount when shown and poll or draw only then.
 */
const KEPT: readonly PaneId[] = ['train', 'runs']

function TabPanel({ id, shown, children }: { id: PaneId; shown: boolean; children: ReactNode }) {
  return (
    <div id={`pane-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} className="pane" data-pane={id} hidden={!shown}>
      <PaneShown.Provider value={shown}>{children}</PaneShown.Provider>
    </div>
  )
}

/**
 * The lab's shell: a header (banner), the tab list in a nav landmark, and the shown pane as a tabpanel
 * inside the main landmark. The shown pane is mounted, and the kept ones once opened.
 */
export function App({ lab, store }: { lab: LabApi; store: TrainingStore }) {
  const { t, lang, setLang } = useI18n()
  const [pane, setShownPane] = useState<PaneId>('train')
  const [opened, setOpened] = useState<ReadonlySet<PaneId>>(() => new Set<PaneId>(['train']))
  const setPane = (next: PaneId): void => {
    setShownPane(next)
    if (KEPT.includes(next)) setOpened((old) => (old.has(next) ? old : new Set([...old, next])))
  }
  // setPane marks a kept pane opened in the same update that shows it
  const kept = (id: PaneId, content: ReactNode): ReactNode =>
    opened.has(id) && (
      <TabPanel key={id} id={id} shown={pane === id}>
        {content}
      </TabPanel>
    )
  /** a test digit Inspect asked Predict to show */
  const [predictIndex, setPredictIndex] = useState<number | null>(null)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent, index: number): void => {
    const last = PANES.length - 1
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[e.key]
    if (next === undefined) return
    e.preventDefault()
    setPane(PANES[next]!.id)
    tabs.current[next]?.focus()
  }
  const openInPredict = (index: number): void => {
    setPredictIndex(index)
    setPane('predict')
    tabs.current[PANES.findIndex((p) => p.id === 'predict')]?.focus()
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t.shell.title}</h1>
        <p className="subtitle" title={t.shell.subtitle}>
          {t.shell.subtitle}
        </p>
        <span className="edition">{t.shell.edition[lab.edition === 'desktop' ? 'desktop' : 'browser']}</span>
        <TrainChip store={store} />
        <label className="language">
          <span>{t.shell.language}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Language)} data-testid="language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <nav aria-label={t.shell.panesLabel}>
        <div className="tabs" role="tablist" aria-label={t.shell.panesLabel}>
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
              {t.shell.panes[p.id]} <span className="section">{p.section}</span>
            </button>
          ))}
        </div>
      </nav>
      <main className="content">
        {kept('train', <TrainPane lab={lab} store={store} />)}
        {kept('runs', <RunsPane lab={lab} />)}
        {!KEPT.includes(pane) && (
          <TabPanel key={pane} id={pane} shown>
            {pane === 'predict' && <PredictPane lab={lab} store={store} openIndex={predictIndex} onOpened={() => setPredictIndex(null)} />}
            {pane === 'step' && <StepPane lab={lab} learningRate={store.getSnapshot().learningRate ?? 0.1} />}
            {pane === 'gradient' && <GradientPane lab={lab} />}
            {pane === 'graph' && <GraphPane />}
            {pane === 'layers' && <LayersPane />}
            {pane === 'inspect' && <InspectPane lab={lab} onOpenInPredict={openInPredict} />}
          </TabPanel>
        )}
      </main>
    </div>
  )
}
