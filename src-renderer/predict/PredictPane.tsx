import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { DigitView, LabApi } from '../../src-worker/protocol'
import { useI18n } from '../i18n'
import { refusalText } from '../i18n/worker-messages'
import type { TrainingStore } from '../store/training-store'
import { DigitCanvas } from './DigitCanvas'
import { DrawPad, type Brush, type DrawPadHandle, type ReadInk } from './DrawPad'
import { ProbabilityBars } from './ProbabilityBars'
import { lastDrawing } from './last-drawing'
import { labelNames } from '../train/dataset-name'
import { toMnistPixels } from './to-mnist-pixels'
import { KeepDigit } from '../mydigits/KeepDigit'
import { MyDigitsPanel } from '../mydigits/MyDigitsPanel'

let nextRequestId = 1
/** while training, the kept drawing (and test digit) is read again at most this often */
const LIVE_INTERVAL_MS = 250
/** the brush outlives the pane */
let keptBrush: Brush = 'normal'

/** A test digit index from the browser's random source: a different first digit every start. */
function randomIndex(count: number): number {
  const word = new Uint32Array(1)
  crypto.getRandomValues(word)
  return word[0]! % count
}

type Sample = DigitView & { index: number; probabilities: number[]; trained: boolean }

/** 5.7.2 TwoLayerNet.predict on your own drawing (live, even mid-training) or on a real test digit. */
export function PredictPane({ lab, store, openIndex = null, onOpened }: { lab: LabApi; store: TrainingStore; openIndex?: number | null; onOpened?: () => void }) {
  const { t, num } = useI18n()
  const pad = useRef<DrawPadHandle>(null)
  /** the one prediction request in flight; newer strokes wait in `dirty` so requests never queue up */
  const pendingRef = useRef<{ id: number; since: number; sentAt: number } | null>(null)
  const dirty = useRef<{ read: ReadInk; since: number } | null>(null)
  const [seen, setSeen] = useState<Float32Array | null>(null)
  const [answer, setAnswer] = useState<{ probabilities: number[]; trained: boolean } | null>(null)
  const [latency, setLatency] = useState<number | null>(null)
  const [sample, setSample] = useState<Sample | null>(null)
  const sampleRef = useRef<Sample | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [brush, setBrushState] = useState<Brush>(keptBrush)
  const [history, setHistory] = useState({ undo: false, redo: false })
  const [fromInspect, setFromInspect] = useState<number | null>(null)
  const state = useSyncExternalStore(store.subscribe, () => store.getSnapshot().state)
  const testSize = useSyncExternalStore(store.subscribe, () => store.getSnapshot().dataset?.testSize ?? 0)
  const names = labelNames(t, useSyncExternalStore(store.subscribe, () => store.getSnapshot().dataset)) // Fashion-MNIST's classes
  const [pick, setPick] = useState('')
  const t0 = useRef(t)
  t0.current = t

  const send = (read: ReadInk, since: number): void => {
    const sentAt = performance.now()
    const pixels = toMnistPixels(read())
    setSeen(pixels)
    lastDrawing.set(pixels)
    if (!pixels.some((v) => v > 0)) {
      setAnswer(null)
      setLatency(null)
      return
    }
    const id = nextRequestId++
    pendingRef.current = { id, since, sentAt }
    lab.predict(id, pixels)
  }
  const sendRef = useRef(send)
  sendRef.current = send

  useEffect(() => {
    let lastLive = 0
    let lastSample = 0
    const unsubscribe = lab.onEvent((event) => {
      if (event.type === 'prediction' && event.requestId === pendingRef.current?.id) {
        const now = performance.now()
        const ms = now - pendingRef.current.since
        // from the pointer event (incl. the browser's input queue) and from our handler, for bench:ui
        performance.measure('draw-to-prediction', { start: pendingRef.current.since, duration: ms })
        performance.measure('predict-round-trip', { start: pendingRef.current.sentAt, duration: now - pendingRef.current.sentAt })
        pendingRef.current = null
        setAnswer({ probabilities: event.probabilities, trained: event.trained })
        setLatency(ms)
        setProblem(null)
        const next = dirty.current
        dirty.current = null
        if (next) sendRef.current(next.read, next.since)
      } else if (event.type === 'testSample') {
        sampleRef.current = event
        setSample(event)
        setProblem(null)
      } else if (event.type === 'rejected' && (event.command === 'predict' || event.command === 'sampleTest')) {
        if (event.command === 'predict') pendingRef.current = null
        setProblem(refusalText(t0.current, event.command, event.message))
      } else if (event.type === 'failed') {
        pendingRef.current = null
      } else if (event.type === 'progress' || event.type === 'epoch' || event.type === 'done' || event.type === 'modelLoaded' || event.type === 'weightsReset') {
        // live: read the kept drawing (and the shown test digit) again with the weights as they are now
        const now = performance.now()
        const final = event.type !== 'progress' && event.type !== 'epoch'
        if ((final || now - lastLive >= LIVE_INTERVAL_MS) && pad.current?.hasInk() && !pendingRef.current) {
          lastLive = now
          sendRef.current(pad.current.read, now)
        }
        if (sampleRef.current && (final || now - lastSample >= 4 * LIVE_INTERVAL_MS)) {
          lastSample = now
          lab.sampleTest(sampleRef.current.index)
        }
      }
    })
    if (openIndex !== null) {
      setFromInspect(openIndex)
      lab.sampleTest(openIndex)
      onOpened?.()
    }
    return unsubscribe
    // openIndex is read once, when Inspect opens this pane
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lab])

  const onInk = (read: ReadInk, since: number): void => {
    if (pendingRef.current) dirty.current = { read, since: dirty.current?.since ?? since }
    else send(read, since)
  }
  const setBrush = (next: Brush): void => {
    keptBrush = next
    setBrushState(next)
  }
  const showPicked = (): void => {
    const index = Number(pick)
    if (pick.trim() !== '' && Number.isInteger(index)) {
      setFromInspect(null)
      lab.sampleTest(index)
    } else setProblem(refusalText(t, 'sampleTest', `sampleTest: index must be an integer in [0, ${Math.max(0, testSize - 1)}], got ${JSON.stringify(pick)}`))
  }
  const probabilities = answer?.probabilities ?? null
  const predicted = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : null
  const untrained = (answer && !answer.trained) || (sample && !sample.trained)

  return (
    <>
      <h2>
        {t.predict.title} <span className="book">{t.predict.book}</span>
      </h2>
      <p className="lead">
        {t.predict.lead} {state === 'running' && <strong className="live">{t.predict.live}</strong>}
      </p>
      {problem && (
        <p className="notice notice-error" role="alert" data-testid="predict-problem">
          <span className="notice-icon" aria-hidden="true">⚠</span>
          <span>{problem}</span>
        </p>
      )}
      {untrained && (
        <p className="untrained-note" data-testid="untrained-note">
          {t.predict.untrainedNote}
        </p>
      )}
      <div className="predict-layout">
        <div className="pad-column">
          <DrawPad ref={pad} onInk={onInk} onHistory={(undo, redo) => setHistory({ undo, redo })} label={t.predict.padLabel} brush={brush} />
          <div className="controls pad-controls">
            <fieldset className="brush">
              <legend>{t.predict.brush}</legend>
              {(['thin', 'normal', 'thick'] as const).map((b) => (
                <label key={b}>
                  <input type="radio" name="brush" value={b} checked={brush === b} onChange={() => setBrush(b)} data-testid={`brush-${b}`} />
                  {t.predict.brushes[b]}
                </label>
              ))}
            </fieldset>
          </div>
          <div className="controls">
            <button data-testid="undo-button" disabled={!history.undo} onClick={() => pad.current?.undo()}>
              {t.predict.undo}
            </button>
            <button data-testid="redo-button" disabled={!history.redo} onClick={() => pad.current?.redo()}>
              {t.predict.redo}
            </button>
            <button data-testid="clear-button" onClick={() => pad.current?.clear()}>
              {t.predict.clear}
            </button>
          </div>
          <p className="hint pad-hint">{t.predict.keyboardHint}</p>
          <KeepDigit lab={lab} pixels={seen} />
        </div>
        <div className="seen-column">
          <h3>{t.predict.seen}</h3>
          <DigitCanvas pixels={seen} label={t.predict.seenLabel} className="digit large" />
          <p className={`answer${answer && !answer.trained ? ' answer-untrained' : ''}`}>
            {t.predict.answer}:{' '}
            <output data-testid="predicted-digit" aria-label={t.predict.answerLabel} data-trained={answer ? String(answer.trained) : undefined}>
              {predicted ?? ''}
            </output>
            {answer && !answer.trained && (
              <span className="untrained-badge" data-testid="untrained-badge">
                {t.predict.untrained}
              </span>
            )}
          </p>
          <p className="hint">{latency === null ? '' : t.predict.latency(num(latency, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))}</p>
        </div>
        <div className="bars-column">
          <h3>{t.predict.softmax}</h3>
          <ProbabilityBars probabilities={probabilities} label={t.predict.barsDrawing} muted={answer ? !answer.trained : false} names={names} />
        </div>
      </div>
      <section className="sample" aria-labelledby="sample-title">
        <h3 id="sample-title">{t.predict.sampleTitle}</h3>
        <div className="controls">
          <button data-testid="random-sample" disabled={testSize === 0} onClick={() => (setFromInspect(null), lab.sampleTest(randomIndex(testSize)))}>
            {t.predict.random}
          </button>
          <label className="pick">
            <span>{t.predict.pickLabel}</span>
            <input
              type="text"
              inputMode="numeric"
              value={pick}
              size={6}
              data-testid="pick-index"
              aria-describedby="pick-range"
              onChange={(e) => setPick(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && showPicked()}
            />
          </label>
          <button data-testid="pick-button" onClick={showPicked}>
            {t.predict.pick}
          </button>
          <small id="pick-range" className="hint">
            {t.predict.pickRange(num(Math.max(0, testSize - 1), { useGrouping: false }))}
          </small>
        </div>
        {fromInspect !== null && <p className="hint">{t.predict.fromInspect(String(fromInspect))}</p>}
        {sample && (
          <div className="sample-row">
            <DigitCanvas pixels={sample.pixels} label={t.predict.sampleCanvas(String(sample.index), String(sample.label))} className="digit large" />
            <p data-testid="sample-result" aria-live="polite">
              {t.predict.sampleResult(String(sample.index), String(sample.label), String(sample.predicted))}{' '}
              <strong className={sample.label === sample.predicted ? 'right' : 'wrong'}>{sample.label === sample.predicted ? t.predict.right : t.predict.wrong}</strong>
              {!sample.trained && (
                <>
                  {' '}
                  <span className="untrained-badge">{t.predict.untrained}</span>
                </>
              )}
            </p>
            <ProbabilityBars probabilities={sample.probabilities} label={t.predict.barsSample} muted={!sample.trained} names={names} />
          </div>
        )}
      </section>
      <MyDigitsPanel lab={lab} />
    </>
  )
}
