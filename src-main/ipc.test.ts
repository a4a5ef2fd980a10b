import { afterEach, beforeEach, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Channel, type LabEvent, type RunRecord, type WorkerCommand } from '../src-worker/protocol'
import { BOOK_SETTINGS } from '../src-worker/session/validate'
import { runId } from '../src-worker/session/run-record'
import { RunHistory } from './run-history'
import { createHandlers, ForeignSenderError, type Dialogs, type SenderInfo } from './ipc'
import { MyDigitsFile } from './files/my-digits-file'
import { APP_PAGE_URL } from './navigation'

const PAGE = APP_PAGE_URL
const ownContents = { id: 1 }
const fromUs: SenderInfo = { sender: ownContents, senderFrame: { parent: null, url: PAGE } }

let dir: string
let commands: WorkerCommand[]
let notified: LabEvent[]
let readyCalls: number
let dialogs: Dialogs & { answer?: string }
let history: RunHistory
let changes: (string | null)[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bpl-ipc-'))
  commands = []
  notified = []
  readyCalls = 0
  history = new RunHistory(join(dir, 'runs'))
  changes = []
  const answer = () => Promise.resolve(dialogs.answer)
  dialogs = { chooseIdxFolder: answer, chooseModelToOpen: answer, chooseModelSavePath: answer, chooseCsvSavePath: answer, chooseJsonSavePath: answer }
})
afterEach(() => rm(dir, { recursive: true, force: true }))

function handlers(model: unknown = { format: 'backprop-lab-model' }) {
  return createHandlers({
    ownWebContents: () => ownContents,
    pageUrl: PAGE,
    host: {
      command: (c) => void commands.push(c),
      notify: (e) => void notified.push(e),
      rendererReady: () => void readyCalls++,
      request: async <T>(_c: WorkerCommand, pick: (e: LabEvent) => T | undefined) => pick({ type: 'model', model })!,
    },
    history,
    historyChanged: (problem) => void changes.push(problem),
    dialogs,
    myDigits: new MyDigitsFile(join(dir, 'my-digits.json')),
  })
}

