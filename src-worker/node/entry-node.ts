// The desktop worker_thread (built to out/main/worker.js): a Port over parentPort, the default digits read
// with node:fs from workerData.defaultDataPath, and the session. The only file touching parentPort.
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import type { Port } from '../session/port'
import type { WorkerCommand } from '../protocol'
import { createFastBackend } from '../fast'
import { LabSession } from '../session/session'

if (!parentPort) throw new Error('entry-node.ts must run in a worker_thread')
const parent = parentPort
const { defaultDataPath } = (workerData ?? {}) as { defaultDataPath?: unknown }

const port: Port = {
  post: (event, transfer) => parent.postMessage(event, transfer),
  onCommand: (handler) => parent.on('message', (command: WorkerCommand) => handler(command)),
}

new LabSession(port, {
  createBackend: createFastBackend,
  loadDefault: async () => {
    if (typeof defaultDataPath !== 'string') throw new Error('workerData.defaultDataPath must be the path of mnist-default.bin')
    const buffer = await readFile(defaultDataPath).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `${defaultDataPath} not found: run \`npm run data\`` : error.message)
    })
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  },
})
