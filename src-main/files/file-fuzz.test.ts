// Property-style fuzzing of the files the lab reads (#13 §3): random byte flips, truncations and appended
// junk in IDX files (raw and .gz, and gzip bombs built here from a small seed) and in model files never
// crash (only the lab's own LabInputError, never a TypeError or RangeError), never hang (each test has a
// time limit), and never leave half-loaded data: after a refused load the session's data and net are the
// ones it had, checked through the session's own commands. Seeded: a failure names its seed and case.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeDefaultAsset } from '../../src-worker/data/default-asset'
import { parseIdxFiles } from '../../src-worker/data/idx'
import { goodIdxFiles } from '../../src-worker/data/idx-fixtures'
import { gzipMembersBomb, gzipZeroBomb } from '../../src-worker/data/gzip-fixtures'
import { PIXELS } from '../../src-worker/data/digits'
import { Random } from '../../src-worker/net/random'
import { ReferenceBackend } from '../../src-worker/net/reference-backend'
import type { IdxFiles, LabEvent, NamedBytes, WorkerCommand } from '../../src-worker/protocol'
import { LabSession } from '../../src-worker/session/session'
import { BOOK_SETTINGS, LabInputError } from '../../src-worker/session/validate'
import { MemoryPort } from '../../src-worker/testing/memory-port'
import { syntheticDigits } from '../../src-worker/testing/synthetic-digits'
import { readModelFile } from './model-file-io'

const SEED = 0x13f1e5
const KEYS = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const

/** One random damage to a copy of bytes: flips, a truncation, appended junk, or two of them. */
function damage(bytes: Uint8Array, rng: Random): { bytes: Uint8Array; what: string } {
  const kind = Math.floor(rng.random() * 4)
  let out = bytes.slice()
  const what: string[] = []
  if (kind === 0 || kind === 3) {
    const flips = 1 + Math.floor(rng.random() * 8)
    for (let i = 0; i < flips; i++) {
      // half the flips land in the first 32 bytes: headers, gzip fields, the JSON's opening keys
      const at = rng.random() < 0.5 ? Math.floor(rng.random() * Math.min(32, out.length)) : Math.floor(rng.random() * out.length)
      out[at]! ^= 1 << Math.floor(rng.random() * 8)
    }
    what.push(`${flips} flips`)
  }
  if (kind === 1 || kind === 3) {
    const keep = Math.floor(rng.random() * out.length)
    out = out.slice(0, keep)
    what.push(`truncated to ${keep}`)
  }
  if (kind === 2) {
    const junk = Uint8Array.from({ length: 1 + Math.floor(rng.random() * 64) }, () => Math.floor(rng.random() * 256))
    if (rng.random() < 0.3) junk.set([0x1f, 0x8b, 8].slice(0, junk.length)) // junk that starts like another gzip member
    const joined = new Uint8Array(out.length + junk.length)
    joined.set(out)
    joined.set(junk, out.length)
    out = joined
    what.push(`${junk.length} junk bytes appended`)
  }
  return { bytes: out, what: what.join(', ') }
}

/** Fails unless the error is the lab's own input error, naming the file. */
function assertLabError(error: unknown, fileName: string, label: string): void {
  assert.ok(error instanceof LabInputError, `${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`)
  assert.ok(error.message.includes(fileName), `${label}: the message names no file: ${error.message}`)
}

/** An accepted split must be whole: sizes agree with counts, labels are digits. */
function assertWhole(files: IdxFiles, label: string): void {
  const split = parseIdxFiles(files)
  for (const set of [split.train, split.test]) {
    assert.equal(set.images.length, set.count * PIXELS, label)
    assert.equal(set.labels.length, set.count, label)
    assert.ok(set.labels.every((l) => l <= 9), label)
  }
}

describe('fuzzed IDX files (raw and .gz) never crash the parser', () => {
  for (const gzip of [false, true]) {
    it(`${gzip ? '.gz' : 'raw'}: 300 damaged sets are each refused with a LabInputError naming the file, or read whole`, { timeout: 20_000 }, () => {
      const rng = new Random(SEED + (gzip ? 1 : 0))
      const good = goodIdxFiles(gzip)
      let refused = 0
      for (let n = 0; n < 300; n++) {
        const key = KEYS[n % 4]!
        const { bytes, what } = damage(good[key].bytes, rng)
        const files = { ...good, [key]: { name: good[key].name, bytes } }
        const label = `seed ${SEED}, case ${n}: ${good[key].name} ${what}`
        try {
          assertWhole(files, label)
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error
          assertLabError(error, good[key].name, label)
          refused++
        }
      }
      assert.ok(refused > 150, `most damaged files are refused (${refused} of 300)`)
    })
  }

  it('gzip bombs and damaged bombs made here from a small seed are refused by size, never inflated whole', { timeout: 20_000 }, () => {
    const rng = new Random(SEED + 2)
    const header = goodIdxFiles(false).trainImages.bytes.slice(0, 16)
    const bombs: [string, Uint8Array][] = [
      ['one member of 64 MiB of zeros', gzipZeroBomb(header, 64)],
      ['40 members of 2 MiB each', gzipMembersBomb(header, 40)],
    ]
    for (const [what, bomb] of bombs) {
      for (let n = 0; n < 8; n++) { // each refusal inflates ~0.2–0.4 s of zeros first: 8 keep the file fast
        const damaged = n === 0 ? { bytes: bomb, what: 'intact' } : damage(bomb, rng)
        const files = { ...goodIdxFiles(false), trainImages: { name: 'train-images-idx3-ubyte.gz', bytes: damaged.bytes } }
        assert.throws(() => parseIdxFiles(files), (error: unknown) => {
          assertLabError(error, 'train-images-idx3-ubyte.gz', `${what}, case ${n}: ${damaged.what}`)
          return true
        })
      }
    }
  })
})

