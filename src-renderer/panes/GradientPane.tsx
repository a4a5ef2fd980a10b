import { useState, useSyncExternalStore } from 'react'
import type { Activation, GradientDiffs, LabApi, LargestGradientDiff } from '../../src-worker/protocol'
import { PARAM_NAMES } from '../../src-worker/net/backend'
import { formatSmall } from '../graph/format-number'
import { useI18n, type T } from '../i18n'
import { refusalText } from '../i18n/worker-messages'
import { DiffMaps } from './GradientMaps'
import { gradientCheckStore, type GradientCheckState, type GradientResult } from './gradient-check-state'

/** The book's printout of 5.7.3 (gradient_check.py), for comparison. */
const BOOK: GradientDiffs = { W1: 2.37758035282e-13, b1: 6.98727888903e-13, W2: 8.04333310893e-13, b2: 1.20126136816e-10 }
/** what "agrees" means here: the book's scale */
const BOUND = 1e-9

type Num = ReturnType<typeof useI18n>['num']

/** 5.7.3 gradient check: backprop vs the numerical gradient on 784-50-10 and the first 3 training digits. */
export function GradientPane({ lab }: { lab: LabApi }) {
  const { t, num } = useI18n()
  const g = t.gradient
  const store = gradientCheckStore(lab)
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [activation, setActivation] = useState<Activation>(state.running?.activation ?? 'relu')
  const { running, result } = state
  const agree = result ? PARAM_NAMES.every((name) => result.diffs[name] <= BOUND) : false

  return (
    <>
      <h2>
        {g.title} <span className="book">{g.book}</span>
      </h2>
      <p className="lead">{g.lead}</p>
      <div className="controls">
        <label htmlFor="grad-activation">{g.activation}</label>
        <select id="grad-activation" value={activation} onChange={(e) => setActivation(e.target.value as Activation)} disabled={running !== null}>
          <option value="relu">{g.relu}</option>
          <option value="sigmoid">{g.sigmoid}</option>
        </select>
        <button className="primary" onClick={() => store.request(activation)} disabled={running !== null}>
          {running ? g.running : g.run}
        </button>
      </div>
      {running && <Progress running={running} t={t} num={num} />}
      {state.problem && (
        <p className="error" role="alert" data-testid="grad-problem">
          {problemText(t, state.problem)}
        </p>
      )}
      {result && <Timings result={result} t={t} num={num} />}
      <table className="diffs">
        <caption>{g.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{g.parameter}</th>
            <th scope="col">
              {g.thisLab}
              {result ? ` (${g.activationName[result.activation]})` : ''}
            </th>
            <th scope="col">{g.theBook}</th>
          </tr>
        </thead>
        <tbody>
          {PARAM_NAMES.map((name) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td data-testid={`grad-diff-${name}`} data-value={result ? String(result.diffs[name]) : undefined}>
                {result ? formatSmall(result.diffs[name]) : '—'}
              </td>
              <td>{formatSmall(BOOK[name])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result && (
        <div className="verdict" role="status" data-testid="grad-verdict" data-activation={result.activation}>
          <p>
            <strong>{agree ? g.agree(formatSmall(BOUND)) : g.disagree(formatSmall(BOUND))}</strong> ({g.checkedIn(g.activationName[result.activation], num(result.seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))})
          </p>
        </div>
      )}
      {result && <Largest largest={result.largest} activation={result.activation} t={t} num={num} />}
      {result && <DiffMaps maps={result.maps} activation={result.activation} t={t} />}
      <section className="why" aria-label={g.whyTitle}>
        <h3>{g.whyTitle}</h3>
        <ul>
          <li>{g.whyFloat}</li>
          <li>{g.whyLog}</li>
          <li>{g.whyKink}</li>
          <li>{g.whyRest}</li>
        </ul>
      </section>
    </>
  )
}

function problemText(t: T, problem: NonNullable<GradientCheckState['problem']>): string {
  return problem.kind === 'rejected' ? refusalText(t, 'checkGradient', problem.message) : t.gradient.failed(problem.reason)
}

/** The bar of a running check: numerical derivatives done of total, as the worker reports them (~10 a second). */
function Progress({ running, t, num }: { running: NonNullable<GradientCheckState['running']>; t: T; num: Num }) {
  const g = t.gradient
  const { done, total } = running
  const text = g.progress(num(done), total > 0 ? num(total) : '…')
  return (
    <div className="grad-running" data-testid="grad-running" data-activation={running.activation}>
      <div className="grad-progress" role="progressbar" aria-label={g.progressLabel} aria-valuemin={0} aria-valuemax={Math.max(total, 1)} aria-valuenow={done} aria-valuetext={text} data-testid="grad-progress">
        <div className="grad-progress-bar" style={{ width: `${total > 0 ? (done / total) * 100 : 0}%` }} />
      </div>
      <p className="hint">
        {text}. {g.progressOf(g.activationName[running.activation])}
      </p>
    </div>
  )
}

/** A duration with the SI unit that suits it: 6.2 s, 0.214 ms, 85 µs. */
function duration(seconds: number, num: Num): string {
  if (seconds >= 1) return `${num(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`
  if (seconds >= 1e-3) return `${num(seconds * 1e3, { maximumSignificantDigits: 3 })} ms`
  return `${num(seconds * 1e6, { maximumSignificantDigits: 3 })} µs`
}

/** Both methods on the same batch, and what 5.7.3 is about: how much faster backprop is. */
function Timings({ result, t, num }: { result: GradientResult; t: T; num: Num }) {
  const g = t.gradient
  const ratio = result.numericalSeconds / result.backpropSeconds
  return (
    <section className="grad-timings" aria-label={g.timingsLabel} data-testid="grad-timings" data-ratio={String(ratio)}>
      <dl className="readouts">
        <div>
          <dt>{g.numerical}</dt>
          <dd data-testid="grad-time-numerical">{duration(result.numericalSeconds, num)}</dd>
        </div>
        <div>
          <dt>{g.backprop}</dt>
          <dd data-testid="grad-time-backprop">{duration(result.backpropSeconds, num)}</dd>
        </div>
      </dl>
      <p>
        <strong data-testid="grad-ratio">{g.faster(num(ratio, { maximumSignificantDigits: 2 }))}</strong>. {g.fasterWhy}
      </p>
    </section>
  )
}

/** The element where the two gradients differ most, and whether the ReLU kink explains it (the engine decides). */
function Largest({ largest, activation, t, num }: { largest: LargestGradientDiff; activation: Activation; t: T; num: Num }) {
  const g = t.gradient
  const { parameter, row, col, kink } = largest
  const at = g.at(parameter, num(row), num(col))
  const where = parameter === 'W1' ? `${at} (${g.pixelOf(num(col), num(Math.floor(row / 28)), num(row % 28))})` : at
  return (
    <section className="grad-largest" data-testid="grad-largest" data-parameter={parameter} data-row={row} data-col={col} data-kink={kink ? 'yes' : 'no'}>
      <h3>{g.largestTitle}</h3>
      <p>{g.largest(where, formatSmall(largest.numerical), formatSmall(largest.backprop), formatSmall(largest.diff))}</p>
      {kink && <p data-testid="grad-kink">{g.kink(num(kink.unit), num(kink.sample), formatSmall(kink.input), formatSmall(kink.shift))}</p>}
      {!kink && activation === 'relu' && <p className="hint">{g.noKink}</p>}
    </section>
  )
}
