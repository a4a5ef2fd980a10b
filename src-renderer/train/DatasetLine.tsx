import { useSyncExternalStore } from 'react'
import type { LabApi } from '../../src-worker/protocol'
import type { TrainingStore } from '../store/training-store'
import { groupDigits } from './settings-form'
import { useI18n } from '../i18n'

/** Which digits the run uses and the test accuracy the book's settings reach on them. */
export function DatasetLine({ lab, store, busy }: { lab: LabApi; store: TrainingStore; busy: boolean }) {
  const dataset = useSyncExternalStore(store.subscribe, () => store.getSnapshot().dataset)
  const backend = useSyncExternalStore(store.subscribe, () => store.getSnapshot().backend)
  const failed = useSyncExternalStore(store.subscribe, () => store.getSnapshot().datasetFailed)
  const { t } = useI18n()
  return (
    <section className="dataset" aria-label="Data">
      <h3>Data</h3>
      {dataset ? (
        <p data-testid="dataset">
          <strong>{dataset.name}</strong>: {groupDigits(dataset.trainSize)} training and {groupDigits(dataset.testSize)} test digits.
          With the book's settings expect a test accuracy of about <strong>{dataset.expectedTestAccuracy.toFixed(2)}</strong>
          {dataset.kind === 'default' ? ' (the book reaches 0.97 on the full 60,000 MNIST digits).' : '.'}
        </p>
      ) : failed ? (
        <p data-testid="dataset-missing">{t.train.datasetNotLoaded}</p>
      ) : (
        <p>{t.train.datasetLoading}</p>
      )}
      {backend && <p className="hint">Engine: {backend}</p>}
      <div className="controls">
        <button disabled={busy || dataset?.kind === 'default'} onClick={() => lab.useDefaultData()}>
          Use default digits
        </button>
        <button disabled={busy} onClick={() => void lab.openIdxData()}>
          Open MNIST IDX files…
        </button>
      </div>
    </section>
  )
}