// ---- through the session: nothing half-loaded ----

const asset = encodeDefaultAsset(syntheticDigits(250, 3))

async function session(): Promise<MemoryPort> {
  const port = new MemoryPort()
  new LabSession(port, { createBackend: async (params, activation) => new ReferenceBackend(params, activation), loadDefault: async () => asset.slice(), timing: { sliceMs: 0, flushMs: 0 } })
  await port.next('ready')
  return port
}

async function ask(port: MemoryPort, command: WorkerCommand, types: LabEvent['type'][]): Promise<LabEvent> {
  const from = port.events.length
  port.send(command)
  return port.nextOf(types, from)
}

/** What the session holds, through its own API: the last test digit (its pixels and label), one past it refused, and the net's answer to a fixed drawing. */
async function holding(port: MemoryPort, lastTest: number): Promise<string> {
  const sample = (await ask(port, { type: 'sampleTest', index: lastTest }, ['testSample', 'rejected'])) as Extract<LabEvent, { type: 'testSample' }>
  const past = await ask(port, { type: 'sampleTest', index: lastTest + 1 }, ['testSample', 'rejected'])
  const predicted = (await ask(port, { type: 'predict', requestId: 1, pixels: new Float32Array(PIXELS).fill(0.25) }, ['prediction'])) as Extract<LabEvent, { type: 'prediction' }>
  return JSON.stringify([sample.type, Array.from(sample.pixels ?? []), sample.label, past.type, predicted.probabilities])
}

describe('a refused load leaves the session’s data and net as they were', () => {
  it('120 damaged IDX sets (raw and .gz) sent to the session: refused ones change nothing', { timeout: 30_000 }, async () => {
    const rng = new Random(SEED + 3)
    const port = await session()
    for (const gzip of [false, true]) {
      const good = goodIdxFiles(gzip)
      const load = (files: IdxFiles) => ask(port, { type: 'loadIdx', files }, ['datasetLoaded', 'rejected'])
      assert.equal((await load(good)).type, 'datasetLoaded')
      const before = await holding(port, 4)
      for (let n = 0; n < 60; n++) {
        const key = KEYS[n % 4]!
        const { bytes, what } = damage(good[key].bytes, rng)
        const file: NamedBytes = { name: good[key].name, bytes }
        const answer = await load({ ...good, [key]: file })
        const label = `seed ${SEED + 3}, ${gzip ? '.gz' : 'raw'} case ${n}: ${file.name} ${what}`
        if (answer.type === 'datasetLoaded') {
          assert.equal((await load(good)).type, 'datasetLoaded', label) // back to the baseline
          continue
        }
        assert.equal(answer.type, 'rejected', label)
        assert.ok((answer as Extract<LabEvent, { type: 'rejected' }>).message.includes(file.name), `${label}: ${(answer as { message: string }).message}`)
        assert.doesNotMatch((answer as { message: string }).message, /^loadIdx failed/, `${label}: not a LabInputError`)
        assert.equal(await holding(port, 4), before, `${label}: the session's data changed after a refused load`)
      }
    }
  })

  let dir: string
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'bpl-fuzz-'))))
  after(() => rm(dir, { recursive: true, force: true }))

  it('200 damaged model files through the desktop’s reader and the session: refused ones keep the net', { timeout: 30_000 }, async () => {
    const rng = new Random(SEED + 4)
    const port = await session()
    await ask(port, { type: 'start', settings: { ...BOOK_SETTINGS, hiddenSize: 3, iterations: 5, batchSize: 10 } }, ['done'])
    const model = (await ask(port, { type: 'exportModel' }, ['model'])) as Extract<LabEvent, { type: 'model' }>
    const text = new TextEncoder().encode(JSON.stringify(model.model))
    const before = await holding(port, 0)
    let refused = 0
    for (let n = 0; n < 200; n++) {
      const { bytes, what } = damage(text, rng)
      const label = `seed ${SEED + 4}, case ${n}: model ${what}`
      const path = join(dir, `m${n}.json`)
      await writeFile(path, bytes)
      let loaded: { model: unknown; fileName: string }
      try {
        loaded = await readModelFile(path)
      } catch (error) {
        assertLabError(error, `m${n}.json`, label)
        refused++
        assert.equal(await holding(port, 0), before, label)
        continue
      }
      const answer = await ask(port, { type: 'importModel', ...loaded }, ['modelLoaded', 'rejected'])
      if (answer.type === 'modelLoaded') {
        await ask(port, { type: 'importModel', model: model.model, fileName: 'good.json' }, ['modelLoaded']) // back to the baseline
        continue
      }
      refused++
      const message = (answer as Extract<LabEvent, { type: 'rejected' }>).message
      assert.ok(message.startsWith(`m${n}.json: `), `${label}: ${message}`)
      assert.doesNotMatch(message, /importModel failed|TypeError|RangeError/, label)
      assert.equal(await holding(port, 0), before, `${label}: the net changed after a refused load`)
    }
    assert.ok(refused > 100, `most damaged model files are refused (${refused} of 200)`)
  })
})
