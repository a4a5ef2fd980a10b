// Remembers the IDX data the training worker last accepted, so that a worker respawned after a crash gets it
// back instead of silently starting over on the default digits. Pure bookkeeping over commands and events,
// used by both hosts of the worker: main's TrainingHost and the browser edition's lab (browser-lab.ts).
import type { DatasetInfo, LabEvent, WorkerCommand } from '../protocol'

export type LoadIdxCommand = Extract<WorkerCommand, { type: 'loadIdx' }>

/** What no host can give back: the weights live only in the worker. The last sentence of a crash's reason. */
const WEIGHTS_GONE = 'Any weights it had trained are gone: train again or load a saved model.'

/**
 * Which data a worker holds follows from its events alone: every loadIdx is answered, in order, by a
 * 'datasetLoaded' (kind 'idx') or a 'rejected' loadIdx; a 'datasetLoaded' of kind 'default' (useDefaultData)
 * means the default digits, whatever was sent before it.
 */
export class DataRestore {
  /** the loadIdx the worker accepted last (its bytes as read) and the dataset it became; none: default digits */
  private kept: { command: LoadIdxCommand; dataset: DatasetInfo } | undefined
  /** loadIdx commands posted to the current worker and not answered yet, oldest first */
  private unanswered: { command: LoadIdxCommand; restore: boolean }[] = []

  /** The loadIdx a freshly spawned worker must get before anything else, if there is data to restore. */
  get restoreCommand(): LoadIdxCommand | undefined {
    return this.kept?.command
  }

  /** A command was posted to the current worker; `restore` marks the host's own re-send of kept data. */
  sent(command: WorkerCommand, restore = false): void {
    if (command.type === 'loadIdx') this.unanswered.push({ command, restore })
  }

  /** Reads one event of the current worker. */
  observe(event: LabEvent): void {
    if (event.type === 'datasetLoaded') {
      if (event.dataset.kind === 'default') {
        this.kept = undefined
        return
      }
      const answered = this.unanswered.shift()
      if (answered) this.kept = { command: answered.command, dataset: event.dataset }
    } else if (event.type === 'rejected' && event.command === 'loadIdx') {
      const answered = this.unanswered.shift()
      // A user's refused load changes nothing; a refused restore leaves the new worker on the default digits.
      if (answered?.restore) this.kept = undefined
    }
  }

  /** The restore could not even be posted: the new worker stays on the default digits. */
  forget(): void {
    this.kept = undefined
  }

  /**
   * The 'failed' reason for a worker that is gone: what happened (`crash`), what becomes of the IDX data
   * (see workerLost), and that its weights are lost. Both hosts word a crash this way.
   */
  crashReason(crash: string, when: string): string {
    return `${crash}${this.workerLost(when)}. ${WEIGHTS_GONE}`
  }

  /**
   * The worker is gone. Returns what the 'failed' reason should add about the data: that it comes back
   * (`when`: e.g. 'with your next command'), or, when this worker died before taking the restored data,
   * that it was dropped.
   */
  workerLost(when: string): string {
    const restoring = this.unanswered.some((u) => u.restore)
    this.unanswered = []
    if (!this.kept) return ''
    const name = this.kept.dataset.name
    if (!restoring) return `; the IDX data you loaded (${name}) will be loaded again ${when}`
    this.kept = undefined
    return `; the IDX data loaded before (${name}) could not be restored, so the lab is back on the default digits`
  }
}
