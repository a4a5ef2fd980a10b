import { useState } from 'react'
import { BOOK_SOFTMAX_CASES, Y_SUM_TOLERANCE, checkProbabilities, scoresFor, softmaxDemo } from '../../src-worker/layers/demos'
import { useT } from '../i18n'
import { LayerDemo } from './LayerDemo'
import { NumberField } from './fields'
import { formatValue } from './MatrixView'
import { parseDecimal } from './parse-decimal'

type Mode = 'y' | 'scores'
const CLASSES = [0, 1, 2] as const
const oneHot = (label: number) => `(${CLASSES.map((k) => (k === label ? 1 : 0)).join(', ')})`
const vector = (v: readonly number[]) => `(${v.map(formatValue).join(', ')})`
const TOLERANCE = String(Y_SUM_TOLERANCE)

/** 5.6.3 Softmax-with-Loss on 3 classes: scores or y entered by hand, an edited label, y − t back. */
export function SoftmaxDemo() {
  const t = useT().layers
  const s = t.softmax
  const [mode, setMode] = useState<Mode>('y')
  const [yText, setY] = useState(BOOK_SOFTMAX_CASES[0].y.map(String))
  const [aText, setA] = useState(['0.3', '2.9', '4.0'])
  const [label, setLabel] = useState<number>(BOOK_SOFTMAX_CASES[0].label)
  const text = mode === 'y' ? yText : aText
  const parsed = text.map((v) => parseDecimal(v))
  const values = parsed.every((p) => p.ok) ? parsed.map((p) => (p.ok ? p.value : 0)) : null
  const problem = mode === 'y' && values ? checkProbabilities(values) : null
  const scores = values && !problem ? (mode === 'y' ? scoresFor(values) : values) : null
  const r = scores && softmaxDemo(scores, label)
  const name = (k: number) => (mode === 'y' ? `y${k + 1}` : `a${k + 1}`)
  const problemText =
    problem?.kind === 'negative' ? s.negative(name(problem.index)) : problem?.kind === 'sum' ? s.sum(formatValue(problem.sum), TOLERANCE) : null

  return (
    <LayerDemo id="softmax" title={s.title} lead={s.lead} layer="SoftmaxWithLoss">
      <div className="softmax-setup">
        <fieldset className="mode">
          <legend>{s.mode}</legend>
          {(['y', 'scores'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="softmax-mode" checked={mode === m} onChange={() => setMode(m)} />
              {m === 'y' ? s.fromY : s.fromScores}
            </label>
          ))}
        </fieldset>
        <label className="layer-field">
          {s.label}
          <select value={label} onChange={(e) => setLabel(Number(e.target.value))} data-testid="softmax-label">
            {CLASSES.map((k) => (
              <option key={k} value={k}>
                {s.labelOption(String(k), oneHot(k))}
              </option>
            ))}
          </select>
        </label>
        {BOOK_SOFTMAX_CASES.map((c) => (
          <button
            key={c.y.join()}
            type="button"
            onClick={() => {
              setMode('y')
              setY(c.y.map(String))
              setLabel(c.label)
            }}
          >
            {s.caseButton(vector(c.y))}
          </button>
        ))}
      </div>
      <div className="graph-inputs">
        {CLASSES.map((k) => (
          <NumberField
            key={`${mode}-${k}`}
            id={`softmax-${mode}-${k}`}
            label={name(k)}
            name={name(k)}
            text={text[k]!}
            onChange={(v) => (mode === 'y' ? setY : setA)(text.map((old, i) => (i === k ? v : old)))}
          />
        ))}
      </div>
      {mode === 'y' && <p className="hint">{s.sumRule(TOLERANCE)}</p>}
      {problemText && (
        <p className="error" role="alert" data-testid="softmax-problem">
          {problemText}
        </p>
      )}
      {r && scores ? (
        <>
          <table className="layer-table" data-testid="softmax-table">
            <caption>{s.table}</caption>
            <thead>
              <tr>
                <th scope="col">{s.k}</th>
                <th scope="col">{s.score}</th>
                <th scope="col">{s.y}</th>
                <th scope="col">{s.t}</th>
                <th scope="col">{s.dx}</th>
              </tr>
            </thead>
            <tbody>
              {CLASSES.map((k) => (
                <tr key={k} className={k === label ? 'label-row' : undefined}>
                  <th scope="row">{k}</th>
                  <td>{formatValue(scores[k]!)}</td>
                  <td>{formatValue(r.y[k]!)}</td>
                  <td>{k === label ? 1 : 0}</td>
                  <td data-value={String(r.dx[k])}>{formatValue(r.dx[k]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {mode === 'y' && <p className="hint">{s.scoresNote}</p>}
          <p data-testid="softmax-dx">
            y − t = <strong>{vector(r.dx)}</strong>
          </p>
          <p data-testid="softmax-loss">
            {s.loss(formatValue(r.loss))}
          </p>
          <p className="hint" data-testid="softmax-book-loss">
            {s.bookLoss(formatValue(r.bookLoss))}
          </p>
          {!Number.isFinite(r.loss) && (
            <p className="layer-warning" data-testid="softmax-infinite">
              {s.infinite}
            </p>
          )}
        </>
      ) : (
        !problemText && <p className="hint">{t.waiting}</p>
      )}
      <BookCases />
    </LayerDemo>
  )
}

/** The seed's two outputs with t = (0, 1, 0), through the engine's layer: a large and a small error. */
function BookCases() {
  const s = useT().layers.softmax
  return (
    <table className="layer-table book-cases" data-testid="softmax-cases">
      <caption>{s.cases}</caption>
      <thead>
        <tr>
          <th scope="col">{s.y}</th>
          <th scope="col">{s.dx}</th>
          <th scope="col">
            {s.meaning}
          </th>
        </tr>
      </thead>
      <tbody>
        {BOOK_SOFTMAX_CASES.map((c, i) => (
          <tr key={i}>
            <td className="nowrap">{vector(c.y)}</td>
            <td className="nowrap">{vector(softmaxDemo(scoresFor(c.y), c.label).dx)}</td>
            <td className="hint">{i === 0 ? s.caseBig : s.caseSmall}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