describe('IPC sender check (STYLE.md §C: our window, main frame, our page)', () => {
  const foreign: [string, SenderInfo, RegExp][] = [
    ['another webContents', { sender: { id: 2 }, senderFrame: { parent: null, url: PAGE } }, /not the Backprop Lab window/],
    ['a subframe of our window', { sender: ownContents, senderFrame: { parent: {}, url: PAGE } }, /subframe/],
    ['our window showing a foreign page', { sender: ownContents, senderFrame: { parent: null, url: 'https://evil.example/index.html' } }, /sending page "https:\/\/evil\.example/],
    ['another local file', { sender: ownContents, senderFrame: { parent: null, url: 'file:///tmp/evil.html' } }, /is not Backprop Lab's/],
    ['the built page opened over file://', { sender: ownContents, senderFrame: { parent: null, url: 'file:///C:/Program%20Files/Backprop%20Lab/resources/app.asar/out/renderer/index.html' } }, /is not Backprop Lab's/],
    ['another page of app://', { sender: ownContents, senderFrame: { parent: null, url: 'app://backprop-lab/assets/evil.html' } }, /is not Backprop Lab's/],
    ['a frame that is gone', { sender: ownContents, senderFrame: null }, /sending frame is gone/],
  ]
  for (const [who, event, message] of foreign) {
    it(`refuses a command from ${who} and does nothing`, () => {
      assert.throws(() => handlers()[Channel.command](event, { type: 'stop' }), (e: Error) => e instanceof ForeignSenderError && message.test(e.message))
      assert.deepEqual(commands, [])
      assert.deepEqual(notified, [], 'a foreign sender learns nothing')
    })
  }

  it('refuses every channel when the window is closed', async () => {
    const h = createHandlers({ ownWebContents: () => undefined, pageUrl: PAGE, host: { command() {}, notify() {}, rendererReady() {}, request: async () => undefined as never }, history, dialogs, myDigits: new MyDigitsFile(join(dir, 'my-digits.json')) })
    await assert.rejects(h[Channel.listRuns](fromUs), /lab:list-runs: refused: the sender is not the Backprop Lab window/)
  })

  it('accepts our page with a hash and passes a parsed command to the worker', () => {
    handlers()[Channel.command]({ ...fromUs, senderFrame: { parent: null, url: `${PAGE}#/train` } }, { type: 'start', settings: { ...BOOK_SETTINGS } })
    assert.deepEqual(commands, [{ type: 'start', settings: BOOK_SETTINGS }])
  })

  it('lab:ready completes the handshake', () => {
    handlers()[Channel.ready](fromUs)
    assert.equal(readyCalls, 1)
  })
})

describe('IPC payload validation: malformed commands are refused naming the field', () => {
  const pixels = (n: number, at = -1, value = 0) => Float32Array.from({ length: n }, (_, i) => (i === at ? value : 0.5))
  const start = (patch: object) => ({ type: 'start', settings: { ...BOOK_SETTINGS, ...patch } })
  const malformed: [string, unknown, RegExp][] = [
    ['null', null, /command must be an object, got null/],
    ['an unknown type', { type: 'formatDisk' }, /command type "formatDisk" is not one the renderer may send/],
    ['loadIdx (main-only)', { type: 'loadIdx', files: {} }, /command type "loadIdx" is not one the renderer may send/],
    ['importModel (main-only)', { type: 'importModel', model: {}, fileName: 'x' }, /command type "importModel"/],
    ['start without settings', { type: 'start' }, /settings must be an object, got undefined/],
    ['a NaN learning rate', start({ learningRate: NaN }), /learningRate must be a finite number in \(0, 10\], got NaN/],
    ['a fractional hidden size', start({ hiddenSize: 1.5 }), /hiddenSize must be an integer in \[1, 1024\], got 1.5/],
    ['zero iterations', start({ iterations: 0 }), /iterations must be an integer in \[1, 1000000\], got 0/],
    ['a string batch size', start({ batchSize: '100' }), /batchSize must be an integer .*got "100"/],
    ['an unknown activation', start({ activation: 'tanh' }), /activation must be "relu" or "sigmoid", got "tanh"/],
    ['an extra settings field', start({ momentum: 0.9 }), /settings has an unknown field "momentum"/],
    ['a negative seed', start({ seed: -1 }), /seed must be an integer in \[0, 4294967295\], got -1/],
    ['pixels as a plain array', { type: 'predict', requestId: 1, pixels: [0, 1] }, /pixels must be a Float32Array, got an array/],
    ['783 pixels', { type: 'predict', requestId: 1, pixels: pixels(783) }, /pixels must hold 784 values \(28×28\), got 783/],
    ['a pixel out of range', { type: 'predict', requestId: 1, pixels: pixels(784, 5, 2) }, /pixels\[5\] must be in \[0, 1\], got 2/],
    ['a negative requestId', { type: 'predict', requestId: -1, pixels: pixels(784) }, /requestId must be a non-negative integer, got -1/],
    ['a string sample index', { type: 'sampleTest', index: 'a' }, /index must be a non-negative integer, got "a"/],
    ['pause with a stray field', { type: 'pause', now: true }, /command pause has an unknown field "now"/],
  ]
  for (const [what, payload, message] of malformed) {
    it(`refuses ${what}`, () => {
      assert.throws(() => handlers()[Channel.command](fromUs, payload), message)
      assert.deepEqual(commands, [], 'nothing reached the worker')
    })
  }

  it('tells the renderer about a refused command it can recognise, as a rejected event', () => {
    assert.throws(() => handlers()[Channel.command](fromUs, start({ learningRate: NaN })))
    assert.equal(notified.length, 1)
    assert.ok(notified[0]!.type === 'rejected' && notified[0]!.command === 'start' && /learningRate/.test(notified[0]!.message))
  })

  it('refuses a path-like runId before touching the disk', async () => {
    await assert.rejects(handlers()[Channel.exportRunCsv](fromUs, '../../etc/passwd'), /runId must be letters, digits and '-' only .*got "\.\.\/\.\.\/etc\/passwd"/)
  })

  it('refuses arguments on channels that take none', async () => {
    await assert.rejects(handlers()[Channel.listRuns](fromUs, { all: true }), /lab:list-runs takes no arguments, got 1/)
    await assert.rejects(handlers()[Channel.exportRunCsv](fromUs, 'a', 'b'), /takes one argument \(runId\), got 2/)
  })
})

describe('IPC file handlers (native dialogs answered by the test)', () => {
  it('saveModel writes the worker model where the user chose and returns the path', async () => {
    dialogs.answer = join(dir, 'net.model.json')
    const path = await handlers({ format: 'backprop-lab-model', version: 1 })[Channel.saveModel](fromUs)
    assert.equal(path, dialogs.answer)
    assert.deepEqual(JSON.parse(await readFile(path!, 'utf8')), { format: 'backprop-lab-model', version: 1 })
  })

  it('saveModel resolves null when the user cancels', async () => {
    assert.equal(await handlers()[Channel.saveModel](fromUs), null)
  })

  it('loadModel sends the parsed JSON and the file name to the worker', async () => {
    dialogs.answer = join(dir, 'mine.json')
    await writeFile(dialogs.answer, '{"format":"backprop-lab-model"}')
    await handlers()[Channel.loadModel](fromUs)
    assert.deepEqual(commands, [{ type: 'importModel', model: { format: 'backprop-lab-model' }, fileName: 'mine.json' }])
  })

  it('loadModel of a truncated file reports a rejected importModel naming the file', async () => {
    dialogs.answer = join(dir, 'cut.json')
    await writeFile(dialogs.answer, '{"format":"backprop-lab-model","params":{"W1":')
    await handlers()[Channel.loadModel](fromUs)
    assert.deepEqual(commands, [])
    assert.ok(notified[0]?.type === 'rejected' && notified[0].command === 'importModel')
    assert.match(notified[0].message, /model file cut\.json is not valid JSON/)
  })

  it('openIdxData of a folder without the IDX files reports a rejected loadIdx naming what is missing', async () => {
    dialogs.answer = join(dir, 'mnist')
    await mkdir(dialogs.answer)
    await writeFile(join(dialogs.answer, 'train-images-idx3-ubyte.gz'), 'x')
    await handlers()[Channel.openIdxData](fromUs)
    assert.deepEqual(commands, [])
    assert.ok(notified[0]?.type === 'rejected' && notified[0].command === 'loadIdx')
    assert.match(notified[0].message, /lacks train-labels-idx1-ubyte\[\.gz\], t10k-images-idx3-ubyte\[\.gz\], t10k-labels-idx1-ubyte\[\.gz\]/)
  })

  it('openIdxData sends the four files bytes to the worker, each in its own buffer', async () => {
    dialogs.answer = join(dir, 'mnist')
    await mkdir(dialogs.answer)
    const names = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte', 't10k-images.idx3-ubyte', 't10k-labels-idx1-ubyte.gz']
    for (const [i, name] of names.entries()) await writeFile(join(dialogs.answer, name), Buffer.from([i, i, i]))
    await handlers()[Channel.openIdxData](fromUs)
    const command = commands[0]
    assert.ok(command?.type === 'loadIdx')
    assert.deepEqual(Object.values(command.files).map((f) => f.name), names)
    assert.deepEqual([...command.files.testImages.bytes], [2, 2, 2])
    assert.ok(Object.values(command.files).every((f) => f.bytes.byteLength === f.bytes.buffer.byteLength))
  })
})

describe('My digits over IPC (lab:list-my-digits, lab:save-my-digits)', () => {
  const digit = (id: string, label: number) => ({ id, label, keptAt: '2026-12-03T07:00:00.000Z', pixels: new Uint8Array(784).fill(label * 20) })

  it('keeps what the renderer saves and lists it back, byte for byte', async () => {
    const h = handlers()
    await h[Channel.saveMyDigits](fromUs, [digit('a', 3), digit('b', 7)])
    const { digits, warning } = await h[Channel.listMyDigits](fromUs)
    assert.equal(warning, null)
    assert.deepEqual(digits.map((d) => [d.id, d.label, d.pixels[0]]), [['a', 3, 60], ['b', 7, 140]])
  })

  it('refuses a bad payload by naming the digit and the field, and writes nothing', async () => {
    const h = handlers()
    await assert.rejects(h[Channel.saveMyDigits](fromUs, [digit('a', 3), { ...digit('b', 7), label: 12 }]), /digit 2: label must be a digit 0–9, got 12/)
    await assert.rejects(h[Channel.saveMyDigits](fromUs, [{ ...digit('a', 1), pixels: new Uint8Array(10) }]), /pixels must hold 784 values/)
    await assert.rejects(h[Channel.saveMyDigits](fromUs, 'all of them'), /must be a list/)
    await assert.rejects(h[Channel.saveMyDigits](fromUs, [digit('x', 1), digit('x', 2)]), /the id x appears twice/)
    assert.deepEqual((await h[Channel.listMyDigits](fromUs)).digits, [])
  })

  it('refuses a foreign sender on both channels', async () => {
    const foreignEvent: SenderInfo = { sender: { id: 2 }, senderFrame: { parent: null, url: PAGE } }
    await assert.rejects(handlers()[Channel.saveMyDigits](foreignEvent, []), ForeignSenderError)
    await assert.rejects(handlers()[Channel.listMyDigits](foreignEvent), ForeignSenderError)
  })
})

describe('run history over IPC (RunHistoryApi on the desktop): sender, then payload, then the folder', () => {
  function run(startedAt: string, n = 3): RunRecord {
    const losses = Float32Array.from({ length: n }, (_, i) => 2.3 / (i + 1))
    return {
      format: 'backprop-lab-run', version: 1, id: runId(new Date(startedAt), 42), startedAt, finishedAt: startedAt,
      settings: { ...BOOK_SETTINGS, iterations: n },
      dataset: { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 },
      backend: 'reference', reason: 'completed',
      summary: { iterations: n, seed: 42, finalLoss: losses[n - 1]!, trainAccuracy: 0.8, testAccuracy: 0.79, msPerIteration: 2, totalSeconds: 0.1 },
      losses, epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }],
    }
  }
  const a = run('2026-12-01T09:00:00.000Z', 5)
  const b = run('2026-12-02T09:00:00.000Z', 4)
  beforeEach(async () => {
    await history.save(a)
    await history.save(b)
  })

  it('lists summaries only, newest first, and hands a curve over when asked', async () => {
    const h = handlers()
    const listing = await h[Channel.listRuns](fromUs)
    assert.deepEqual(listing.runs.map((r) => [r.id, r.losses.length]), [[b.id, 0], [a.id, 0]])
    const losses = await h[Channel.runLosses](fromUs, a.id)
    assert.ok(losses instanceof Float32Array)
    assert.deepEqual(Array.from(losses), Array.from(a.losses))
  })

  it('names the field for each bad payload and touches nothing', async () => {
    const h = handlers()
    await assert.rejects(h[Channel.runLosses](fromUs, 7), /runId must be letters, digits and '-' only .*got 7/)
    await assert.rejects(h[Channel.deleteRun](fromUs, '../runs'), /runId must be letters/)
    await assert.rejects(h[Channel.deleteRun](fromUs, a.id, 'and more'), /lab:delete-run takes one argument \(runId\), got 2/)
    await assert.rejects(h[Channel.labelRun](fromUs, a.id, { name: 'x'.repeat(81), note: '' }), /the run's name is 81 characters long; at most 80 fit/)
    await assert.rejects(h[Channel.labelRun](fromUs, a.id, { name: 'ok', note: 'n'.repeat(401) }), /the run's note is 401 characters long; at most 400 fit/)
    await assert.rejects(h[Channel.labelRun](fromUs, a.id, { name: 3, note: '' }), /the run's name must be text, got 3/)
    await assert.rejects(h[Channel.labelRun](fromUs, a.id, 'lr 0.1'), /the run's label must be an object with a name and a note, got "lr 0.1"/)
    await assert.rejects(h[Channel.clearRuns](fromUs, true), /lab:clear-runs takes no arguments, got 1/)
    assert.equal((await history.list()).runs.length, 2, 'nothing was deleted')
    assert.deepEqual(changes, [])
  })

  it('a foreign sender can neither read, label, delete nor clear', async () => {
    const foreignEvent: SenderInfo = { sender: ownContents, senderFrame: { parent: {}, url: PAGE } }
    const h = handlers()
    await assert.rejects(h[Channel.runLosses](foreignEvent, a.id), ForeignSenderError)
    await assert.rejects(h[Channel.labelRun](foreignEvent, a.id, { name: 'x', note: '' }), ForeignSenderError)
    await assert.rejects(h[Channel.deleteRun](foreignEvent, a.id), ForeignSenderError)
    await assert.rejects(h[Channel.clearRuns](foreignEvent), ForeignSenderError)
    await assert.rejects(h[Channel.exportAllRuns](foreignEvent), ForeignSenderError)
    assert.equal((await history.list()).runs.length, 2)
  })

  it('labels, deletes one and clears the rest, telling the window each time', async () => {
    const h = handlers()
    await h[Channel.labelRun](fromUs, a.id, { name: '  book settings ', note: 'first try' })
    const labelled = (await h[Channel.listRuns](fromUs)).runs.find((r) => r.id === a.id)
    assert.deepEqual([labelled?.name, labelled?.note], ['book settings', 'first try'])
    assert.deepEqual(Array.from(await h[Channel.runLosses](fromUs, a.id)), Array.from(a.losses), 'a label keeps the losses')
    await h[Channel.deleteRun](fromUs, b.id)
    assert.deepEqual((await h[Channel.listRuns](fromUs)).runs.map((r) => r.id), [a.id])
    await h[Channel.clearRuns](fromUs)
    assert.deepEqual((await h[Channel.listRuns](fromUs)).runs, [])
    assert.deepEqual(changes, [null, null, null])
  })

  it('exports one run as JSON and all runs as one JSON file where the user chose; a cancel writes nothing', async () => {
    const h = handlers()
    assert.equal(await h[Channel.exportRunJson](fromUs, a.id), null)
    dialogs.answer = join(dir, 'a.json')
    assert.equal(await h[Channel.exportRunJson](fromUs, a.id), dialogs.answer)
    const one = JSON.parse(await readFile(dialogs.answer, 'utf8'))
    assert.deepEqual(one.losses, Array.from(a.losses), 'losses as a plain array, every one')
    dialogs.answer = join(dir, 'all.json')
    await h[Channel.exportAllRuns](fromUs)
    const all = JSON.parse(await readFile(dialogs.answer, 'utf8'))
    assert.equal(all.format, 'backprop-lab-runs')
    assert.deepEqual(all.runs.map((r: RunRecord) => [r.id, r.losses.length]), [[b.id, 4], [a.id, 5]])
    dialogs.answer = join(dir, 'a.csv')
    await h[Channel.exportRunCsv](fromUs, a.id)
    assert.equal((await readFile(dialogs.answer, 'utf8')).trimEnd().split('\n').length, 1 + 5)
  })

  it("useRunModel sends the run's kept weights to the worker as importModel; a run without weights is refused by name", async () => {
    const model = { format: 'backprop-lab-model', version: 1 }
    const c = { ...run('2026-12-03T09:00:00.000Z', 3), model }
    await history.save(c)
    const h = handlers()
    await h[Channel.useRunModel](fromUs, c.id)
    assert.deepEqual(commands, [{ type: 'importModel', model, fileName: `run ${c.id}` }])
    await assert.rejects(h[Channel.useRunModel](fromUs, a.id), /has no weights kept/)
    await assert.rejects(h[Channel.useRunModel](fromUs, { id: c.id }), /runId must be letters/)
    await assert.rejects(h[Channel.useRunModel]({ sender: { id: 9 }, senderFrame: { parent: null, url: PAGE } }, c.id), ForeignSenderError)
    assert.equal(commands.length, 1)
  })
})

