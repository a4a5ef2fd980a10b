import { useSyncExternalStore } from 'react'
import { formatDuration } from '../store/series'
import type { TrainingStore, TrainView } from '../store/training-store'
import { groupDigits } from './settings-form'

function stateText(v: TrainView): string {
  switch (v.state) {
    case 'idle':
      return 'Ready to train'
    case 'running':
      return 'Training'
    case 'paused':
      return 'Paused'
    case 'finished':
      return v.doneReason === 'stopped' ? 'Stopped' : 'Finished'
    case 'failed':
      return 'Failed'
  }
}

const fixed = (n: number | null, digits: number): string => (n === null ? '—' : n.toFixed(digits))

/** The status line, progress bar and readouts; the only part of the Train pane that re-renders per frame. */
export function TrainStatus({ store }: { store: TrainingStore }) {
  const v = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const total = v.totalIterations
  return (
    <section className="status" aria-label="Training status">
      {/* the line changes every frame, so screen readers get only the state, from a quiet live region */}
      <p className="visually-hidden" role="status">
        {stateText(v)}
        {v.state === 'finished' && v.testAccuracy !== null ? `, test accuracy ${v.testAccuracy.toFixed(4)}` : ''}
      </p>
      <p className="status-line" data-testid="train-status" data-state={v.state}>
        <strong>{stateText(v)}</strong>
        {total > 0 && (
          <>
            {' '}· iteration {groupDigits(v.iteration)} / {groupDigits(total)}
            {v.itPerSecond !== null && <> · {groupDigits(v.itPerSecond)} it/s</>}
            {v.state === 'running' && <> · ETA {formatDuration(v.etaSeconds)}</>}
            {v.epoch !== null && <> · epoch {Number.isInteger(v.epoch) ? v.epoch : v.epoch.toFixed(1)}</>}
          </>
        )}
      </p>
      <progress max={Math.max(total, 1)} value={v.iteration} aria-label="Training progress" />
      {v.message && (
        <p className={v.alert ? 'error' : 'note'} role={v.alert ? 'alert' : 'status'}>
          {v.message}
        </p>
      )}
      <dl className="readouts">
        <div>
          <dt>Loss (last batch)</dt>
          <dd data-testid="last-loss">{fixed(v.lastLoss, 4)}</dd>
        </div>
        <div>
          <dt>Train accuracy</dt>
          <dd data-testid="train-accuracy">{fixed(v.trainAccuracy, 4)}</dd>
        </div>
        <div>
          <dt>Test accuracy</dt>
          <dd data-testid="test-accuracy">{v.testAccuracy === null ? '' : v.testAccuracy.toFixed(4)}</dd>
        </div>
        {v.summary && (
          <div>
            <dt>Time per iteration</dt>
            <dd>{v.summary.msPerIteration.toFixed(3)} ms</dd>
          </div>
        )}
      </dl>
    </section>
  )
}
