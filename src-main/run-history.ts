// The run history on disk, in <userData>/runs (the folder is injected): per finished run a small summary
// `<id>.json` and its losses `<id>.losses.f32` (files/run-files.ts). Listing reads the summaries only; a run's
// curve is read when it is shown. Files of the first format (every loss as JSON text) are rewritten once as
// summary + losses, the losses file first, so no loss is ever only in memory. Nothing leaves the folder
// without remove() or clear(). A run that cannot be written stays in memory, listed as unkept with why.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunListing, RunRecord } from '../src-worker/protocol'
import { parseRunId, parseRunLabel, RUN_ID_PATTERN, runToCsv } from '../src-worker/session/run-record'
import { LabInputError } from '../src-worker/session/validate'
import { writeFileAtomic } from './files/atomic-write'
import { decodeLosses, diskProblem, encodeLosses, LOSSES_SUFFIX, MODEL_SUFFIX, parseRunFile, SUMMARY_SUFFIX, summaryOf, type ParsedRunFile } from './files/run-files'

export interface RunHistoryOptions {
  /** writes one file whole or not at all (writeFileAtomic); tests inject a failing one (disk full) */
  write?: (path: string, data: string | Uint8Array) => Promise<void>
}

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error
}

export class RunHistory {
  /** finished runs that could not be written, with why; kept until exported and deleted, or the app quits */
  private readonly unkept = new Map<string, { record: RunRecord; reason: string }>()
  private readonly write: NonNullable<RunHistoryOptions['write']>

  constructor(
    readonly folder: string,
    options: RunHistoryOptions = {},
  ) {
    this.write = options.write ?? writeFileAtomic
  }

  private path(id: string, suffix: string): string {
    return join(this.folder, id + suffix)
  }

  /** Writes the run: its losses and weights first, then the summary that makes it listed. Throws what went wrong. */
  async save(record: RunRecord): Promise<void> {
    parseRunId(record.id)
    await mkdir(this.folder, { recursive: true })
    await this.write(this.path(record.id, LOSSES_SUFFIX), encodeLosses(record.losses))
    if (record.model !== undefined) await this.write(this.path(record.id, MODEL_SUFFIX), JSON.stringify(record.model) + '\n')
    await this.write(this.path(record.id, SUMMARY_SUFFIX), JSON.stringify(summaryOf(record)) + '\n')
  }

