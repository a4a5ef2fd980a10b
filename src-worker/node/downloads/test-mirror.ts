// For tests only: a real HTTP server on 127.0.0.1 serving small generated gzip IDX files under several
// "mirrors" (/a/, /b/, …), each told how to misbehave, and the manifest that pins those files.
import { createHash } from 'node:crypto'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DATASET_FILE_NAMES, type DatasetFileName } from '../../datasets'
import { goodIdxFiles } from '../../data/idx-fixtures'
import type { Manifest } from './dataset-pins'

/**
 * ok: the file; status: that HTTP status; hang: headers, then silence; stall-half: half the body, then silence;
 * corrupt: the pinned size with one byte flipped; oversized: the file and more, without a Content-Length;
 * short-announced: a Content-Length above the pin.
 */
export type Behaviour = 'ok' | 'hang' | 'stall-half' | 'corrupt' | 'oversized' | 'short-announced' | { status: number }

export interface TestMirror {
  /** base URLs, "http://127.0.0.1:port/a/" … in the order of `mirrors` */
  urls: string[]
  files: Record<DatasetFileName, Uint8Array>
  manifest: Manifest
  /** "a/train-images-idx3-ubyte.gz" for each request received */
  requests: string[]
  /** a mirror's behaviour, for all its files or one file; changeable mid-test */
  set(mirror: string, behaviour: Behaviour, file?: DatasetFileName): void
  /** resolves when a 'stall-half' body has sent its first half */
  halfSent: Promise<void>
  close(): Promise<void>
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function testDatasetFiles(): Record<DatasetFileName, Uint8Array> {
  const idx = goodIdxFiles(true)
  return {
    'train-images-idx3-ubyte.gz': idx.trainImages.bytes,
    'train-labels-idx1-ubyte.gz': idx.trainLabels.bytes,
    't10k-images-idx3-ubyte.gz': idx.testImages.bytes,
    't10k-labels-idx1-ubyte.gz': idx.testLabels.bytes,
  }
}

export async function startTestMirror(mirrors: Record<string, Behaviour>): Promise<TestMirror> {
  const files = testDatasetFiles()
  const manifest = Object.fromEntries(DATASET_FILE_NAMES.map((n) => [n, { size: files[n].length, sha256: sha256(files[n]) }])) as Manifest
  const behaviours = new Map<string, Behaviour>(Object.entries(mirrors))
  const requests: string[] = []
  const open = new Set<ServerResponse>()
  let onHalf: () => void = () => undefined
  const halfSent = new Promise<void>((resolve) => (onHalf = resolve))

  const server: Server = createServer((req, res) => {
    const [, mirror = '', file = ''] = (req.url ?? '').split('/')
    requests.push(`${mirror}/${file}`)
    const body = files[file as DatasetFileName]
    const behaviour = behaviours.get(`${mirror}/${file}`) ?? behaviours.get(mirror)
    if (!body || behaviour === undefined) return void res.writeHead(404).end()
    open.add(res)
    res.on('close', () => open.delete(res))
    const headers = (length: number) => ({ 'content-type': 'application/x-gzip', 'content-length': String(length) })
    if (typeof behaviour === 'object') return void res.writeHead(behaviour.status).end('unavailable')
    switch (behaviour) {
      case 'ok':
        return void res.writeHead(200, headers(body.length)).end(body)
      case 'hang':
        return void res.writeHead(200, headers(body.length)).flushHeaders()
      case 'stall-half':
        res.writeHead(200, headers(body.length))
        res.write(body.subarray(0, body.length >> 1), () => onHalf())
        return
      case 'corrupt': {
        const bad = Uint8Array.from(body)
        bad[bad.length >> 1]! ^= 0xff
        return void res.writeHead(200, headers(bad.length)).end(bad)
      }
      case 'oversized':
        res.writeHead(200, { 'content-type': 'application/x-gzip' }) // chunked: the size shows only while streaming
        return void res.end(Buffer.concat([body, Buffer.alloc(4096, 7)]))
      case 'short-announced':
        res.writeHead(200, headers(body.length + 1000))
        return void res.end(Buffer.concat([body, Buffer.alloc(1000)]))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    urls: Object.keys(mirrors).map((m) => `http://127.0.0.1:${port}/${m}/`),
    files,
    manifest,
    requests,
    halfSent,
    set: (mirror, behaviour, file) => void behaviours.set(file ? `${mirror}/${file}` : mirror, behaviour),
    close: async () => {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
