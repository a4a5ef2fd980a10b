// The run history on disk: one JSON file per finished run in <userData>/runs (the folder is injected).
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunRecord } from '../src-worker/protocol'
import { parseRunRecord, RUN_ID_PATTERN, runToCsv } from '../src-worker/session/run-record'
import { LabInputError } from '../src-worker/session/validate'
import { writeFileAtomic } from './files/atomic-write'

/** Finished runs as `<id>.json` files; unreadable files are skipped with a warning, never fatal. */
export class RunHistory {
  constructor(readonly folder: string) {}

  /** Writes the record atomically as `<id>.json`; returns the path. */
  async save(record: RunRecord): Promise<string> {
    if (!RUN_ID_PATTERN.test(record.id)) throw new LabInputError(`run id ${JSON.stringify(record.id)} is not filename-safe`)
    await mkdir(this.folder, { recursive: true })
    const path = join(this.folder, `${record.id}.json`)
    await writeFileAtomic(path, JSON.stringify(record) + '\n')
    return path
  }

  /** Every readable run, newest first, and one warning per file that was skipped. */
  async list(): Promise<{ runs: RunRecord[]; warnings: string[] }> {
    const names = await readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const runs: RunRecord[] = []
    const warnings: string[] = []
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        runs.push(await this.read(name))
      } catch (error) {
        warnings.push(`skipped run file ${name}: ${(error as Error).message}`)
      }
    }
    runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    return { runs, warnings }
  }

  /** One run by id; the id is checked before it touches a path. */
  async get(runId: unknown): Promise<RunRecord> {
    if (typeof runId !== 'string' || !RUN_ID_PATTERN.test(runId)) {
      throw new LabInputError(`runId must be letters, digits and '-' only, got ${typeof runId === 'string' ? JSON.stringify(runId.slice(0, 40)) : typeof runId}`)
    }
    return this.read(`${runId}.json`).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new LabInputError(`run ${runId} is not in the history`)
      throw error
    })
  }

  /** Writes the run's log (iteration, loss, trainAccuracy, testAccuracy) as CSV, atomically. */
  async exportCsv(runId: string, path: string): Promise<void> {
    await writeFileAtomic(path, runToCsv(await this.get(runId)))
  }

  private async read(name: string): Promise<RunRecord> {
    const text = await readFile(join(this.folder, name), 'utf8')
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`)
    }
    const record = parseRunRecord(raw, name)
    if (`${record.id}.json` !== name) throw new LabInputError(`${name}: its id ${record.id} does not match the file name`)
    return record
  }
}
