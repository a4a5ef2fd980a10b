import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { DigitView, LabApi } from '../../src-worker/protocol'
import type { TrainingStore } from '../store/training-store'
import { DigitCanvas } from './DigitCanvas'
import { DrawPad, type DrawPadHandle, type ReadInk } from './DrawPad'
import { ProbabilityBars } from './ProbabilityBars'
import { toMnistPixels } from './to-mnist-pixels'
import { KeepDigit } from '../mydigits/KeepDigit'
import { MyDigitsPanel } from '../mydigits/MyDigitsPanel'

let nextRequestId = 1

/** 5.7.2 TwoLayerNet.predict on your own drawing (live, even mid-training) or on a real test digit. */
export function PredictPane({ lab, store }: { lab: LabApi; store: TrainingStore }) {
  const pad = useRef<DrawPadHandle>(null)
  /** the one prediction request in flight; newer strokes wait in `dirty` so requests never queue up */
  const pendingRef = useRef<{ id: number; since: number; sentAt: number } | null>(null)
  const dirty = useRef<{ read: ReadInk; since: number } | null>(null)
  const [seen, setSeen] = useState<Float32Array | null>(null)
  const [probabilities, setProbabilities] = useState<number[] | null>(null)
  const [latency, setLatency] = useState<number | null>(null)
  const [sample, setSample] = useState<(DigitView & { index: number; probabilities: number[] }) | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const state = useSyncExternalStore(store.subscribe, () => store.getSnapshot().state)

  useEffect(
    () =>
      lab.onEvent((event) => {
        if (event.type === 'prediction' && event.requestId === pendingRef.current?.id) {
          const now = performance.now()
          const ms = now - pendingRef.current.since
          // from the pointer event (incl. the browser's input queue) and from our handler, for bench:ui
          performance.measure('draw-to-prediction', { start: pendingRef.current.since, duration: ms })
          performance.measure('predict-round-trip', { start: pendingRef.current.sentAt, duration: now - pendingRef.current.sentAt })
          pendingRef.current = null
          setProbabilities(event.probabilities)
          setLatency(ms)
          setProblem(null)
          sendDirty()
        } else if (event.type === 'testSample') {
          setSample(event)
        } else if (event.type === 'rejected' && (event.command === 'predict' || event.command === 'sampleTest')) {
          if (event.command === 'predict') pendingRef.current = null
          setProblem(event.message)
        } else if (event.type === 'failed') {
          pendingRef.current = null
        }
      }),
    [lab],
  )

  const send = (read: ReadInk, since: number): void => {
    const sentAt = performance.now()
    const pixels = toMnistPixels(read())
    setSeen(pixels)
    if (!pixels.some((v) => v > 0)) return
    const id = nextRequestId++
    pendingRef.current = { id, since, sentAt }
    lab.predict(id, pixels)
  }
  function sendDirty(): void {
    const next = dirty.current
    dirty.current = null
    if (next) send(next.read, next.since)
  }
  const onInk = (read: ReadInk, since: number): void => {
    if (pendingRef.current) dirty.current = { read, since: dirty.current?.since ?? since }
    else send(read, since)
  }
  const clear = (): void => {
    pad.current?.clear()
    pendingRef.current = null
    dirty.current = null
    setSeen(null)
    setProbabilities(null)
    setLatency(null)
  }
  const predicted = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : null

  return (
    <>
      <h2>
        Predict <span className="book">5.7.2 TwoLayerNet.predict</span>
      </h2>
      <p className="lead">
        Draw a digit. It is cropped, scaled to 20 px and centred by its centre of mass in 28×28, as MNIST was made, then the
        network's current weights answer{state === 'running' ? ' — live, while it trains' : ''}.
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="predict-layout">
        <div className="pad-column">
          <DrawPad ref={pad} onInk={onInk} label="Drawing pad: draw a digit with mouse, touch or pen" />
          <div className="controls">
            <button data-testid="clear-button" onClick={clear}>
              Clear
            </button>
          </div>
          <KeepDigit lab={lab} pixels={seen} />
        </div>
        <div className="seen-column">
          <h3>What the network sees</h3>
          <DigitCanvas pixels={seen} label="The 28×28 input the network sees" className="digit large" />
          <p className="answer">
            Answer: <output data-testid="predicted-digit" aria-label="Predicted digit">{predicted ?? ''}</output>
          </p>
          <p className="hint">{latency === null ? '' : `drawing → prediction: ${latency.toFixed(1)} ms`}</p>
        </div>
        <div className="bars-column">
          <h3>Softmax output</h3>
          <ProbabilityBars probabilities={probabilities} label="Probability of each digit for the drawing" />
        </div>
      </div>
      <section className="sample" aria-label="Random test digit">
        <h3>A real test digit</h3>
        <button onClick={() => lab.sampleTest()}>Random test digit</button>
        {sample && (
          <div className="sample-row">
            <DigitCanvas pixels={sample.pixels} label={`Test digit #${sample.index}, labelled ${sample.label}`} className="digit large" />
            <p data-testid="sample-result">
              Test #{sample.index}: label <strong>{sample.label}</strong>, network says <strong>{sample.predicted}</strong>{' '}
              {sample.label === sample.predicted ? '✓ right' : '✗ wrong'}
            </p>
            <ProbabilityBars probabilities={sample.probabilities} label="Probability of each digit for the test sample" />
          </div>
        )}
      </section>
      <MyDigitsPanel lab={lab} />
    </>
  )
}
