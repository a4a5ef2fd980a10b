import { memo, useState, useSyncExternalStore } from 'react'
import { myDigitsStoreFor } from '../mydigits/my-digits-store'
import type { LabApi } from '../../src-worker/protocol'
import { AccuracyChart } from '../charts/AccuracyChart'
import { LossChart } from '../charts/LossChart'
import type { TrainingStore } from '../store/training-store'
import { DatasetLine } from './DatasetLine'
import { bookText, parseSettingsText, type SettingsText } from './settings-form'
import { SettingsForm } from './SettingsForm'
import { TrainStatus } from './TrainStatus'

/** The form's text outlives the pane (switching tabs unmounts it). */
let draft: SettingsText = bookText()

/** Charts never re-render with React: memoised on the store, which is the same for the app's life. */
const Charts = memo(function Charts({ store }: { store: TrainingStore }) {
  return (
    <div className="charts">
      <figure>
        <figcaption>Loss per iteration (train_loss_list)</figcaption>
        <LossChart store={store} />
      </figure>
      <figure>
        <figcaption>Accuracy per epoch (train_acc_list, test_acc_list)</figcaption>
        <AccuracyChart store={store} />
      </figure>
    </div>
  )
})

/** 5.7.4 training with backprop: settings, controls, live progress and charts. */
export function TrainPane({ lab, store }: { lab: LabApi; store: TrainingStore }) {
  const [text, setText] = useState(draft)
  const state = useSyncExternalStore(store.subscribe, () => store.getSnapshot().state)
  const busy = state === 'running' || state === 'paused'
  const parsed = parseSettingsText(text)

  const change = (next: SettingsText): void => {
    draft = next
    setText(next)
  }
  const start = (): void => {
    if ('settings' in parsed) lab.start(parsed.settings, myDigitsStoreFor(lab).trainingBatch())
  }
  const reset = (): void => {
    change(bookText())
    store.reset()
  }

  return (
    <>
      <h2>
        Train <span className="book">5.7.4 Implementing learning with backpropagation</span>
      </h2>
      <div className="train-layout">
        <div className="train-side">
          <SettingsForm text={text} onChange={change} disabled={busy} />
          <DatasetLine lab={lab} store={store} busy={busy} />
        </div>
        <div className="train-main">
          <div className="controls" role="group" aria-label="Training controls">
            <button className="primary" data-testid="start-button" disabled={busy || !('settings' in parsed)} onClick={start}>
              Start training
            </button>
            <button
              data-testid="pause-button"
              disabled={!busy}
              onClick={() => (state === 'paused' ? lab.resume() : lab.pause())}
            >
              {state === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button data-testid="stop-button" disabled={!busy} onClick={() => lab.stop()}>
              Stop
            </button>
            <button disabled={busy} onClick={reset} title="Book settings and empty charts">
              Reset
            </button>
            <span className="spacer" />
            <button disabled={busy} onClick={() => void lab.saveModel().then((where) => where && store.notify(`Model saved: ${where}`))}>
              Save model…
            </button>
            <button disabled={busy} onClick={() => void lab.loadModel()}>
              Load model…
            </button>
          </div>
          <TrainStatus store={store} />
          <Charts store={store} />
        </div>
      </div>
    </>
  )
}
