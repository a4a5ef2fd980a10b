// An in-memory Port for session tests: commands go in on a later macrotask (as over a real channel),
// events are recorded with their transfer lists and can be awaited by type.
import type { Port } from '../session/port'
import type { LabEvent, WorkerCommand } from '../protocol'

type EventOf<T extends LabEvent['type']> = Extract<LabEvent, { type: T }>

export class MemoryPort implements Port {
  readonly events: LabEvent[] = []
  readonly transfers: (ArrayBuffer[] | undefined)[] = []
  private handler: ((command: WorkerCommand) => void) | undefined
  private waiters: (() => void)[] = []

  post(event: LabEvent, transfer?: ArrayBuffer[]): void {
    this.events.push(event)
    this.transfers.push(transfer)
    for (const wake of this.waiters.splice(0)) wake()
  }

  onCommand(handler: (command: WorkerCommand) => void): void {
    this.handler = handler
  }

  /** delivers the command on a later macrotask, like postMessage */
  send(command: WorkerCommand): void {
    setTimeout(() => this.handler?.(command), 0)
  }

  /** the first event of that type at index ≥ from (default: any), waiting for it if needed */
  async next<T extends LabEvent['type']>(type: T, from = 0): Promise<EventOf<T>> {
    for (;;) {
      const found = this.events.slice(from).find((e) => e.type === type)
      if (found) return found as EventOf<T>
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  /** the first event of any of these types at index ≥ from */
  async nextOf(types: LabEvent['type'][], from = 0): Promise<LabEvent> {
    for (;;) {
      const found = this.events.slice(from).find((e) => types.includes(e.type))
      if (found) return found
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  all<T extends LabEvent['type']>(type: T, from = 0): EventOf<T>[] {
    return this.events.slice(from).filter((e) => e.type === type) as EventOf<T>[]
  }
}
