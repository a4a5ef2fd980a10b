import { Component, useCallback, useEffect, useMemo, useState, type ErrorInfo, type ReactNode } from 'react'
import type { LabApi, RunListing, RunRecord } from '../../src-worker/protocol'
import { learnedNothing } from '../charts/run-diagnosis'
import { useI18n, useT, type T } from '../i18n'
import { workerReason } from '../i18n/worker-messages'
import { datasetName } from '../train/dataset-name'
import { forgetSeries, RunsChart } from './RunsChart'
import { readPref, writePref } from './runs-prefs'

/** Whatever goes wrong while drawing the run history stays inside the Runs pane: the rest of the lab works on. */
class RunsBoundary extends Component<{ t: T; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Runs pane:', error, info.componentStack)
  }
  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div role="alert" className="alert" data-testid="runs-error">
        <p>{this.props.t.runs.paneFailed(error.message)}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {this.props.t.runs.tryAgain}
        </button>
      </div>
    )
  }
}

/** The run history (5.7.4's lists, kept per run): settings, final metrics, overlaid curves, management, export. */
export function RunsPane({ lab }: { lab: LabApi }) {
  const t = useT()
  return (
    <>
      <h2>
        {t.runs.title} <span className="book">{t.runs.book}</span>
      </h2>
      <RunsBoundary t={t}>
        <RunsHistory lab={lab} />
      </RunsBoundary>
    </>
  )
}

/** A notice for the Train pane too: the run just finished could not be kept, with its exports right there. */
export function RunKeepNotice({ lab }: { lab: LabApi }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [unkept, setUnkept] = useState<string[]>([])
  useEffect(
    () =>
      lab.onHistoryChange?.((p) => {
        if (!p) return
        setProblem(p)
        lab.listRuns().then((l) => setUnkept((l.unkept ?? []).map((u) => u.id)), () => {})
      }),
    [lab],
  )
  if (!problem) return null
  return (
    <div role="alert" className="alert" data-testid="run-keep-notice">
      <p>{problem}</p>
      {unkept.map((id) => (
        <ExportButtons key={id} lab={lab} id={id} onNote={setProblem} />
      ))}
    </div>
  )
}

function ExportButtons({ lab, id, onNote }: { lab: LabApi; id: string; onNote(note: string): void }) {
  const t = useT()
  const run = (what: 'csv' | 'json'): void => {
    const p = what === 'csv' ? lab.exportRunCsv(id) : (lab.exportRunJson?.(id) ?? Promise.resolve(null))
    p.then(
      (where) => where && onNote(t.runs.saved(where)),
      (error: unknown) => onNote(t.runs.exportFailed((error as Error).message)),
    )
  }
  return (
    <span className="buttons">
      <button type="button" onClick={() => run('csv')} data-testid={`export-csv-${id}`}>
        {t.runs.csv}
      </button>
      {lab.exportRunJson && (
        <button type="button" onClick={() => run('json')} data-testid={`export-json-${id}`}>
          {t.runs.json}
        </button>
      )}
    </span>
  )
}

const SELECTED = 'selected'

interface ConfirmDeleteProps {
  asking: boolean
  onAsk(): void
  onYes(): void
  onCancel(): void
  /** the first button's text */
  label: string
  askAriaLabel?: string
  askTestId?: string
  yesTestId: string
  /** said before the yes/cancel pair */
  prompt?: string
}

/** A delete that asks first: one button, then "yes, delete" and "cancel" in its place. */
function ConfirmDelete(p: ConfirmDeleteProps) {
  const t = useT()
  if (!p.asking) {
    return (
      <button type="button" onClick={p.onAsk} aria-label={p.askAriaLabel} data-testid={p.askTestId}>
        {p.label}
      </button>
    )
  }
  return (
    <>
      {p.prompt && <span>{p.prompt}</span>}
      <button type="button" onClick={p.onYes} data-testid={p.yesTestId}>
        {t.runs.yesDelete}
      </button>
      <button type="button" onClick={p.onCancel}>
        {t.runs.cancel}
      </button>
    </>
  )
}

