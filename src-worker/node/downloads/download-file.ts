// One pinned file from a list of mirrors (issue 13 §1): tried in order; an HTTP error, a stall, a size or
// SHA-256 mismatch moves on to the next. Bytes stream into a temp file in the destination folder and are
// renamed over the final name only once size and SHA-256 match, so a partial or unverified file never
// replaces a good one and never stays behind (also on cancel).
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { LabInputError } from '../../session/validate'
import type { FilePin } from './dataset-pins'

/** One mirror's answer for one file. */
export interface Attempt {
  url: string
  reason: string
}

/** Every mirror failed for `file`; `attempts` says why each did. */
export class DownloadError extends LabInputError {
  override name = 'DownloadError'
  constructor(readonly file: string, readonly attempts: Attempt[]) {
    super(`could not download ${file} from any mirror:\n${attempts.map((a) => `  ${a.url}: ${a.reason}`).join('\n')}`)
  }
}

/** The caller's AbortSignal fired; nothing was left in the folder. */
export class DownloadCancelledError extends Error {
  override name = 'DownloadCancelledError'
  constructor(readonly file: string) {
    super(`the download of ${file} was cancelled; nothing partial was kept`)
  }
}

export interface FetchOptions {
  /** cancels the whole download (no next mirror) */
  signal?: AbortSignal
  /** a mirror that sends no bytes for this long is given up; default 30 s */
  idleTimeoutMs?: number
  /** the fetch to use; default the global one (Node's undici) */
  fetchImpl?: typeof fetch
}

export interface FileProgress {
  /** bytes of this file received so far from the current mirror */
  bytes: number
  url: string
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000

/** Thrown inside an attempt; its message is the reason shown for that mirror. */
class AttemptFailed extends Error {}

const TEMP_SUFFIX = '.part'
const tempName = (file: string) => `.${file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`

/** Leftover temp files of `file` from a process that was killed mid-download. */
export async function removeStaleTemps(dir: string, file: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  await Promise.all(names.filter((n) => n.startsWith(`.${file}.`) && n.endsWith(TEMP_SUFFIX)).map((n) => rm(join(dir, n), { force: true })))
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** True when `path` is a regular file of the pinned size and SHA-256. */
export async function fileMatchesPin(path: string, pin: FilePin): Promise<boolean> {
  const info = await stat(path).catch(() => undefined)
  if (!info?.isFile() || info.size !== pin.size) return false
  return (await sha256OfFile(path)) === pin.sha256
}

/** Why fetch itself failed, in a few words: "ENOTFOUND ossci-datasets.s3.amazonaws.com", "ECONNREFUSED 127.0.0.1:9". */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; hostname?: string } }).cause
  if (cause?.code) return `${cause.code}${cause.hostname ? ` ${cause.hostname}` : ''}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : ''}`
  return cause?.message ?? (error as Error).message
}

const mb = (n: number) => `${n} bytes`

async function attempt(url: string, file: string, pin: FilePin, dir: string, options: FetchOptions, onProgress: (p: FileProgress) => void): Promise<void> {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const stall = new AbortController()
  const signal = options.signal ? AbortSignal.any([stall.signal, options.signal]) : stall.signal
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => stall.abort(new AttemptFailed(`no bytes for ${idleMs / 1000} s`)), idleMs)
  }
  const temp = join(dir, tempName(file))
  let handle: Awaited<ReturnType<typeof open>> | undefined
  let kept = false
  try {
    arm()
    let response: Response
    try {
      // identity: the .gz bytes as pinned, never a body fetch would decode on the fly
      response = await (options.fetchImpl ?? fetch)(url, { signal, redirect: 'follow', headers: { 'accept-encoding': 'identity' } })
    } catch (error) {
      throw signal.aborted ? signal.reason : new AttemptFailed(networkReason(error))
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined)
      throw new AttemptFailed(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)
    }
    const announced = Number(response.headers.get('content-length') ?? NaN)
    if (Number.isFinite(announced) && announced !== pin.size) {
      await response.body?.cancel().catch(() => undefined)
      throw new AttemptFailed(`the server announces ${mb(announced)}, the pinned size is ${mb(pin.size)}`)
    }
    if (!response.body) throw new AttemptFailed('the response has no body')
    handle = await open(temp, 'wx')
    const hash = createHash('sha256')
    let received = 0
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        received += chunk.byteLength
        if (received > pin.size) throw new AttemptFailed(`the body is larger than the pinned ${mb(pin.size)}; stopped at ${mb(received)}`)
        hash.update(chunk)
        await handle.write(chunk)
        arm()
        onProgress({ bytes: received, url })
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason
      if (error instanceof AttemptFailed) throw error
      throw new AttemptFailed(`the connection broke after ${mb(received)}: ${networkReason(error)}`)
    }
    if (received !== pin.size) throw new AttemptFailed(`got ${mb(received)}, the pinned size is ${mb(pin.size)}`)
    const digest = hash.digest('hex')
    if (digest !== pin.sha256) throw new AttemptFailed(`SHA-256 ${digest.slice(0, 12)}… does not match the pinned ${pin.sha256.slice(0, 12)}…`)
    await handle.sync()
    await handle.close()
    handle = undefined
    if (options.signal?.aborted) throw options.signal.reason
    await rename(temp, join(dir, file))
    kept = true
  } finally {
    clearTimeout(timer)
    await handle?.close().catch(() => undefined)
    if (!kept) await rm(temp, { force: true })
  }
}

/**
 * Downloads `file` into `dir` from the first of `urls` that delivers exactly the pinned bytes.
 * Returns the URL used, or null when `dir` already held a matching file (nothing downloaded).
 * Throws DownloadError naming every mirror and why it failed, or DownloadCancelledError.
 */
export async function downloadPinnedFile(
  file: string,
  pin: FilePin,
  urls: readonly string[],
  dir: string,
  options: FetchOptions = {},
  onProgress: (p: FileProgress) => void = () => undefined,
): Promise<string | null> {
  await removeStaleTemps(dir, file)
  if (await fileMatchesPin(join(dir, file), pin)) return null
  const attempts: Attempt[] = []
  for (const url of urls) {
    if (options.signal?.aborted) throw new DownloadCancelledError(file)
    try {
      await attempt(url, file, pin, dir, options, onProgress)
      return url
    } catch (error) {
      if (options.signal?.aborted) throw new DownloadCancelledError(file)
      if (!(error instanceof AttemptFailed)) throw error
      attempts.push({ url, reason: error.message })
    }
  }
  throw new DownloadError(file, attempts)
}
