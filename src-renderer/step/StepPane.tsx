import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import type { LabApi, StepMatrix, StepRecord, StepSource } from '../../src-worker/protocol'
import { parseDecimal } from '../../src-worker/session/validate'
import { refusalText } from '../i18n/worker-messages'
import { lastDrawing } from '../predict/last-drawing'
import { useI18n } from '../i18n'
import { downloadText } from '../lab/browser-files'
import { DigitCanvas } from '../predict/DigitCanvas'
import { Heatmap, Tiles } from './Heatmap'
import { BOOK_LINES, gradientSize } from '../../src-worker/step/one-step'

type StageId = 'batch' | 'affine1' | 'relu1' | 'sigmoid1' | 'affine2' | 'softmax' | 'backSoftmax' | 'backAffine2' | 'backRelu1' | 'backSigmoid1' | 'backAffine1' | 'update'

/** The ten stages of 5.7.1 in the book's order: mini-batch, forward ×4, backward ×4 in reverse, update. */
export function stagesOf(record: StepRecord): StageId[] {
  const act = record.forward[1]!.layer === 'Relu1' ? 'relu1' : 'sigmoid1'
  return ['batch', 'affine1', act, 'affine2', 'softmax', 'backSoftmax', 'backAffine2', act === 'relu1' ? 'backRelu1' : 'backSigmoid1', 'backAffine1', 'update']
}

let nextRequest = 1
const shapeText = (m: { shape: number[] }) => `(${m.shape.join(', ')})`
const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(2))


