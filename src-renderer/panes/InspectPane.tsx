import { useEffect, useState } from 'react'
import type { LabApi, LabEvent } from '../../src-worker/protocol'
import { useI18n } from '../i18n'
import { refusalText } from '../i18n/worker-messages'
import { DigitCanvas } from '../predict/DigitCanvas'
import { EnlargedTile, WeightTiles } from './WeightTiles'

type Inspection = Extract<LabEvent, { type: 'inspection' }>
/** at most one inspection request per this many ms while training streams epochs */
const MIN_INTERVAL_MS = 1000
const PAGE = 40

/** Looks inside the network (5.7.2): W1's columns, the test-set confusion matrix, the digits it gets wrong. */
export function InspectPane({ lab, onOpenInPredict }: { lab: LabApi; onOpenInPredict?: (index: number) => void }) {
  const { t, num } = useI18n()
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [problem, setProblem] = useState<{ command: 'inspect'; message: string } | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [page, setPage] = useState(0)
  const [all, setAll] = useState(false)

  useEffect(() => {
    let last = 0
    let waiting = false
    const request = (): void => {
      waiting = true
      last = performance.now()
      lab.inspect()
    }
    request()
    return lab.onEvent((event) => {
      if (event.type === 'inspection') {
        waiting = false
        setInspection(event)
        setProblem(null)
      } else if (event.type === 'rejected' && event.command === 'inspect') {
        waiting = false
        setProblem({ command: 'inspect', message: event.message })
      } else if ((event.type === 'epoch' || event.type === 'done' || event.type === 'modelLoaded' || event.type === 'weightsReset') && !waiting) {
        if (event.type !== 'epoch' || performance.now() - last >= MIN_INTERVAL_MS) request()
      }
    })
  }, [lab])

  const hidden = inspection?.hiddenSize ?? 0
  const unit = selected !== null && selected < hidden ? selected : null
  const scale = inspection?.tileScale ?? 1
  const wrong = inspection?.misclassified ?? []
  const pages = Math.max(1, Math.ceil(wrong.length / PAGE))
  const current = Math.min(page, pages - 1)
  const shown = all ? wrong : wrong.slice(current * PAGE, (current + 1) * PAGE)
  const percent = (p: number): string => num(p, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })

  return (
    <>
      <h2>
        {t.inspect.title} <span className="book">{t.inspect.book}</span>
      </h2>
      <p className="lead">{t.inspect.lead}</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          <span className="notice-icon" aria-hidden="true">⚠</span>
          <span>{refusalText(t, problem.command, problem.message)}</span>
        </p>
      )}
      {inspection && !inspection.trained && (
        <p className="untrained-note" data-testid="inspect-untrained">
          {t.inspect.untrained}
        </p>
      )}
      {inspection && (
        <div className="inspect-layout">
          <section aria-labelledby="tiles-title" className="tiles-section">
            <h3 id="tiles-title">{t.inspect.tilesTitle(num(hidden))}</h3>
            <p className="hint">{t.inspect.tilesHint(num(scale, { maximumSignificantDigits: 2 }))}</p>
            <div className="tiles-row">
              <WeightTiles
                W1={inspection.W1}
                scale={scale}
                hiddenSize={hidden}
                selected={unit}
                onSelect={setSelected}
                label={t.inspect.tilesLabel(num(hidden))}
                tileLabel={(u) => t.inspect.tileButton(String(u + 1))}
              />
              {unit !== null && (
                <figure className="enlarged" data-testid="enlarged-tile">
                  <EnlargedTile W1={inspection.W1} scale={scale} unit={unit} label={t.inspect.enlarged(String(unit + 1))} />
                  <figcaption>{t.inspect.enlarged(String(unit + 1))}</figcaption>
                  <button onClick={() => setSelected(null)}>{t.inspect.closeEnlarged}</button>
                </figure>
              )}
            </div>
          </section>
          <section aria-labelledby="confusion-title">
            <h3 id="confusion-title">{t.inspect.confusionTitle}</h3>
            <ConfusionMatrix confusion={inspection.confusion} caption={t.inspect.confusionCaption} corner={t.inspect.confusionCorner} />
          </section>
          <section aria-labelledby="wrong-title" className="wide">
            <h3 id="wrong-title">{t.inspect.wrongTitle(num(wrong.length))}</h3>
            {wrong.length === 0 ? (
              <p>{t.inspect.wrongNone}</p>
            ) : (
              <>
                <div className="controls" role="group" aria-label={t.inspect.paging}>
                  {!all && (
                    <>
                      <button disabled={current === 0} onClick={() => setPage(current - 1)}>
                        {t.inspect.previous}
                      </button>
                      <span data-testid="wrong-page">{t.inspect.page(num(current * PAGE + 1), num(Math.min(wrong.length, (current + 1) * PAGE)), num(wrong.length))}</span>
                      <button disabled={current >= pages - 1} onClick={() => setPage(current + 1)} data-testid="wrong-next">
                        {t.inspect.next}
                      </button>
                    </>
                  )}
                  <button onClick={() => setAll(!all)} data-testid="wrong-all">
                    {all ? t.inspect.showPaged : t.inspect.showAll}
                  </button>
                </div>
                <ul className="gallery" data-testid="misclassified">
                  {shown.map((d) => (
                    <li key={d.index}>
                      <button className="digit-button" onClick={() => onOpenInPredict?.(d.index)} aria-label={`${t.inspect.wrongCanvas(String(d.index), String(d.label), String(d.predicted))}. ${t.inspect.openInPredict(String(d.index))}`}>
                        <DigitCanvas pixels={d.pixels} label={t.inspect.wrongCanvas(String(d.index), String(d.label), String(d.predicted))} />
                        <span>{t.inspect.wrongItem(String(d.label), String(d.predicted), percent(d.confidence))}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
    </>
  )
}

/** confusion[actual * 10 + predicted]; the diagonal is right, each cell shaded by its share of the row. */
function ConfusionMatrix({ confusion, caption, corner }: { confusion: number[]; caption: string; corner: string }) {
  const digits = Array.from({ length: 10 }, (_, i) => i)
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {digits.map((d) => (
            <th scope="col" key={d}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {digits.map((actual) => {
          const row = digits.map((p) => confusion[actual * 10 + p] ?? 0)
          const total = row.reduce((a, b) => a + b, 0) || 1
          return (
            <tr key={actual}>
              <th scope="row">{actual}</th>
              {row.map((count, predicted) => (
                <td
                  key={predicted}
                  className={predicted === actual ? 'diagonal' : count > 0 ? 'off' : undefined}
                  style={{ '--share': String(count / total) } as React.CSSProperties}
                >
                  {count}
                </td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
