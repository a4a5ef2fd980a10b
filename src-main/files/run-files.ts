// The desktop run history's file formats: `<id>.json` is a small summary (the run record without its losses,
// plus lossCount), `<id>.losses.f32` every iteration's loss as little-endian float32, and `<id>.model.json` the
// final weights as a model file (what Save model writes, so Load model opens it too). Raw, not gzip: on this
// lab's losses gzip saved only 12 % (70,060 of 80,000 bytes for 20,000 iterations) and a 1,000,000-iteration
// file (4 MB) is read back with one copy. The first format kept the losses in the JSON as text
// (`losses: [...]`, ~21 bytes each); such files are read as they are and rewritten once (run-history.ts).
import type { RunRecord } from '../../src-worker/protocol'
import { parseRunRecord } from '../../src-worker/session/run-record'
import { describeValue, isRecord, LabInputError } from '../../src-worker/session/validate'

export const SUMMARY_SUFFIX = '.json'
export const LOSSES_SUFFIX = '.losses.f32'
export const MODEL_SUFFIX = '.model.json'

/** A summary file's contents: the record without its losses, and how many there are. */
export type RunSummaryFile = Omit<RunRecord, 'losses' | 'model'> & { lossCount: number }

export function summaryOf(record: RunRecord): RunSummaryFile {
  const { losses, model, ...rest } = record
  return { ...rest, lossCount: losses.length, hasModel: model !== undefined }
}

/** The losses as the bytes of `<id>.losses.f32`. */
export function encodeLosses(losses: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(losses.length * 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < losses.length; i++) view.setFloat32(i * 4, losses[i]!, true)
  return bytes
}

/** `<id>.losses.f32` read back; `expected` is the summary's lossCount. */
export function decodeLosses(bytes: Uint8Array, expected: number, name: string): Float32Array {
  if (bytes.byteLength !== expected * 4) {
    throw new LabInputError(`${name}: holds ${bytes.byteLength} bytes, but the run has ${expected} losses (${expected * 4} bytes): the file is truncated or belongs to another run`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const losses = new Float32Array(expected)
  for (let i = 0; i < expected; i++) losses[i] = view.getFloat32(i * 4, true)
  return losses
}

/** What `<id>.json` turned out to be: the current summary, or the first format with every loss inside. */
export type ParsedRunFile = { kind: 'summary'; record: RunRecord; lossCount: number } | { kind: 'legacy'; record: RunRecord }

/** Reads an untrusted `<id>.json`; every error names the file and the field. */
export function parseRunFile(text: string, name: string): ParsedRunFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`)
  }
  const id = name.slice(0, -SUMMARY_SUFFIX.length)
  const checkId = (record: RunRecord) => {
    if (record.id !== id) throw new LabInputError(`${name}: its id ${record.id} does not match the file name`)
    const r = raw as { name?: unknown; note?: unknown; hasModel?: unknown }
    if (typeof r.name === 'string' && r.name) record.name = r.name
    if (typeof r.note === 'string' && r.note) record.note = r.note
    record.hasModel = r.hasModel === true
    return record
  }
  if (isRecord(raw) && !('losses' in raw) && 'lossCount' in raw) {
    const lossCount = raw.lossCount
    if (typeof lossCount !== 'number' || !Number.isInteger(lossCount) || lossCount < 0) {
      throw new LabInputError(`${name}: lossCount must be a whole number ≥ 0, got ${describeValue(lossCount)}`)
    }
    return { kind: 'summary', record: checkId(parseRunRecord({ ...raw, losses: [] }, name)), lossCount }
  }
  return { kind: 'legacy', record: checkId(parseRunRecord(raw, name)) }
}

/** A file-system error in the user's words. */
export function diskProblem(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return `the disk holding ${folder} is full`
  if (code === 'EACCES' || code === 'EPERM') return `the run history folder ${folder} may not be written (permission denied)`
  if (code === 'EROFS') return `the run history folder ${folder} is on a read-only disk`
  return `writing to ${folder} failed (${(error as Error | null)?.message ?? String(error)})`
}