/** 5.7.1–5.7.2: one real SGD iteration on the lab's network, stepped one layer at a time, then Apply. */
export function StepPane({ lab, learningRate }: { lab: LabApi; learningRate: number }) {
  const { t, num } = useI18n()
  const s = t.step
  const [kind, setKind] = useState<'batch' | 'test' | 'drawing'>('batch')
  const drawing = useSyncExternalStore(lastDrawing.subscribe, lastDrawing.get)
  const [drawnLabel, setDrawnLabel] = useState('')
  const [batchSize, setBatchSize] = useState('100')
  const [testIndex, setTestIndex] = useState('0')
  const [lr, setLr] = useState(String(learningRate))
  const [record, setRecord] = useState<{ id: number; step: StepRecord } | null>(null)
  const [stage, setStage] = useState(0)
  const [sample, setSample] = useState(0)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const pending = useRef<number | null>(null)
  const stageRef = useRef<HTMLDivElement>(null)

  useEffect(
    () =>
      lab.onEvent((event) => {
        if (event.type === 'stepTraced' && event.requestId === pending.current) {
          pending.current = null
          setBusy(false)
          setRecord({ id: event.requestId, step: event.step })
          setStage(0)
          setSample(0)
          setMessage(null)
        } else if (event.type === 'stepApplied') {
          setMessage({ text: s.applied(fmt(event.lossBefore), fmt(event.lossAfter), num(event.iterations)), error: false })
          setRecord(null)
        } else if (event.type === 'rejected' && (event.command === 'traceStep' || event.command === 'applyStep')) {
          pending.current = null
          setBusy(false)
          setMessage({ text: refusalText(t, event.command, event.message), error: true })
        } else if (event.type === 'failed') {
          pending.current = null
          setBusy(false)
        }
      }),
    [lab, t, s, num],
  )

  const compute = (): void => {
    const id = nextRequest++
    pending.current = id
    let source: StepSource
    if (kind === 'drawing') {
      const label = drawnLabel.trim()
      if (!drawing) return setMessage({ text: s.noDrawing, error: true })
      if (!/^\d$/.test(label)) return setMessage({ text: s.drawnLabelProblem(label), error: true })
      source = { kind: 'pixels', pixels: drawing, label: Number(label) }
    } else {
      // decimal only, as every field here: the worker names what was typed when it is not a number ("0x10")
      source = kind === 'batch' ? { kind, batchSize: parseDecimal(batchSize) as number } : { kind, index: parseDecimal(testIndex) as number }
    }
    setBusy(true)
    setMessage(null)
    lab.traceStep(id, source, parseDecimal(lr) as number)
  }

  const stages = record ? stagesOf(record.step) : []
  const last = stages.length - 1
  const go = (k: number): void => {
    setStage(Math.max(0, Math.min(last, k)))
    stageRef.current?.focus()
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowRight') go(stage + 1)
    else if (e.key === 'ArrowLeft') go(stage - 1)
    else return
    e.preventDefault()
  }

  return (
    <>
      <h2>
        {s.title} <span className="book">{s.book}</span>
      </h2>
      <p className="lead">{s.lead}</p>
      <div className="step-setup">
        <fieldset>
          <legend>{s.sourceLabel}</legend>
          <label>
            <input type="radio" name="step-source" checked={kind === 'batch'} onChange={() => setKind('batch')} /> {s.sourceBatch}
          </label>
          <label>
            {s.batchSize} <input type="text" inputMode="numeric" size={5} value={batchSize} disabled={kind !== 'batch'} onChange={(e) => setBatchSize(e.target.value)} />
          </label>
          <label>
            <input type="radio" name="step-source" checked={kind === 'test'} onChange={() => setKind('test')} /> {s.sourceTest}
          </label>
          <label>
            {s.testIndex} <input type="text" inputMode="numeric" size={5} value={testIndex} disabled={kind !== 'test'} onChange={(e) => setTestIndex(e.target.value)} />
          </label>
          <label>
            <input type="radio" name="step-source" data-testid="step-source-drawing" checked={kind === 'drawing'} disabled={!drawing} onChange={() => setKind('drawing')} /> {s.sourceDrawing}
          </label>
          {drawing ? (
            <span className="step-drawing">
              <DigitCanvas pixels={drawing} label={s.drawingCanvas} className="digit" />
              <label>
                {s.drawnLabel}{' '}
                <input type="text" inputMode="numeric" size={2} maxLength={2} value={drawnLabel} disabled={kind !== 'drawing'} data-testid="step-drawn-label" onChange={(e) => setDrawnLabel(e.target.value)} />
              </label>
            </span>
          ) : (
            <span className="hint">{s.noDrawing}</span>
          )}
        </fieldset>
        <label>
          {s.learningRate} <input type="text" inputMode="decimal" size={6} value={lr} onChange={(e) => setLr(e.target.value)} />
        </label>
        <button className="primary" data-testid="compute-step" disabled={busy} onClick={compute}>
          {busy ? s.computing : s.compute}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'} data-testid="step-message">
          {message.text}
        </p>
      )}
      {!record && !message && <p className="hint">{s.none}</p>}
      {record && (
        <>
          <div className="controls step-controls">
            <button data-testid="step-previous" disabled={stage === 0} onClick={() => go(stage - 1)}>
              {s.previous}
            </button>
            <button data-testid="step-next" disabled={stage === last} onClick={() => go(stage + 1)}>
              {s.next}
            </button>
            <button data-testid="step-whole" disabled={stage === last} onClick={() => go(last)}>
              {s.whole}
            </button>
            <span className="hint">{s.stageOf(stage + 1, stages.length)} · {s.keys}</span>
            <button onClick={() => downloadText(`backprop-lab-step-${record.id}.json`, JSON.stringify(record.step), 'application/json')}>{s.export}</button>
          </div>
          <ol className="step-progress" aria-hidden="true">
            {stages.map((id, k) => (
              <li key={id} className={k === stage ? 'current' : k < stage ? 'done' : ''}>
                {s.stages[id].title.replace(/^\d\. /, '')}
              </li>
            ))}
          </ol>
          <div ref={stageRef} className="step-stage" tabIndex={0} onKeyDown={onKey} data-testid="step-stage" data-stage={stages[stage]} aria-live="polite" aria-label={s.stages[stages[stage]!].title}>
            <StageView id={stages[stage]!} record={record.step} sample={sample} setSample={setSample} />
          </div>
          <div className="controls">
            <button className="primary" data-testid="apply-step" onClick={() => lab.applyStep(record.id)}>
              {s.apply}
            </button>
            <span className="hint">{s.applyHint}</span>
          </div>
        </>
      )}
    </>
  )
}

