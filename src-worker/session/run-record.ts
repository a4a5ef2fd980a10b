// The run history's record (5.7.4's train_loss_list and train/test_acc_list, kept per run).
// Pure: no node:*, no DOM; the desktop main process and the browser edition both use it.
import type { DatasetInfo, EpochPoint, LabEvent, RunRecord, RunSummary, TrainSettings } from '../protocol'
import { LossLog } from './loss-log'
import { describeValue, isRecord, LabInputError, parseTrainSettings } from './validate'

export const RUN_FORMAT = 'backprop-lab-run'
export const RUN_VERSION = 1
/** Run ids are file names too: letters, digits and '-' only. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9-]{1,100}$/

/** An id like `2026-11-29T10-47-12-123Z-seed42`, derived from the start time and seed. */
export function runId(startedAt: Date, seed: number): string {
  return `${startedAt.toISOString().replace(/[:.]/g, '-')}-seed${seed}`
}

interface OpenRun {
  startedAt: Date
  settings: TrainSettings
  dataset: DatasetInfo
  backend: string
  losses: LossLog
  epochs: EpochPoint[]
}

/**
 * Turns a stream of LabEvents into RunRecords: 'started' opens a run, 'progress' and 'epoch' fill it,
 * 'done' closes it and returns the record; 'failed' closes it too, as a stopped run of what had arrived.
 */
