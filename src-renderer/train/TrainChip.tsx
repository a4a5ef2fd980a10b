import { useSyncExternalStore } from 'react'
import type { TrainingStore } from '../store/training-store'

/** A compact training indicator for the header, so a run stays visible from every pane. */
export function TrainChip({ store }: { store: TrainingStore }) {
  const v = useSyncExternalStore(store.subscribe, store.getSnapshot)
  if (v.state === 'idle') return null
  const percent = v.totalIterations > 0 ? Math.floor((100 * v.iteration) / v.totalIterations) : 0
  const text = { running: `training ${percent} %`, paused: `paused at ${percent} %`, finished: v.doneReason === 'stopped' ? 'stopped' : 'trained', failed: 'failed' }[v.state]
  return (
    <span className={`chip chip-${v.state}`} data-testid="train-chip" data-state={v.state} aria-hidden="true">
      {text}
    </span>
  )
}
