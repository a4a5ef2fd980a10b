import { useSyncExternalStore } from 'react'
import type { LabApi } from '../../src-worker/protocol'
import type { TrainingStore } from '../store/training-store'
import { useI18n } from '../i18n'
import { datasetName, labelNames } from './dataset-name'
import { DownloadPanel } from './DownloadPanel'

/** Which images the run uses, the test accuracy the book's settings reach on them, and where to get other data. */
export function DatasetLine({ lab, store, busy }: { lab: LabApi; store: TrainingStore; busy: boolean }) {
  const { t, num } = useI18n()
  const dataset = useSyncExternalStore(store.subscribe, () => store.getSnapshot().dataset)
  const backend = useSyncExternalStore(store.subscribe, () => store.getSnapshot().backend)
  const failed = useSyncExternalStore(store.subscribe, () => store.getSnapshot().datasetFailed)
  const names = labelNames(t, dataset)
  return (
    <section className="dataset" aria-label={t.data.title}>
      <h3>{t.data.title}</h3>
      {dataset ? (
        <p data-testid="dataset">
          <strong>{datasetName(t, dataset, num)}</strong>
          {(names ? t.data.summaryImages : t.data.summary)(num(dataset.trainSize), num(dataset.testSize))}{' '}
          {dataset.expectedTestAccuracy > 0 ? (
            <>
              {t.data.expectation} <strong>{num(dataset.expectedTestAccuracy, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</strong>
              {dataset.kind === 'default' ? t.data.expectationDefaultNote : '.'}
            </>
          ) : (
            t.data.noExpectation
          )}
        </p>
      ) : failed ? (
        <p data-testid="dataset-missing">{t.train.datasetNotLoaded}</p>
      ) : (
        <p>{t.train.datasetLoading}</p>
      )}
      {names && (
        <p className="hint" data-testid="label-names">
          {t.data.labels}: {names.map((name, label) => `${label} ${name}`).join(' · ')}
        </p>
      )}
      {backend && <p className="hint">{t.data.engine(backend)}</p>}
      <div className="controls">
        <button disabled={busy || dataset?.kind === 'default'} onClick={() => lab.useDefaultData()}>
          {t.data.useDefault}
        </button>
        <button disabled={busy} onClick={() => void lab.openIdxData()}>
          {t.data.openFolder}
        </button>
      </div>
      {lab.downloads ? <DownloadPanel api={lab.downloads} busy={busy} /> : <p className="hint" data-testid="downloads-browser-note">{t.data.browserNote}</p>}
    </section>
  )
}