function StageView({ id, record, sample, setSample }: { id: StageId; record: StepRecord; sample: number; setSample: (n: number) => void }) {
  const { t } = useI18n()
  const s = t.step
  const [f1, fAct, f2, fSoft] = record.forward
  const [bSoft, b2, bAct, b1] = record.backward
  const n = record.t.length
  const code = (text: string) => (
    <p className="book-code">
      <span className="hint">{s.code}: </span>
      <code>{text}</code>
    </p>
  )
  const size = (name: string, m: StepMatrix) => {
    const { maxAbs, meanAbs } = gradientSize(m.values)
    return (
      <p className="grad-size">
        <strong>{name}</strong> {s.shape(shapeText(m))} · {s.size(fmt(maxAbs), fmt(meanAbs))}
      </p>
    )
  }
  const picker = n > 1 && (
    <label className="sample-pick">
      {s.sample} <input type="number" min={0} max={n - 1} value={sample} onChange={(e) => setSample(Math.max(0, Math.min(n - 1, Number(e.target.value) || 0)))} /> / {n - 1}
    </label>
  )
  const row = (m: StepMatrix) => m.values.slice(sample * m.shape[1]!, (sample + 1) * m.shape[1]!)
  const stage = s.stages[id]

  let body
  switch (id) {
    case 'batch':
      body = (
        <>
          <ul className="batch-thumbs">
            {record.x.slice(0, 40).map((pixels, i) => (
              <li key={i} className={i === sample ? 'selected' : ''}>
                <button onClick={() => setSample(i)} aria-label={`${s.correct} ${record.t[i]}`}>
                  <DigitCanvas pixels={pixels} label={`${s.correct} ${record.t[i]}`} className="digit" />
                </button>
                <span>{record.t[i]}</span>
              </li>
            ))}
          </ul>
          <p>
            x {s.shape(`(${n}, 784)`)} · {s.labels}: {record.t.slice(0, 40).join(' ')}
            {n > 40 ? ' …' : ''}
          </p>
        </>
      )
      break
    case 'affine1':
    case 'affine2':
    case 'relu1':
    case 'sigmoid1': {
      const layer = id === 'affine1' ? f1! : id === 'affine2' ? f2! : fAct!
      body = (
        <>
          {code(layer.code)}
          <p>{s.shape(shapeText(layer.out!))}</p>
          <Heatmap matrix={layer.out!} label={`${layer.layer} out ${shapeText(layer.out!)}`} highlightRow={sample} blocked={id === 'relu1' ? layer.mask?.values : undefined} />
          {picker}
        </>
      )
      break
    }
    case 'softmax':
      body = (
        <>
          {code(fSoft!.code)}
          <p data-testid="loss-before">
            {s.lossBefore}: <strong>{fSoft!.loss}</strong>
          </p>
          {picker}
          <Bars values={row(fSoft!.y!)} label={s.probabilities} mark={record.t[sample]!} />
        </>
      )
      break
    case 'backSoftmax':
      body = (
        <>
          {code(bSoft!.code)}
          {size('dx', bSoft!.dx)}
          {picker}
          <p>
            {s.correct} t = {record.t[sample]}, N = {n}
          </p>
          <table className="softmax-back" data-testid="softmax-backward">
            <thead>
              <tr>
                <th scope="col">k</th>
                <th scope="col">y</th>
                <th scope="col">t</th>
                <th scope="col">{s.minus}</th>
              </tr>
            </thead>
            <tbody>
              {row(fSoft!.y!).map((y, k) => (
                <tr key={k} className={k === record.t[sample] ? 'label-row' : ''}>
                  <td>{k}</td>
                  <td data-y={y}>{y.toFixed(6)}</td>
                  <td>{k === record.t[sample] ? 1 : 0}</td>
                  <td data-dx={row(bSoft!.dx)[k]}>{row(bSoft!.dx)[k]!.toFixed(6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )
      break
    case 'backAffine2':
    case 'backAffine1': {
      const b = id === 'backAffine2' ? b2! : b1!
      const w = id === 'backAffine2' ? 'W2' : 'W1'
      const bias = id === 'backAffine2' ? 'b2' : 'b1'
      body = (
        <>
          {code(b.code)}
          {size(`d${w}`, b.dW!)}
          {id === 'backAffine1' ? <Tiles matrix={b.dW!} label={s.gradient('dW1')} /> : <Heatmap matrix={b.dW!} label={s.gradient('dW2')} />}
          {size(`d${bias}`, b.db!)}
          <Heatmap matrix={b.db!} label={s.gradient(`d${bias}`)} />
          {size('dx', b.dx)}
        </>
      )
      break
    }
    case 'backRelu1':
    case 'backSigmoid1':
      body = (
        <>
          {code(bAct!.code)}
          {size('dx', bAct!.dx)}
          <Heatmap matrix={bAct!.dx} label={`${bAct!.layer} dx`} highlightRow={sample} blocked={id === 'backRelu1' ? fAct!.mask?.values : undefined} />
          {picker}
        </>
      )
      break
    case 'update':
      body = (
        <>
          {code(BOOK_LINES.update)}
          <p>
            lr = {record.learningRate}
          </p>
          <p className="loss-pair">
            <span data-testid="loss-before">
              {s.lossBefore}: <strong>{record.lossBefore}</strong>
            </span>
            <span data-testid="loss-after">
              {s.lossAfter}: <strong>{record.lossAfter}</strong>
            </span>
          </p>
          {(['W1', 'b1', 'W2', 'b2'] as const).map((k) => (
            <div key={k}>{size(`d${k}`, record.grads[k])}</div>
          ))}
        </>
      )
      break
  }
  return (
    <>
      <h3>{stage.title}</h3>
      <p>{stage.text}</p>
      {body}
    </>
  )
}

function Bars({ values, label, mark }: { values: number[]; label: string; mark: number }) {
  return (
    <ol className="step-bars" aria-label={label}>
      {values.map((v, k) => (
        <li key={k} className={k === mark ? 'label-row' : ''}>
          <span>{k}</span>
          <span className="bar" style={{ width: `${Math.max(0.5, v * 100)}%` }} />
          <span>{v.toFixed(4)}</span>
        </li>
      ))}
    </ol>
  )
}
