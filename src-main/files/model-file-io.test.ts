import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseModelFile, toModelFile } from '../../src-worker/session/model-file'
import { initParams } from '../../src-worker/net/two-layer-net'
import { Random } from '../../src-worker/net/random'
import { BOOK_SETTINGS } from '../../src-worker/session/validate'
import type { DatasetInfo } from '../../src-worker/protocol'
import { MAX_MODEL_FILE_BYTES, readModelFile, writeModelFile } from './model-file-io'
import { writeFileAtomic } from './atomic-write'

const settings = { ...BOOK_SETTINGS, hiddenSize: 5 }
const dataset: DatasetInfo = { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 }
const model = () => toModelFile(initParams(784, 5, 10, 0.01, new Random(7)), settings, dataset, { iterations: 3, finalLoss: 2.2, trainAccuracy: 0.2, testAccuracy: 0.19 })

let dir: string
before(async () => (dir = await mkdtemp(join(tmpdir(), 'bpl-model-'))))
after(() => rm(dir, { recursive: true, force: true }))

/** Reads a file through the main-process layer, then the worker's parser, as loading a model does. */
async function load(path: string) {
  return parseModelFile((await readModelFile(path)).model)
}

describe('model files on disk (save: temp file + fsync + rename)', () => {
  it('round-trips: the loaded weights equal the saved ones bit for bit', async () => {
    const path = join(dir, 'round.model.json')
    const saved = model()
    await writeModelFile(path, saved)
    const loaded = await load(path)
    assert.deepEqual(Array.from(loaded.params.W1.data), saved.params.W1.values)
    assert.deepEqual(loaded.settings, settings)
  })

  it('leaves no temporary file behind and replaces an existing file whole', async () => {
    const path = join(dir, 'replace.model.json')
    await writeFile(path, 'old contents')
    await writeModelFile(path, model())
    assert.equal((await readdir(dir)).filter((n) => n.endsWith('.tmp')).length, 0)
    assert.equal(parseModelFile(JSON.parse(await readFile(path, 'utf8'))).settings.hiddenSize, 5)
  })

  it('a failed save names the file and the problem in words', async () => {
    await assert.rejects(writeModelFile(join(dir, 'no-such-folder', 'm.json'), model()), (error: Error) => error.name === 'LabInputError' && /^model file m\.json could not be saved: the folder .*no-such-folder does not exist/.test(error.message))
    await mkdir(join(dir, 'taken.json'))
    await assert.rejects(writeModelFile(join(dir, 'taken.json'), model()), /^LabInputError: model file taken\.json could not be saved: a folder of that name is in the way/)
    assert.equal((await readdir(dir)).filter((n) => n.endsWith('.tmp')).length, 0, 'no temporary file left behind')
  })

  it('a write into a missing folder fails and creates nothing', async () => {
    await assert.rejects(writeFileAtomic(join(dir, 'no-such-folder', 'x.json'), '{}'), /ENOENT/)
  })
})

describe('bad model files are refused, saying which file and what is wrong', () => {
  const json = (mutate: (m: Record<string, any>) => void) => {
    const m = model() as unknown as Record<string, any>
    mutate(m)
    return JSON.stringify(m)
  }
  const cases: [string, string | (() => string), RegExp][] = [
    ['an empty file', '', /model file bad\.json is empty/],
    ['truncated JSON', () => json(() => {}).slice(0, 500), /model file bad\.json is not valid JSON .*truncated/],
    ['a NaN literal (not JSON)', () => json(() => {}).replace('"finalLoss":2.2', '"finalLoss":NaN'), /model file bad\.json is not valid JSON/],
    ['another format', () => json((m) => (m.format = 'keras-h5')), /format must be "backprop-lab-model", got "keras-h5"/],
    ['a newer version', () => json((m) => (m.version = 2)), /version 2 is not supported/],
    ['a wrong W1 shape', () => json((m) => (m.params.W1.shape = [784, 6])), /params\.W1\.shape must be \[784, 5\]/],
    ['too few values', () => json((m) => m.params.b2.values.pop()), /params\.b2\.values must hold 10 numbers/],
    ['an infinite weight (1e999)', () => json(() => {}).replace(/("W2":\{"shape":\[5,10\],"values":\[)[^,]+/, '$11e999'), /params\.W2\.values\[0\] must be a finite number, got Infinity/],
    ['a missing field', () => json((m) => delete m.params), /params must be an object/],
    // finite in float64 but Infinity in the network's float32 weights (issue 13: it loaded and then saved as null)
    ['W2 values of 1e300', () => json((m) => (m.params.W2.values[7] = 1e300)), /params\.W2\.values\[7\] is 1e\+300, beyond float32's range/],
    ['a b1 value just past float32', () => json((m) => (m.params.b1.values[2] = -3.5e38)), /params\.b1\.values\[2\] is -3\.5e\+38, beyond float32's range/],
  ]
  for (const [what, content, message] of cases) {
    it(`refuses ${what}`, async () => {
      const path = join(dir, 'bad.json')
      await writeFile(path, typeof content === 'string' ? content : content())
      await assert.rejects(load(path), message)
    })
  }

  it('refuses a folder, a missing file and an oversized file before reading them', async () => {
    await mkdir(join(dir, 'folder.json'))
    await assert.rejects(readModelFile(join(dir, 'folder.json')), /model file folder\.json is a folder, not a file/)
    await assert.rejects(readModelFile(join(dir, 'gone.json')), /model file gone\.json does not exist/)
    await writeFile(join(dir, 'huge.json'), '')
    await truncate(join(dir, 'huge.json'), MAX_MODEL_FILE_BYTES + 1)
    await assert.rejects(readModelFile(join(dir, 'huge.json')), /huge\.json is 67,108,865 bytes, more than a Backprop Lab model can be \(64 MB\)/)
  })

  it('says a symlink loop is one, naming the file, and a dangling link where it points', async () => {
    await symlink(join(dir, 'loop.json'), join(dir, 'loop.json'))
    await assert.rejects(readModelFile(join(dir, 'loop.json')), /model file loop\.json is a symbolic link that leads back to itself \(ELOOP\)/)
    await symlink(join(dir, 'nowhere.json'), join(dir, 'dangling.json'))
    await assert.rejects(readModelFile(join(dir, 'dangling.json')), /model file dangling\.json is a symbolic link to .*nowhere\.json, which does not exist/)
  })

  it('uses the engine’s size limit, which the browser edition checks too', async () => {
    const { MAX_MODEL_FILE_BYTES: engine } = await import('../../src-worker/session/model-file')
    assert.equal(MAX_MODEL_FILE_BYTES, engine)
  })
})
