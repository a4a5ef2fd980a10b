import { useSyncExternalStore } from 'react'
import type { LabApi } from '../../src-worker/protocol'
import { useI18n } from '../i18n'
import type { TrainingStore } from '../store/training-store'
import { datasetName } from './dataset-name'

/** Which digits the run uses and the test accuracy the book's settings reach on them. */
export function DatasetLine({ lab, store, busy }: { lab: LabApi; store: TrainingStore; busy: boolean }) {
  const { t, num } = useI18n()
  const dataset = useSyncExternalStore(store.subscribe, () => store.getSnapshot().dataset)
  const backend = useSyncExternalStore(store.subscribe, () => store.getSnapshot().backend)
  const failed = useSyncExternalStore(store.subscribe, () => store.getSnapshot().datasetFailed)
  const d = t.train.data
  return (
    <section className="dataset" aria-label={d.title}>
      <h3>{d.title}</h3>
      {dataset ? (
        <p data-testid="dataset">
          <strong>{datasetName(t, dataset, num)}</strong>: {d.sizes(num(dataset.trainSize), num(dataset.testSize))}{' '}
          {d.expect(num(dataset.expectedTestAccuracy, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))}
          {dataset.kind === 'default' && ` ${d.bookFull}`}
        </p>
      ) : failed ? (
        <p data-testid="dataset-missing">{t.train.datasetNotLoaded}</p>
      ) : (
        <p>{t.train.datasetLoading}</p>
      )}
      {backend && <p className="hint">{d.engine(backend)}</p>}
      <div className="controls">
        <button disabled={busy || dataset?.kind === 'default'} onClick={() => lab.useDefaultData()}>
          {d.useDefault}
        </button>
        <button disabled={busy} onClick={() => void lab.openIdxData()}>
          {d.openIdx}
        </button>
      </div>
    </section>
  )
}
