import { useEffect, useState } from 'react'
import type { LabApi, LabEvent } from '../../src-worker/protocol'
import { DigitCanvas } from '../predict/DigitCanvas'
import { WeightTiles } from './WeightTiles'

type Inspection = Extract<LabEvent, { type: 'inspection' }>
/** at most one inspection request per this many ms while training streams epochs */
const MIN_INTERVAL_MS = 1000

/** Looks inside the network (5.7.2): W1's columns, the test-set confusion matrix, the digits it gets wrong. */
export function InspectPane({ lab }: { lab: LabApi }) {
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

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
        setProblem(event.message)
      } else if ((event.type === 'epoch' || event.type === 'done' || event.type === 'modelLoaded') && !waiting) {
        if (event.type !== 'epoch' || performance.now() - last >= MIN_INTERVAL_MS) request()
      }
    })
  }, [lab])

  return (
    <>
      <h2>
        Inspect <span className="book">5.7.2 Inside TwoLayerNet</span>
      </h2>
      <p className="lead">Refreshed as epochs finish while training (at most once a second) and when a run ends.</p>
      {problem && (
        <p className="note" role="status">
          {problem}
        </p>
      )}
      {inspection && (
        <div className="inspect-layout">
          <section aria-labelledby="tiles-title">
            <h3 id="tiles-title">W1: what each of the {inspection.hiddenSize} hidden neurons looks for</h3>
            <WeightTiles W1={inspection.W1} hiddenSize={inspection.hiddenSize} />
            <p className="hint">Grey is 0, white a positive weight, black a negative one; each tile scaled on its own.</p>
          </section>
          <section aria-labelledby="confusion-title">
            <h3 id="confusion-title">Confusion matrix (test set)</h3>
            <ConfusionMatrix confusion={inspection.confusion} />
          </section>
          <section aria-labelledby="wrong-title" className="wide">
            <h3 id="wrong-title">Misclassified test digits ({inspection.misclassified.length} shown)</h3>
            <ul className="gallery">
              {inspection.misclassified.map((d) => (
                <li key={d.index}>
                  <DigitCanvas pixels={d.pixels} label={`Test digit #${d.index}: label ${d.label}, predicted ${d.predicted}`} />
                  <span>
                    {d.label} → <strong>{d.predicted}</strong>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  )
}

/** confusion[actual * 10 + predicted]; the diagonal is right, each cell shaded by its share of the row. */
function ConfusionMatrix({ confusion }: { confusion: number[] }) {
  const digits = Array.from({ length: 10 }, (_, i) => i)
  return (
    <table className="confusion" data-testid="confusion-matrix">
      <caption>rows: actual digit, columns: predicted digit</caption>
      <thead>
        <tr>
          <th scope="col">actual \ predicted</th>
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
