// Every model the app saves loads back (#13 §3): each way a model gets saved, through the engine's real
// exportModel / importModel (a LabSession on the fast backend, as both editions run it) and the desktop's
// writeModelFile / readModelFile on a real disk.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeDefaultAsset } from '../../src-worker/data/default-asset'
import { createFastBackend } from '../../src-worker/fast'
import type { LabEvent, TrainSettings } from '../../src-worker/protocol'
import { LabSession } from '../../src-worker/session/session'
import { MAX_MODEL_FILE_BYTES, type ModelFile } from '../../src-worker/session/model-file'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import { MemoryPort } from '../../src-worker/testing/memory-port'
import { syntheticDigits } from '../../src-worker/testing/synthetic-digits'
import { readModelFile, writeModelFile } from './model-file-io'

const asset = encodeDefaultAsset(syntheticDigits(250, 3))
const base: TrainSettings = { ...BOOK_SETTINGS, batchSize: 20, iterations: 40, learningRate: 0.5, seed: 3 }

let dir: string
before(async () => (dir = await mkdtemp(join(tmpdir(), 'bpl-roundtrip-'))))
after(() => rm(dir, { recursive: true, force: true }))

async function session(): Promise<MemoryPort> {
  const port = new MemoryPort()
  new LabSession(port, { createBackend: createFastBackend, loadDefault: async () => asset.slice(), timing: { sliceMs: 0, flushMs: 0 } })
  await port.next('ready')
  return port
}

/** Sends a command and waits for the first of `types` after it. */
async function ask(port: MemoryPort, command: Parameters<MemoryPort['send']>[0], types: LabEvent['type'][]): Promise<LabEvent> {
  const from = port.events.length
  port.send(command)
  return port.nextOf(types, from)
}

async function train(port: MemoryPort, settings: TrainSettings): Promise<void> {
  const from = port.events.length
  port.send({ type: 'start', settings })
  await port.nextOf(['done', 'failed'], from)
}

/** Saves the session's model to disk as the desktop does; returns the path and the file's text. */
async function save(port: MemoryPort, name: string): Promise<{ path: string; text: string; model: unknown }> {
  const event = await ask(port, { type: 'exportModel' }, ['model', 'rejected'])
  assert.equal(event.type, 'model', event.type === 'rejected' ? event.message : '')
  const path = join(dir, `${name}.json`)
  await writeModelFile(path, (event as Extract<LabEvent, { type: 'model' }>).model)
  return { path, text: await readFile(path, 'utf8'), model: (event as Extract<LabEvent, { type: 'model' }>).model }
}

/** Loads a saved file into a fresh session; it must be accepted and export the same weights again. */
async function assertLoadsBack(saved: { path: string; text: string; model: unknown }): Promise<void> {
  assert.doesNotMatch(saved.text.replace(/"finalLoss":null/, ''), /null/, 'a saved model holds no null')
  const { model, fileName } = await readModelFile(saved.path)
  const port = await session()
  const loaded = await ask(port, { type: 'importModel', model, fileName }, ['modelLoaded', 'rejected'])
  assert.equal(loaded.type, 'modelLoaded', loaded.type === 'rejected' ? loaded.message : '')
  const again = ((await ask(port, { type: 'exportModel' }, ['model'])) as Extract<LabEvent, { type: 'model' }>).model as ModelFile
  const original = saved.model as ModelFile
  assert.deepEqual(again.params, original.params, 'the loaded weights are the saved ones, bit for bit')
  assert.deepEqual(again.hyperparameters, original.hyperparameters)
}

describe('a model the app saves can always be loaded back', () => {
  it('the fresh, untrained net is not saved at all (there is nothing to keep), so it never writes a file', async () => {
    const port = await session()
    const event = await ask(port, { type: 'exportModel' }, ['model', 'rejected'])
    assert.equal(event.type, 'rejected')
  })

  for (const activation of ['relu', 'sigmoid'] as const) {
    for (const hiddenSize of [1, 7, 50]) {
      it(`a trained ${activation} net with ${hiddenSize} hidden units`, async () => {
        const port = await session()
        await train(port, { ...base, activation, hiddenSize })
        await assertLoadsBack(await save(port, `${activation}-${hiddenSize}`))
      })
    }
  }

  it('the largest net (1024 hidden units) fits the size limit with room to spare', async () => {
    const port = await session()
    await train(port, { ...base, hiddenSize: 1024, iterations: 2 })
    const saved = await save(port, 'largest')
    const { size } = await stat(saved.path)
    assert.ok(size < MAX_MODEL_FILE_BYTES / 2, `${size} bytes`)
    await assertLoadsBack(saved)
  })

  it('a paused run (a checkpoint) and a stopped one', async () => {
    const port = await session()
    const from = port.events.length
    port.send({ type: 'start', settings: { ...base, iterations: 100_000 } })
    await port.next('progress', from)
    await ask(port, { type: 'pause' }, ['paused'])
    await assertLoadsBack(await save(port, 'paused'))
    await ask(port, { type: 'stop' }, ['done'])
    await assertLoadsBack(await save(port, 'stopped'))
  })

  it('a run that diverged (the last finite weights are kept)', async () => {
    const port = await session()
    await train(port, { ...base, learningRate: 10, weightInitStd: 10, iterations: 200 })
    assert.match(port.all('failed')[0]?.reason ?? 'did not diverge', /NaN|infinite|diverge/i)
    await assertLoadsBack(await save(port, 'diverged'))
  })

  it('after a load, after an applied step, and after a reset and a new run', async () => {
    const first = await session()
    await train(first, { ...base, activation: 'sigmoid', hiddenSize: 9 })
    const original = await save(first, 'original')
    const port = await session()
    const { model, fileName } = await readModelFile(original.path)
    await ask(port, { type: 'importModel', model, fileName }, ['modelLoaded'])
    await assertLoadsBack(await save(port, 'after-load'))
    await ask(port, { type: 'traceStep', requestId: 1, source: { kind: 'batch', batchSize: 5 }, learningRate: 0.1 }, ['stepTraced'])
    await ask(port, { type: 'applyStep', requestId: 1 }, ['stepApplied'])
    await assertLoadsBack(await save(port, 'after-apply'))
    await ask(port, { type: 'resetWeights', settings: { ...base, hiddenSize: 4 } }, ['weightsReset'])
    await train(port, { ...base, hiddenSize: 4 })
    await assertLoadsBack(await save(port, 'after-reset'))
  })
})
