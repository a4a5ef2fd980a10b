// The browser edition's Web Worker: a Port over the worker global, the default digits fetched as a
// Vite asset, and the session. The only file touching `self`.
import type { Port } from './port'
import type { WorkerCommand } from '../protocol'
import { createFastBackend } from '../fast'
import { LabSession } from './session'
import defaultAssetUrl from '../data/generated/mnist-default.bin?url'

declare const self: DedicatedWorkerGlobalScope

const port: Port = {
  post: (event, transfer) => self.postMessage(event, transfer ?? []),
  onCommand: (handler) => self.addEventListener('message', (message: MessageEvent<WorkerCommand>) => handler(message.data)),
}

new LabSession(port, {
  createBackend: createFastBackend,
  loadDefault: async () => {
    const response = await fetch(defaultAssetUrl)
    if (!response.ok) throw new Error(`${defaultAssetUrl}: HTTP ${response.status} ${response.statusText}`)
    return new Uint8Array(await response.arrayBuffer())
  },
})
