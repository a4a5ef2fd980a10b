// Whether a training worker still answers (#10 "no state the UI cannot leave"). A worker can stop without an
// error event: it closed itself, or it hangs in a loop. While a run goes and is not paused, some event must
// come every heartbeatMs (an epoch's evaluation of 60,000 digits takes a few seconds; the default allows 30);
// pause, resume and stop must be answered within replyMs. Pure: the hosts (main's TrainingHost, the browser
// lab) feed it what they send and hear, with the time, and ask it on a timer.
import type { LabEvent, WorkerCommand } from '../protocol'

/** A run going must show some event this often. */
export const HEARTBEAT_MS = 30_000
/** pause, resume and stop must be answered this fast */
export const REPLY_MS = 10_000

export class WorkerWatch {
  private going = false
  private paused = false
  private lastHeard: number
  private replyDue: number | null = null

  constructor(
    readonly heartbeatMs: number,
    readonly replyMs: number,
    now: number,
  ) {
    this.lastHeard = now
  }

  /** The worker said something. */
  heard(event: LabEvent, now: number): void {
    this.lastHeard = now
    if (event.type === 'started') {
      this.going = true
      this.paused = false
    } else if (event.type === 'paused') this.paused = true
    else if (event.type === 'resumed') this.paused = false
    else if (event.type === 'done' || event.type === 'failed') this.going = false
    if (event.type === 'paused' || event.type === 'resumed' || event.type === 'done' || event.type === 'failed' || event.type === 'rejected') this.replyDue = null
  }

  /** A command went to the worker; pause, resume and stop during a run are owed an answer. */
  sent(command: WorkerCommand['type'], now: number): void {
    if (this.going && (command === 'pause' || command === 'resume' || command === 'stop')) this.replyDue ??= now + this.replyMs
  }

  /** Why the worker counts as gone at `now` ("… nothing for 30 s"), or null while it answers. */
  overdue(now: number): string | null {
    const owes = this.replyDue !== null && now > this.replyDue
    const silent = this.going && !this.paused && now - this.lastHeard > this.heartbeatMs
    if (!owes && !silent) return null
    const ms = owes ? this.replyMs : this.heartbeatMs
    return `the training worker stopped answering (nothing for ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`})`
  }

  /** A fresh worker took over: nothing going, nothing owed. */
  reset(now: number): void {
    this.going = false
    this.paused = false
    this.lastHeard = now
    this.replyDue = null
  }

  /** How often a host should ask overdue(). */
  get checkEveryMs(): number {
    return Math.max(100, Math.min(this.heartbeatMs, this.replyMs) / 4)
  }
}