export class RunRecorder {
  private run: OpenRun | undefined
  private log: LossLog | undefined

  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * The losses of the run going, or of the last one until the next starts: the one buffer that holds them
   * (a finished record's losses are a view of it, so others read it instead of keeping a copy).
   */
  get losses(): LossLog | undefined {
    return this.log
  }

  /** How many iterations of the run going have reported their loss; undefined when none is going. */
  get iterationsSoFar(): number | undefined {
    return this.run?.losses.count
  }

  /** Feeds one event; returns the finished record on 'done' (or the run kept as stopped on 'failed'), otherwise undefined. */
  consume(event: LabEvent): RunRecord | undefined {
    switch (event.type) {
      case 'started':
        this.log = new LossLog(event.settings.iterations)
        this.run = { startedAt: this.now(), settings: event.settings, dataset: event.dataset, backend: event.backend, losses: this.log, epochs: [] }
        return undefined
      case 'progress':
        // Indexed by iteration, not by arrival, so the record is right even if a chunk were ever repeated.
        this.run?.losses.set(event.firstIteration, event.losses)
        return undefined
      case 'epoch':
        this.run?.epochs.push({ epoch: event.epoch, iteration: event.iteration, trainAccuracy: event.trainAccuracy, testAccuracy: event.testAccuracy })
        return undefined
      case 'done':
        return this.finish(event.reason, event.summary, event.model)
      case 'failed':
        return this.keepAsStopped()
      default:
        return undefined
    }
  }

  /**
   * The worker went away mid-run (a crash, an exit, silence): the run is kept as far as it got, as a stopped
   * run of the iterations whose losses arrived. Its weights died with the worker, so it has no model. The step
   * time is wall clock here (the worker's own timing is gone with it), evaluations included.
   */
  private keepAsStopped(): RunRecord | undefined {
    const run = this.run
    if (!run) return undefined
    // only the iterations up to the first loss that is not finite: a diverged loss (NaN, Infinity) or a chunk
    // that never came cannot be written to a run file, and what follows it is not a curve
    const all = run.losses.view()
    let iterations = 0
    while (iterations < all.length && Number.isFinite(all[iterations]!)) iterations++
    const losses = all.subarray(0, iterations)
    const last = run.epochs.filter((e) => e.iteration < iterations).at(-1)
    const seconds = Math.max(0, (this.now().getTime() - run.startedAt.getTime()) / 1000)
    return this.finish('stopped', {
      iterations,
      seed: run.settings.seed,
      finalLoss: iterations > 0 ? losses[iterations - 1]! : 0,
      trainAccuracy: last?.trainAccuracy ?? 0,
      testAccuracy: last?.testAccuracy ?? 0,
      msPerIteration: iterations > 0 ? (seconds * 1000) / iterations : 0,
      totalSeconds: seconds,
    }, undefined, losses)
  }

  private finish(reason: RunRecord['reason'], summary: RunSummary, model: unknown, kept?: Float32Array): RunRecord | undefined {
    const run = this.run
    this.run = undefined
    if (!run) return undefined
    const losses = kept ?? run.losses.view()
    return {
      format: RUN_FORMAT,
      version: RUN_VERSION,
      id: runId(run.startedAt, run.settings.seed),
      startedAt: run.startedAt.toISOString(),
      finishedAt: this.now().toISOString(),
      settings: run.settings,
      dataset: run.dataset,
      backend: run.backend,
      reason,
      summary,
      losses,
      epochs: run.epochs,
      ...(model === undefined ? {} : { model }),
    }
  }
}

function field(raw: Record<string, unknown>, key: string, where: string): unknown {
  if (!(key in raw)) throw new LabInputError(`${where}: field ${key} is missing`)
  return raw[key]
}

function finite(value: unknown, name: string, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new LabInputError(`${where}: ${name} must be a finite number, got ${describeValue(value)}`)
  return value
}

function text(value: unknown, name: string, where: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new LabInputError(`${where}: ${name} must be a non-empty string, got ${describeValue(value)}`)
  return value
}

function object(value: unknown, name: string, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new LabInputError(`${where}: ${name} must be an object, got ${describeValue(value)}`)
  return value
}

function parseDataset(raw: unknown, where: string): DatasetInfo {
  const d = object(raw, 'dataset', where)
  const kind = field(d, 'kind', where)
  if (kind !== 'default' && kind !== 'idx') throw new LabInputError(`${where}: dataset.kind must be "default" or "idx", got ${describeValue(kind)}`)
  return {
    kind,
    name: text(field(d, 'name', where), 'dataset.name', where),
    trainSize: finite(field(d, 'trainSize', where), 'dataset.trainSize', where),
    testSize: finite(field(d, 'testSize', where), 'dataset.testSize', where),
    expectedTestAccuracy: finite(field(d, 'expectedTestAccuracy', where), 'dataset.expectedTestAccuracy', where),
  }
}

function parseSummary(raw: unknown, where: string): RunSummary {
  const s = object(raw, 'summary', where)
  const keys = ['iterations', 'seed', 'finalLoss', 'trainAccuracy', 'testAccuracy', 'msPerIteration', 'totalSeconds'] as const
  const entries = keys.map((key) => [key, finite(field(s, key, where), `summary.${key}`, where)])
  return Object.fromEntries(entries) as unknown as RunSummary
}

function parseEpochs(raw: unknown, where: string): EpochPoint[] {
  if (!Array.isArray(raw)) throw new LabInputError(`${where}: epochs must be an array, got ${describeValue(raw)}`)
  return raw.map((item, i) => {
    const e = object(item, `epochs[${i}]`, where)
    const num = (key: string) => finite(field(e, key, where), `epochs[${i}].${key}`, where)
    return { epoch: num('epoch'), iteration: num('iteration'), trainAccuracy: num('trainAccuracy'), testAccuracy: num('testAccuracy') }
  })
}

/** Checks an untrusted, already JSON-parsed run file; every error names the file and the field. */
export function parseRunRecord(raw: unknown, fileName: string): RunRecord {
  const where = fileName
  const r = object(raw, 'the run record', where)
  const format = field(r, 'format', where)
  if (format !== RUN_FORMAT) throw new LabInputError(`${where}: format must be "${RUN_FORMAT}", got ${describeValue(format)}`)
  const version = field(r, 'version', where)
  if (version !== RUN_VERSION) throw new LabInputError(`${where}: version ${describeValue(version)} is not supported (expected ${RUN_VERSION})`)
  const id = text(field(r, 'id', where), 'id', where)
  if (!RUN_ID_PATTERN.test(id)) throw new LabInputError(`${where}: id must use only letters, digits and '-', got ${describeValue(id)}`)
  const date = (key: string) => {
    const value = text(field(r, key, where), key, where)
    if (Number.isNaN(Date.parse(value))) throw new LabInputError(`${where}: ${key} must be an ISO 8601 date, got ${describeValue(value)}`)
    return value
  }
  const reason = field(r, 'reason', where)
  if (reason !== 'completed' && reason !== 'stopped') throw new LabInputError(`${where}: reason must be "completed" or "stopped", got ${describeValue(reason)}`)
  const losses = field(r, 'losses', where)
  if (!Array.isArray(losses)) throw new LabInputError(`${where}: losses must be an array, got ${describeValue(losses)}`)
  losses.forEach((loss, i) => finite(loss, `losses[${i}]`, where))
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    id,
    startedAt: date('startedAt'),
    finishedAt: date('finishedAt'),
    settings: parseTrainSettings(object(field(r, 'settings', where), 'settings', where), `${where}: settings.`),
    dataset: parseDataset(field(r, 'dataset', where), where),
    backend: text(field(r, 'backend', where), 'backend', where),
    reason,
    summary: parseSummary(field(r, 'summary', where), where),
    losses: losses as number[],
    epochs: parseEpochs(field(r, 'epochs', where), where),
  }
}

