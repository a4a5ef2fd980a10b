// The session's only view of its host: the ~20-line adapters in node/entry-node.ts (worker_threads) and
// entry-web.ts (Web Worker) each build one (comlink's node-adapter idea).
import type { LabEvent, WorkerCommand } from '../protocol'

/** A message channel to the host: events out (array buffers transferred, not copied), commands in. */
export interface Port {
  post(event: LabEvent, transfer?: ArrayBuffer[]): void
  onCommand(handler: (command: WorkerCommand) => void): void
}

/** Node's setImmediate, looked up at run time (the engine is typed without Node). */
const setImmediateIfAny = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate

/**
 * Resolves on a later macrotask, so messages already queued for the worker (stop, pause, predict) are handled
 * first. Node: setImmediate, which runs after the poll phase has delivered pending messages (a self-posted
 * MessagePort message can be drained in a loop that starves them). Browsers: a MessageChannel, which avoids
 * the 4 ms clamp on nested setTimeout(0). close() releases the channel (an open port keeps a thread alive).
 */
export class MacrotaskYielder {
  private channel: InstanceType<typeof MessageChannel> | undefined
  private waiting: (() => void)[] = []

  next(): Promise<void> {
    if (setImmediateIfAny) return new Promise((resolve) => setImmediateIfAny(resolve))
    if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0))
    if (!this.channel) {
      this.channel = new MessageChannel()
      // the web's onmessage, which Node's MessagePort also implements (and which starts the port)
      ;(this.channel.port1 as unknown as { onmessage: () => void }).onmessage = () => this.waiting.shift()?.()
    }
    const channel = this.channel
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      channel.port2.postMessage(null)
    })
  }

  close(): void {
    this.channel?.port1.close()
    this.channel = undefined
    for (const resolve of this.waiting.splice(0)) resolve()
  }
}
