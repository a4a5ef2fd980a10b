import { useState, useSyncExternalStore } from 'react'
import type { LabApi } from '../../src-worker/protocol'
import { useI18n } from '../i18n'
import { pickFiles } from '../lab/browser-files'
import { DigitCanvas } from '../predict/DigitCanvas'
import { bytesToPixels } from '../../src-worker/data/my-digits'
import { exportIdx, exportJson, readMyDigitsFiles } from './files'
import { myDigitsStoreFor, type Problem } from './my-digits-store'

const PAGE = 48

/** The gallery of kept digits: relabel, delete (with Undo), check the network on them, train with them, files. */
export function MyDigitsPanel({ lab }: { lab: LabApi }) {
  const { t, num } = useI18n()
  const store = myDigitsStoreFor(lab)
  const s = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [page, setPage] = useState(0)
  const [wrongOnly, setWrongOnly] = useState(false)
  const [note, setNote] = useState('')
  const m = t.mydigits
  const percent = (x: number) => num(x, { style: 'percent', maximumFractionDigits: 1 })

  const shown = wrongOnly && s.evaluation ? s.digits.filter((d) => s.evaluation!.answers.get(d.id)?.predicted !== d.label) : s.digits
  const pages = Math.max(1, Math.ceil(shown.length / PAGE))
  const current = Math.min(page, pages - 1)
  const slice = shown.slice(current * PAGE, (current + 1) * PAGE)
  const right = s.evaluation ? s.digits.filter((d) => s.evaluation!.answers.get(d.id)?.predicted === d.label).length : 0

  const doImport = async (): Promise<void> => {
    const files = await pickFiles('.json,application/json,.gz,*', true)
    if (files.length === 0) return
    try {
      const digits = await readMyDigitsFiles(files, m.problem.importPick)
      if (store.add(digits)) setNote(m.imported(num(digits.length)))
    } catch (error) {
      store.importFailed((error as Error).message)
    }
  }

  return (
    <section className="my-digits" aria-labelledby="my-digits-title" data-testid="my-digits">
      <h3 id="my-digits-title">
        {m.title} <span className="count">{m.count(num(s.digits.length))}</span>
      </h3>
      <p className="lead">{m.lead}</p>
      {s.problem && (
        <div className="message error" role="alert" data-testid="my-digits-problem">
          <p>{problemText(s.problem, m.problem)}</p>
          {s.unsaved && (
            <div className="controls">
              <button onClick={() => exportJson(s.digits)}>{m.exportJson}</button>
              <button onClick={() => exportIdx(s.digits)}>{m.exportIdx}</button>
            </div>
          )}
        </div>
      )}
      {s.removed && (
        <p className="message" role="status">
          {m.removed(s.removed[0]!.digits.length)}{' '}
          <button data-testid="undo-remove" onClick={() => store.undoRemove()}>
            {m.undo}
          </button>
        </p>
      )}
      <div className="controls">
        <button data-testid="check-my-digits" disabled={s.digits.length === 0 || s.evaluating} onClick={() => store.evaluate('asked')}>
          {s.evaluating ? m.checking : m.check}
        </button>
        <label className="check">
          <input type="checkbox" data-testid="train-with-my-digits" checked={s.trainWithThem} disabled={s.digits.length === 0} onChange={(e) => store.setTrainWithThem(e.target.checked)} />
          {m.trainWith(num(s.digits.length))}
        </label>
        <button disabled={s.digits.length === 0} onClick={() => exportJson(s.digits)}>
          {m.exportJson}
        </button>
        <button disabled={s.digits.length === 0} onClick={() => exportIdx(s.digits)}>
          {m.exportIdx}
        </button>
        <button data-testid="import-my-digits" onClick={() => void doImport()} title={m.importHint}>
          {m.import}
        </button>
      </div>
      {s.trainWithThem && <p className="hint">{m.trainWithHint}</p>}
      <p className="hint" aria-live="polite">
        {note}
      </p>
      {s.evaluation && (
        <p data-testid="my-digits-accuracy">
          <strong>{m.accuracy(num(right), num(s.digits.length), percent(s.evaluation.accuracy))}</strong>{' '}
          {s.evaluation.when === 'run' ? m.afterRun : m.onDemand}{' '}
          <label className="check">
            <input type="checkbox" checked={wrongOnly} onChange={(e) => (setWrongOnly(e.target.checked), setPage(0))} />
            {m.wrongOnly}
          </label>
        </p>
      )}
      {s.loaded && s.digits.length === 0 && <p className="hint">{m.empty}</p>}
      <ol className="digit-gallery" data-testid="my-digits-gallery">
        {slice.map((d) => {
          const index = s.digits.indexOf(d) + 1
          const answer = s.evaluation?.answers.get(d.id)
          const verdict = answer ? (answer.predicted === d.label ? 'right' : 'wrong') : undefined
          return (
            <li key={d.id} className={verdict} data-testid="my-digit">
              <DigitCanvas pixels={bytesToPixels(d.pixels)} label={m.digitImage(index, d.label)} className="digit" />
              <select aria-label={m.labelOf(index)} value={d.label} onChange={(e) => store.relabel(d.id, Number(e.target.value))}>
                {Array.from({ length: 10 }, (_, k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              <button className="remove" aria-label={m.remove(index)} onClick={() => store.remove([d.id])}>
                ×
              </button>
              {answer && (
                <span className="reads">
                  {m.reads(answer.predicted, percent(answer.confidence))} <span className="visually-hidden">{m[verdict!]}</span>
                </span>
              )}
            </li>
          )
        })}
      </ol>
      {pages > 1 && (
        <div className="controls pager">
          <button disabled={current === 0} onClick={() => setPage(current - 1)}>
            {m.previous}
          </button>
          <span>{m.page(num(current * PAGE + 1), num(Math.min(shown.length, (current + 1) * PAGE)), num(shown.length))}</span>
          <button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {m.next}
          </button>
        </div>
      )}
    </section>
  )
}

function problemText(problem: Problem, words: ReturnType<typeof useI18n>['t']['mydigits']['problem']): string {
  return problem.kind === 'full' ? words.full : words[problem.kind](problem.detail)
}