/** The whole run as the JSON a run file or an export holds (losses as a plain array, whatever they are kept in). */
export function runToJson(record: RunRecord): string {
  // the weights stay out: the run's JSON is its log (format version 1); "Use this run's model" then Save model gives them
  return JSON.stringify({ ...record, losses: Array.from(record.losses), model: undefined, hasModel: undefined })
}

/** A run id from an untrusted caller, checked before it touches a path or a key. */
export function parseRunId(raw: unknown): string {
  if (typeof raw !== 'string' || !RUN_ID_PATTERN.test(raw)) {
    throw new LabInputError(`runId must be letters, digits and '-' only (at most 100), got ${typeof raw === 'string' ? JSON.stringify(raw.slice(0, 40)) : describeValue(raw)}`)
  }
  return raw
}

/** The Runs pane's limits for a run's name and note (its inputs' maxLength). */
export const RUN_LABEL_LIMITS = { name: 80, note: 400 } as const

/** A run's name and note from an untrusted caller: two strings within their limits, trimmed. */
export function parseRunLabel(raw: unknown): { name: string; note: string } {
  if (!isRecord(raw)) throw new LabInputError(`the run's label must be an object with a name and a note, got ${describeValue(raw)}`)
  const out = { name: '', note: '' }
  for (const key of ['name', 'note'] as const) {
    const value = raw[key]
    if (typeof value !== 'string') throw new LabInputError(`the run's ${key} must be text, got ${describeValue(value)}`)
    const limit = RUN_LABEL_LIMITS[key]
    if (value.length > limit) throw new LabInputError(`the run's ${key} is ${value.length} characters long; at most ${limit} fit`)
    out[key] = value.trim()
  }
  return out
}

/** The run's log as CSV: one row per iteration; accuracies only on the rows where an epoch was evaluated. */
export function runToCsv(record: RunRecord): string {
  const byIteration = new Map(record.epochs.map((e) => [e.iteration, e]))
  const last = Math.max(record.losses.length - 1, ...record.epochs.map((e) => e.iteration))
  const rows = ['iteration,loss,trainAccuracy,testAccuracy']
  for (let i = 0; i <= last; i++) {
    const e = byIteration.get(i)
    const loss = record.losses[i]
    rows.push(`${i},${loss === undefined ? '' : loss},${e ? e.trainAccuracy : ''},${e ? e.testAccuracy : ''}`)
  }
  return rows.join('\n') + '\n'
}
