import { memo, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { myDigitsStoreFor } from '../mydigits/my-digits-store'
import { RunKeepNotice } from '../panes/RunsPane'
import type { LabApi } from '../../src-worker/protocol'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { AccuracyChart } from '../charts/AccuracyChart'
import { LossChart } from '../charts/LossChart'
import { useI18n } from '../i18n'
import type { TrainingStore } from '../store/training-store'
import { DatasetLine } from './DatasetLine'
import { bookText, parseSettingsText, textOf, type SettingsText } from './settings-form'
import { SettingsForm } from './SettingsForm'
import { TrainStatus } from './TrainStatus'
import { errorDetail } from '../lab/error-detail'

/** The form's text outlives the pane (switching tabs unmounts it). */
let draft: SettingsText = bookText()
/** the mounted pane's setter, so a model loaded while another pane shows still reaches the form */
let showDraft: ((next: SettingsText) => void) | null = null
const followed = new WeakSet<LabApi>()

/** A loaded model's settings go into the form, whichever pane loaded it (Load model here, or Runs' "Use this run's model"). */
function followLoadedModels(lab: LabApi): void {
  if (followed.has(lab)) return
  followed.add(lab)
  lab.onEvent((event) => {
    if (event.type !== 'modelLoaded') return
    draft = textOf(event.settings)
    showDraft?.(draft)
  })
}

/**
 * Keeps a chart canvas's text alternative saying what it shows now (latest loss, latest accuracies).
 * Renders an empty marker next to the chart and labels the canvas beside it, so the chart itself never re-renders.
 */
function ChartAlt({ store, kind }: { store: TrainingStore; kind: 'loss' | 'accuracy' }) {
  const { t, num } = useI18n()
  const v = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const marker = useRef<HTMLSpanElement>(null)
  const f4 = (n: number): string => num(n, { minimumFractionDigits: 4, maximumFractionDigits: 4 })
  const label =
    kind === 'loss'
      ? v.lastLoss === null ? t.train.lossChartEmpty : t.train.lossChartNow(num(v.iteration), f4(v.lastLoss))
      : v.epoch === null || v.trainAccuracy === null || v.testAccuracy === null
        ? t.train.accuracyChartEmpty
        : t.train.accuracyChartNow(num(v.epoch, { maximumFractionDigits: 1 }), f4(v.trainAccuracy), f4(v.testAccuracy))
  useEffect(() => {
    marker.current?.parentElement?.querySelector('canvas')?.setAttribute('aria-label', label)
  }, [label])
  return <span ref={marker} hidden />
}

/** Charts never re-render with React: memoised on the store, which is the same for the app's life. */
const Charts = memo(function Charts({ store, lang, lossCaption, accuracyCaption }: { store: TrainingStore; lang: string; lossCaption: string; accuracyCaption: string }) {
  // a chart's axis titles, legend and number format are set when it is created: a language switch makes new ones
  return (
    <div className="charts">
      <figure>
        <figcaption>{lossCaption}</figcaption>
        <LossChart key={lang} store={store} />
        <ChartAlt store={store} kind="loss" />
      </figure>
      <figure>
        <figcaption>{accuracyCaption}</figcaption>
        <AccuracyChart key={lang} store={store} />
        <ChartAlt store={store} kind="accuracy" />
      </figure>
    </div>
  )
})

/** 5.7.4 training with backprop: primary actions on top, then settings beside live progress and charts. */
export function TrainPane({ lab, store }: { lab: LabApi; store: TrainingStore }) {
  const { t, lang } = useI18n()
  const [text, setText] = useState(draft)
  const state = useSyncExternalStore(store.subscribe, () => store.getSnapshot().state)
  const runRate = useSyncExternalStore(store.subscribe, () => store.getSnapshot().learningRate)
  const busy = state === 'running' || state === 'paused'
  const parsed = parseSettingsText(text)
  const controls = useRef<HTMLDivElement>(null)
  const startButton = useRef<HTMLButtonElement>(null)
  const pauseButton = useRef<HTMLButtonElement>(null)

  const change = (next: SettingsText): void => {
    draft = next
    setText(next)
  }
  // a loaded model's settings show in the form, so the form says what the net is
  useEffect(() => {
    followLoadedModels(lab)
    showDraft = setText
    return () => {
      showDraft = null
    }
  }, [lab])

  // Focus follows the action when the focused button disables itself (WAI-ARIA APG: never drop focus to <body>):
  // Start → Pause once the run is going, Pause/Stop → Start once it has ended.
  useLayoutEffect(() => {
    const active = document.activeElement
    const lost = active === document.body || active === null || (active instanceof HTMLButtonElement && active.disabled && controls.current?.contains(active))
    if (!lost) return
    const target = busy ? pauseButton.current : startButton.current
    if (target && !target.disabled) target.focus()
  }, [busy, state])

  const start = (): void => {
    if ('settings' in parsed) lab.start(parsed.settings, myDigitsStoreFor(lab).trainingBatch())
  }
  const reset = (): void => {
    change(bookText())
    store.reset()
    lab.resetWeights({ ...BOOK_SETTINGS })
  }
  const rateText = text.learningRate.trim()
  const rateOk = !('errors' in parsed && parsed.errors.learningRate)
  const pauseOrResume = (): void => {
    if (state !== 'paused') return lab.pause()
    const rate = Number(rateText)
    if (rateOk && runRate !== null && rate !== runRate) lab.setLearningRate(rate)
    lab.resume()
  }
  const save = (): void => {
    // the desktop's save can fail in main (the disk, the folder); the browser's resolves null on a refusal it already showed
    lab.saveModel().then(
      (where) => where && store.notify({ kind: 'success', code: 'modelSaved', where }),
      (error: unknown) => store.notify({ kind: 'error', code: 'rejected', command: 'exportModel', message: errorDetail(error) }),
    )
  }

  return (
    <>
      <h2>
        {t.train.title} <span className="book">{t.train.book}</span>
      </h2>
      <RunKeepNotice lab={lab} />
      <div className="controls train-actions" role="group" aria-label={t.train.controlsLabel} ref={controls}>
        <button ref={startButton} className="primary" data-testid="start-button" disabled={busy || !('settings' in parsed)} onClick={start}>
          {t.train.start}
        </button>
        <button ref={pauseButton} data-testid="pause-button" disabled={!busy || (state === 'paused' && !rateOk)} onClick={pauseOrResume}>
          {state === 'paused' ? t.train.resume : t.train.pause}
        </button>
        <button data-testid="stop-button" disabled={!busy} onClick={() => lab.stop()}>
          {t.train.stop}
        </button>
        <button data-testid="reset-button" disabled={busy} onClick={reset} title={t.train.resetHint}>
          {t.train.reset}
        </button>
        <span className="spacer" />
        <button data-testid="save-button" disabled={state === 'running'} onClick={save} title={t.train.saveHint}>
          {t.train.save}
        </button>
        <button data-testid="load-button" disabled={busy} onClick={() => void lab.loadModel()}>
          {t.train.load}
        </button>
      </div>
      <div className="train-layout">
        <div className="train-side">
          <SettingsForm text={text} onChange={change} state={busy ? (state as 'running' | 'paused') : 'idle'} />
          <DatasetLine lab={lab} store={store} busy={busy} />
        </div>
        <div className="train-main">
          <TrainStatus store={store} />
          <Charts store={store} lang={lang} lossCaption={t.train.lossCaption} accuracyCaption={t.train.accuracyCaption} />
        </div>
      </div>
    </>
  )
}
