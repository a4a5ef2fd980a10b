import { useSyncExternalStore } from 'react'
import { useI18n } from '../i18n'
import type { TrainingStore } from '../store/training-store'

/** A compact training indicator for the header, so a run stays visible from every pane. Never wraps. */
export function TrainChip({ store }: { store: TrainingStore }) {
  const { t, num } = useI18n()
  const v = useSyncExternalStore(store.subscribe, store.getSnapshot)
  if (v.state === 'idle') return <span className="chip chip-idle" aria-hidden="true" />
  const percent = num(v.totalIterations > 0 ? Math.floor((100 * v.iteration) / v.totalIterations) : 0)
  const text = { running: t.train.chip.running(percent), paused: t.train.chip.paused(percent), finished: v.doneReason === 'stopped' ? t.train.chip.stopped : t.train.chip.finished, failed: t.train.chip.failed }[v.state]
  return (
    <span className={`chip chip-${v.state}`} data-testid="train-chip" data-state={v.state} aria-hidden="true">
      {text}
    </span>
  )
}