function RunsHistory({ lab }: { lab: LabApi }) {
  const { t, lang, num } = useI18n()
  const [listing, setListing] = useState<RunListing | null>(null)
  const [selected, setSelected] = useState<Set<string> | null>(() => {
    const saved = readPref<string[] | null>(SELECTED, null)
    return Array.isArray(saved) ? new Set(saved.filter((id) => typeof id === 'string')) : null
  })
  const [note, setNote] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; name: string; note: string } | null>(null)

  const refresh = useCallback(() => {
    lab.listRuns().then(
      (result) => {
        setListing(result)
        setSelected((old) => old ?? new Set(result.runs.slice(0, 3).map((r) => r.id)))
      },
      (error: unknown) => setNote(t.runs.readFailed((error as Error).message)),
    )
  }, [lab, t])

  useEffect(() => {
    refresh()
    const offHistory = lab.onHistoryChange?.((p) => {
      if (p) setProblem(p)
      refresh()
    })
    const offEvents = lab.onEvent((event) => {
      if (event.type === 'done' || event.type === 'failed') setTimeout(refresh, 200)
    })
    return () => {
      offHistory?.()
      offEvents()
    }
  }, [lab, refresh])

  const choose = (next: Set<string>): void => {
    writePref(SELECTED, [...next])
    setSelected(next)
  }
  const toggle = (id: string): void => {
    const next = new Set(selected ?? [])
    if (next.has(id)) next.delete(id)
    else next.add(id)
    choose(next)
  }
  const act = (p: Promise<unknown> | undefined, failed: (m: string) => string): void => {
    p?.then(refresh, (error: unknown) => setNote(failed((error as Error).message)))
  }
  const remove = (id: string): void => {
    setConfirm(null)
    forgetSeries(id)
    act(lab.deleteRun?.(id), t.runs.deleteFailed)
  }
  /** The weights go to the worker as a loaded model file does; its answer (loaded or refused) is what is said. */
  const useModel = (id: string): void => {
    const off = lab.onEvent((event) => {
      if (event.type === 'modelLoaded') setNote(t.runs.modelUsed)
      else if (event.type === 'rejected' && event.command === 'importModel') setNote(t.runs.useModelFailed(workerReason(t, 'importModel', event.message)))
      else return
      off()
    })
    lab.useRunModel?.(id).catch((error: unknown) => {
      off()
      setNote(t.runs.useModelFailed((error as Error).message))
    })
  }
  const exportAll = (): void => {
    lab.exportAllRuns?.().then(
      (where) => where && setNote(t.runs.saved(where)),
      (error: unknown) => setNote(t.runs.exportFailed((error as Error).message)),
    )
  }

  const runs = listing?.runs ?? []
  const unkept = new Map((listing?.unkept ?? []).map((u) => [u.id, u.reason]))
  const shown = runs.filter((r) => selected?.has(r.id))
  // one formatter for the table (toLocaleString builds a new one per call: four calls a row)
  const stamp = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' }), [lang])
  const when = (r: RunRecord): string => stamp.format(new Date(r.startedAt))

  return (
    <>
      <p className="lead">{lab.edition === 'desktop' ? t.runs.leadDesktop : t.runs.leadBrowser}</p>
      {note && <p role="status">{note}</p>}
      {problem && (
        <p role="alert" className="alert" data-testid="runs-problem">
          {problem}
        </p>
      )}
      {(listing?.warnings ?? []).map((w) => (
        <p className="note" key={w}>
          {w}
        </p>
      ))}
      {[...unkept].map(([id, reason]) => (
        <div role="alert" className="alert" key={id} data-testid="runs-unkept">
          <p>{reason}</p>
          <ExportButtons lab={lab} id={id} onNote={setNote} />
        </div>
      ))}
      {(listing?.corrupt ?? []).map((c) => (
        <div className="note" key={c.id} data-testid="runs-corrupt">
          <p>{t.runs.corrupt(c.id, c.reason)}</p>
          {lab.deleteRun && (
            <button type="button" onClick={() => remove(c.id)}>
              {t.runs.deleteCorrupt}
            </button>
          )}
        </div>
      ))}
      {listing && runs.length === 0 && <p>{t.runs.empty}</p>}
      {runs.length > 0 && (
        <div className="buttons runs-actions">
          {lab.exportAllRuns && (
            <button type="button" onClick={exportAll} data-testid="runs-export-all">
              {t.runs.exportAll}
            </button>
          )}
          {lab.clearRuns && (
            <ConfirmDelete
              asking={confirm === '*'}
              onAsk={() => setConfirm('*')}
              onCancel={() => setConfirm(null)}
              onYes={() => (setConfirm(null), act(lab.clearRuns?.(), t.runs.deleteFailed))}
              label={t.runs.clearAll}
              askTestId="runs-clear"
              yesTestId="runs-clear-yes"
              prompt={t.runs.clearConfirm(runs.length)}
            />
          )}
        </div>
      )}
      <RunsChart key={lang} lab={lab} runs={shown} onError={setNote} />
      {runs.length > 0 && (
        <div className="table-scroll">
          <table className="runs" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">{t.runs.col.overlay}</th>
                <th scope="col">{t.runs.col.run}</th>
                <th scope="col">{t.runs.col.settings}</th>
                <th scope="col">{t.runs.col.data}</th>
                <th scope="col">{t.runs.col.end}</th>
                <th scope="col">{t.runs.col.finalLoss}</th>
                <th scope="col">{t.runs.col.trainAcc}</th>
                <th scope="col">{t.runs.col.testAcc}</th>
                <th scope="col">{t.runs.col.msPerIt}</th>
                <th scope="col">{t.runs.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const s = r.settings
                const nothing = learnedNothing(r, r.losses.length > 0 ? r.losses : undefined)
                return (
                  <tr key={r.id} data-run={r.id}>
                    <td>
                      <input type="checkbox" checked={selected?.has(r.id) ?? false} onChange={() => toggle(r.id)} aria-label={t.runs.overlayRun(when(r))} />
                    </td>
                    <td>
                      {r.name && <strong>{r.name}</strong>} {when(r)}
                      {r.note && <div className="hint">{r.note}</div>}
                      {unkept.has(r.id) && <div className="hint">{lab.edition === 'desktop' ? t.runs.notKeptDesktop : t.runs.notKept}</div>}
                      {lab.useRunModel && !r.hasModel && <div className="hint" data-testid="run-no-model">{t.runs.noModel}</div>}
                      {nothing && (
                        <div className="flag" data-testid="learned-nothing">
                          {t.runs.learnedNothing[nothing]}
                        </div>
                      )}
                    </td>
                    <td>{t.runs.settingsLine(s.hiddenSize, s.learningRate, s.batchSize, s.iterations, s.weightInitStd, s.activation, s.seed)}</td>
                    <td>{datasetName(t, r.dataset, num)}</td>
                    <td>{r.reason === 'stopped' ? t.runs.stoppedAt(r.summary.iterations) : t.runs.completed}</td>
                    <td>{r.summary.finalLoss.toFixed(4)}</td>
                    <td>{r.summary.trainAccuracy.toFixed(4)}</td>
                    <td>{r.summary.testAccuracy.toFixed(4)}</td>
                    <td>{r.summary.msPerIteration.toFixed(3)}</td>
                    <td>
                      <ExportButtons lab={lab} id={r.id} onNote={setNote} />
                      {lab.useRunModel && r.hasModel && (
                        <button type="button" onClick={() => useModel(r.id)} aria-label={t.runs.useModelLabel(when(r))} data-testid="run-use-model">
                          {t.runs.useModel}
                        </button>
                      )}
                      {lab.labelRun && (
                        <button type="button" onClick={() => setEditing({ id: r.id, name: r.name ?? '', note: r.note ?? '' })}>
                          {t.runs.rename}
                        </button>
                      )}
                      {lab.deleteRun && (
                        <ConfirmDelete
                          asking={confirm === r.id}
                          onAsk={() => setConfirm(r.id)}
                          onCancel={() => setConfirm(null)}
                          onYes={() => remove(r.id)}
                          label={t.runs.delete}
                          askAriaLabel={t.runs.deleteRun(when(r))}
                          yesTestId="run-delete-yes"
                        />
                      )}
                      {editing?.id === r.id && (
                        <form
                          className="run-label"
                          onSubmit={(e) => {
                            e.preventDefault()
                            act(lab.labelRun?.(r.id, { name: editing.name.trim(), note: editing.note.trim() }), t.runs.labelFailed)
                            setEditing(null)
                          }}
                        >
                          <label>
                            {t.runs.name} <input value={editing.name} maxLength={80} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} />
                          </label>
                          <label>
                            {t.runs.noteLabel} <input value={editing.note} maxLength={400} onChange={(e) => setEditing({ ...editing, note: e.currentTarget.value })} />
                          </label>
                          <button type="submit">{t.runs.saveLabel}</button>
                          <button type="button" onClick={() => setEditing(null)}>
                            {t.runs.cancel}
                          </button>
                        </form>
                      )}
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
