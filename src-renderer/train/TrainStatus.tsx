import { useSyncExternalStore } from 'react'
import { useI18n, type T } from '../i18n'
import { formatDuration } from '../store/series'
import type { TrainingStore, TrainView } from '../store/training-store'
import { NoticeLine } from './NoticeLine'

export function stateText(t: T, v: TrainView): string {
  return v.state === 'finished' && v.doneReason === 'stopped' ? t.train.status.stopped : t.train.status[v.state]
}

/** The status line, progress bar and readouts; the only part of the Train pane that re-renders per frame. */
export function TrainStatus({ store }: { store: TrainingStore }) {
  const { t, num } = useI18n()
  const v = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const total = v.totalIterations
  const fixed = (n: number | null, digits: number): string => (n === null ? '—' : num(n, { minimumFractionDigits: digits, maximumFractionDigits: digits }))
  return (
    <section className="status" aria-label={t.train.statusLabel}>
      {/* the line changes every frame, so screen readers get only the state, from a quiet live region */}
      <p className="visually-hidden" role="status">
        {stateText(t, v)}
        {v.state === 'finished' && v.testAccuracy !== null ? t.train.finishedAccuracy(fixed(v.testAccuracy, 4)) : ''}
      </p>
      <p className="status-line" data-testid="train-status" data-state={v.state}>
        <strong>{stateText(t, v)}</strong>
        {total > 0 && (
          <>
            {' · '}
            {t.train.iteration(num(v.iteration), num(total))}
            {v.itPerSecond !== null && <> · {t.train.throughput(num(v.itPerSecond))}</>}
            {v.state === 'running' && <> · {t.train.eta(formatDuration(v.etaSeconds, t.train.duration))}</>}
            {v.epoch !== null && <> · {t.train.epoch(num(v.epoch, { maximumFractionDigits: 1 }))}</>}
          </>
        )}
      </p>
      <progress max={Math.max(total, 1)} value={v.iteration} aria-label={t.train.progressLabel} />
      <NoticeLine notice={v.notice} testId="train-notice" />
      <dl className="readouts">
        <div>
          <dt>{t.train.readouts.loss}</dt>
          <dd data-testid="last-loss">{fixed(v.lastLoss, 4)}</dd>
        </div>
        <div>
          <dt>{t.train.readouts.trainAccuracy}</dt>
          <dd data-testid="train-accuracy">{fixed(v.trainAccuracy, 4)}</dd>
        </div>
        <div>
          <dt>{t.train.readouts.testAccuracy}</dt>
          <dd data-testid="test-accuracy">{v.testAccuracy === null ? '' : fixed(v.testAccuracy, 4)}</dd>
        </div>
        {v.summary && (
          <>
            <div title={t.train.readouts.stepTimeHint}>
              <dt>{t.train.readouts.stepTime}</dt>
              <dd data-testid="step-time" aria-describedby="step-time-hint">{t.train.ms(fixed(v.summary.msPerIteration, 3))}</dd>
            </div>
            <div>
              <dt>{t.train.readouts.wall}</dt>
              <dd>{t.train.seconds(fixed(v.summary.totalSeconds, 2))}</dd>
            </div>
          </>
        )}
      </dl>
      {v.summary && (
        <p id="step-time-hint" className="hint readouts-hint">
          {t.train.readouts.stepTimeHint}
        </p>
      )}
    </section>
  )
}
