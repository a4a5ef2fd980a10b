import { useCallback, useEffect, useState } from 'react'
import type { LabApi, RunRecord } from '../../src-worker/protocol'
import { RunsChart } from './RunsChart'

/** The run history (5.7.4's lists, kept per run): settings, final metrics, overlaid curves, CSV export. */
export function RunsPane({ lab }: { lab: LabApi }) {
  const [runs, setRuns] = useState<RunRecord[] | null>(null)
  const [warnings, setWarnings] = useState<string[]>([])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [note, setNote] = useState<string | null>(null)

  const refresh = useCallback(() => {
    lab.listRuns().then(
      (result) => {
        setRuns(result.runs)
        setWarnings(result.warnings)
        setSelected((old) => (old.size > 0 ? old : new Set(result.runs.slice(0, 3).map((r) => r.id))))
      },
      (error: unknown) => setNote(`Could not read the run history: ${(error as Error).message}`),
    )
  }, [lab])

  useEffect(() => {
    refresh()
    return lab.onEvent((event) => {
      if (event.type === 'done') setTimeout(refresh, 100)
    })
  }, [lab, refresh])

  const toggle = (id: string): void =>
    setSelected((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const exportCsv = (id: string): void => {
    lab.exportRunCsv(id).then(
      (where) => setNote(where ? `Saved ${where}` : null),
      (error: unknown) => setNote(`CSV export failed: ${(error as Error).message}`),
    )
  }

  return (
    <>
      <h2>
        Runs <span className="book">5.7.4 Comparing training runs</span>
      </h2>
      <p className="lead">
        Finished runs, newest first, kept {lab.edition === 'desktop' ? 'in your user-data folder' : "in this browser's storage"}.
      </p>
      {note && <p role="status">{note}</p>}
      {warnings.map((w) => (
        <p className="note" key={w}>
          {w}
        </p>
      ))}
      {runs && runs.length === 0 && <p>No finished runs yet: train one in the Train pane.</p>}
      <RunsChart runs={(runs ?? []).filter((r) => selected.has(r.id))} />
      {runs && runs.length > 0 && (
        <div className="table-scroll">
          <table className="runs" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">overlay</th>
                <th scope="col">started</th>
                <th scope="col">settings</th>
                <th scope="col">data</th>
                <th scope="col">end</th>
                <th scope="col">final loss</th>
                <th scope="col">train acc.</th>
                <th scope="col">test acc.</th>
                <th scope="col">ms / it</th>
                <th scope="col">log</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const s = r.settings
                const when = new Date(r.startedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' })
                return (
                  <tr key={r.id}>
                    <td>
                      <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={`Overlay the run of ${when}`} />
                    </td>
                    <td>{when}</td>
                    <td>
                      hidden {s.hiddenSize}, lr {s.learningRate}, batch {s.batchSize}, {s.iterations.toLocaleString('en-US')} it., std {s.weightInitStd},{' '}
                      {s.activation}, seed {s.seed}
                    </td>
                    <td>{r.dataset.name}</td>
                    <td>{r.reason}</td>
                    <td>{r.summary.finalLoss.toFixed(4)}</td>
                    <td>{r.summary.trainAccuracy.toFixed(4)}</td>
                    <td>{r.summary.testAccuracy.toFixed(4)}</td>
                    <td>{r.summary.msPerIteration.toFixed(3)}</td>
                    <td>
                      <button onClick={() => exportCsv(r.id)} aria-label={`Export the run of ${when} as CSV`}>
                        CSV
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