  /** A run's final weights as a model file (checked by the worker when loaded, like any model file). */
  async model(runId: unknown): Promise<unknown> {
    const id = parseRunId(runId)
    const held = this.unkept.get(id)
    const file = held ? undefined : await this.readFile(id)
    if (held?.record.model !== undefined) return held.record.model
    if (held || !file?.record.hasModel) throw new LabInputError(`run ${id} has no weights kept: it finished before the lab kept each run's weights, or no iteration ran`)
    const name = id + MODEL_SUFFIX
    const text = await readFile(this.path(id, MODEL_SUFFIX), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new LabInputError(`run ${id}: its weights file ${name} is missing`)
      throw error
    })
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`)
    }
  }

  /** Keeps a finished run. Resolves to null, or to why it could not be written (it is then held in memory). */
  async keep(record: RunRecord): Promise<string | null> {
    try {
      await this.save(record)
      this.unkept.delete(record.id)
      return null
    } catch (error) {
      // a losses file without its summary is this call's own half-write, not a stored run
      const listed = await stat(this.path(record.id, SUMMARY_SUFFIX)).then(() => true, () => false)
      if (!listed) for (const suffix of [LOSSES_SUFFIX, MODEL_SUFFIX]) await unlink(this.path(record.id, suffix)).catch(() => undefined)
      const reason = `run ${record.id} was not kept: ${diskProblem(error, this.folder)}. It stays in memory until you quit the app: export it now.`
      this.unkept.set(record.id, { record, reason })
      return reason
    }
  }

  /** Every run, newest first, without losses; unreadable ones as corrupt (deletable by id), unkept ones with why. */
  async list(): Promise<RunListing> {
    const names = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => (ignoreMissing(error), [] as string[]))
    const runs: RunRecord[] = []
    const warnings: string[] = []
    const corrupt: { id: string; reason: string }[] = []
    const broken = (id: string, name: string, reason: string) => {
      if (RUN_ID_PATTERN.test(id)) corrupt.push({ id, reason })
      else warnings.push(`skipped run file ${name}: ${reason}`)
    }
    const summaries = new Set(names.filter((n) => n.endsWith(SUMMARY_SUFFIX) && !n.endsWith(MODEL_SUFFIX)).map((n) => n.slice(0, -SUMMARY_SUFFIX.length)))
    for (const id of [...summaries].sort()) {
      const name = id + SUMMARY_SUFFIX
      try {
        const file = await this.readFile(id)
        if (file.kind === 'legacy') warnings.push(...(await this.migrate(file.record)))
        else await this.checkLossesFile(id, file.lossCount)
        runs.push({ ...file.record, losses: [] })
      } catch (error) {
        broken(id, name, (error as Error).message)
      }
    }
    for (const name of names.filter((n) => n.endsWith(LOSSES_SUFFIX))) {
      const id = name.slice(0, -LOSSES_SUFFIX.length)
      if (!summaries.has(id)) broken(id, name, `${name}: its summary ${id}${SUMMARY_SUFFIX} is missing, so the run's settings are lost`)
    }
    for (const { record } of this.unkept.values()) {
      if (!runs.some((r) => r.id === record.id)) runs.push({ ...record, losses: [], model: undefined, hasModel: record.model !== undefined })
    }
    runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    return { runs, warnings, corrupt, unkept: [...this.unkept].map(([id, u]) => ({ id, reason: u.reason })) }
  }

  /** Every loss of one run. */
  async losses(runId: unknown): Promise<Float32Array> {
    const id = parseRunId(runId)
    const held = this.unkept.get(id)
    if (held) return Float32Array.from(held.record.losses)
    const file = await this.readFile(id)
    if (file.kind === 'legacy') return Float32Array.from(file.record.losses)
    const name = id + LOSSES_SUFFIX
    const bytes = await readFile(this.path(id, LOSSES_SUFFIX)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new LabInputError(`run ${id}: its losses file ${name} is missing`)
      throw error
    })
    return decodeLosses(bytes, file.lossCount, name)
  }

  /** A whole run (summary and losses), for export. */
  async record(runId: unknown): Promise<RunRecord> {
    const id = parseRunId(runId)
    const held = this.unkept.get(id)
    if (held) return held.record
    const file = await this.readFile(id)
    return file.kind === 'legacy' ? file.record : { ...file.record, losses: await this.losses(id) }
  }

  /** Writes the run's log (iteration, loss, trainAccuracy, testAccuracy) as CSV, atomically. */
  async exportCsv(runId: unknown, path: string): Promise<void> {
    await this.write(path, runToCsv(await this.record(runId)))
  }

  /** Sets a run's name and note (checked: text, within RUN_LABEL_LIMITS). */
  async label(runId: unknown, rawLabel: unknown): Promise<void> {
    const id = parseRunId(runId)
    const label = parseRunLabel(rawLabel)
    const held = this.unkept.get(id)
    if (held) {
      Object.assign(held.record, label)
      return
    }
    const file = await this.readFile(id)
    if (file.kind === 'legacy') await this.migrate(file.record, true)
    const lossCount = file.kind === 'summary' ? file.lossCount : file.record.losses.length
    const { losses: _none, ...rest } = { ...file.record, ...label }
    await this.write(this.path(id, SUMMARY_SUFFIX), JSON.stringify({ ...rest, lossCount }) + '\n')
  }

  /** Deletes one run (stored, old-format, corrupt or unkept): the only way anything leaves the history. */
  async remove(runId: unknown): Promise<void> {
    const id = parseRunId(runId)
    this.unkept.delete(id)
    // the summary last: a delete cut short leaves a run still listed (as corrupt), never a silent orphan
    await unlink(this.path(id, LOSSES_SUFFIX)).catch(ignoreMissing)
    await unlink(this.path(id, MODEL_SUFFIX)).catch(ignoreMissing)
    await unlink(this.path(id, SUMMARY_SUFFIX)).catch(ignoreMissing)
  }

  /** Deletes every run, corrupt and unkept ones too (the user asked for it). */
  async clear(): Promise<void> {
    const { runs, corrupt } = await this.list()
    for (const id of [...runs.map((r) => r.id), ...(corrupt ?? []).map((c) => c.id)]) await this.remove(id)
  }

  private async readFile(id: string): Promise<ParsedRunFile> {
    const name = id + SUMMARY_SUFFIX
    const text = await readFile(this.path(id, SUMMARY_SUFFIX), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new LabInputError(`run ${id} is not in the history`)
      throw error
    })
    return parseRunFile(text, name)
  }

  private async checkLossesFile(id: string, lossCount: number): Promise<void> {
    const name = id + LOSSES_SUFFIX
    const size = await stat(this.path(id, LOSSES_SUFFIX)).then(
      (s) => s.size,
      (error: NodeJS.ErrnoException) => {
        throw new LabInputError(error.code === 'ENOENT' ? `${name} is missing: the run's losses are lost` : `${name} cannot be read (${error.message})`)
      },
    )
    if (size !== lossCount * 4) decodeLosses(new Uint8Array(size), lossCount, name) // throws its message
  }

  /**
   * Rewrites a first-format file as summary + losses: the losses file first, then the summary over the old
   * file (atomically), so the old form goes only once the new one is whole. Returns a warning if it could not.
   */
  private async migrate(record: RunRecord, strict = false): Promise<string[]> {
    try {
      await this.save(record)
      return []
    } catch (error) {
      await unlink(this.path(record.id, LOSSES_SUFFIX)).catch(() => undefined)
      const warning = `run ${record.id} stays in the old one-file format for now: ${diskProblem(error, this.folder)}`
      if (strict) throw new LabInputError(warning)
      return [warning]
    }
  }
}
