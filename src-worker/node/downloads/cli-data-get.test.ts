import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATASET_FILE_NAMES } from '../../datasets'
import { startTestMirror, type TestMirror } from './test-mirror'
import { parseDataGetArgs } from './cli-data-get-args'

const ROOT = join(__dirname, '..', '..', '..')

/** Runs a CLI script as `npm run …` does, without blocking this process (it serves the mirror). */
function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
const dataGet = (args: string[], env?: Record<string, string>) => cli(join('src-worker', 'node', 'downloads', 'cli-data-get.ts'), args, env)
const train = (args: string[], env?: Record<string, string>) => cli(join('src-worker', 'node', 'cli-train.ts'), args, env)

let root: string
let m: TestMirror
let manifest: string
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'data-get-'))
  m = await startTestMirror({ bad: { status: 503 }, good: 'ok' })
  manifest = join(root, 'manifest.json')
  writeFileSync(manifest, JSON.stringify(m.manifest))
})
after(async () => {
  await m.close()
  rmSync(root, { recursive: true, force: true })
})

describe('npm run data:get (spawned, against a local server)', () => {
  it('writes the four files into --dest after a 503 on the first mirror, and train --data DIR trains on them', async () => {
    const dest = join(root, 'dest')
    const got = await dataGet(['mnist', '--mirror', m.urls[0]!, '--mirror', m.urls[1]!, '--manifest', manifest, '--dest', dest])
    assert.equal(got.code, 0, got.stderr)
    assert.deepEqual(readdirSync(dest).sort(), [...DATASET_FILE_NAMES].sort())
    assert.match(got.stdout, /train-images-idx3-ubyte\.gz: downloaded from http:\/\/127\.0\.0\.1:\d+\/good\/train-images-idx3-ubyte\.gz, size and SHA-256 verified/)
    const again = await dataGet(['mnist', '--mirror', m.urls[1]!, '--manifest', manifest, '--dest', dest])
    assert.match(again.stdout, /already there and verified, not downloaded again/)
    const trained = await train(['--data', dest, '--iters', '2', '--batch', '4', '--json'])
    assert.equal(trained.code, 0, trained.stderr)
    assert.ok('testAccuracy' in JSON.parse(trained.stdout.trim().split('\n').at(-1)!))
  })

  it('offline: names every mirror tried and why, points to opening a folder, exits 1 and leaves nothing', async () => {
    const dest = join(root, 'offline')
    const got = await dataGet(['fashion', '--mirror', m.urls[0]!, '--mirror', 'http://127.0.0.1:1/x/', '--manifest', manifest, '--dest', dest])
    assert.equal(got.code, 1)
    assert.match(got.stderr, /could not download train-images-idx3-ubyte\.gz from any mirror/)
    assert.match(got.stderr, /\/bad\/train-images-idx3-ubyte\.gz: HTTP 503/)
    assert.match(got.stderr, /127\.0\.0\.1:1\/x\/train-images-idx3-ubyte\.gz: /)
    assert.match(got.stderr, /npm run train -- --data DIR.*Open MNIST IDX files…/s)
    assert.equal(existsSync(dest), false, 'no empty folder left either')
  })

  it('without --dest fills the lab\'s cache, which train --data mnist then reads', { skip: process.platform !== 'linux' && 'the cache is redirected through XDG_CONFIG_HOME, which only Linux reads' }, async () => {
    const config = join(root, 'xdg')
    const before = await train(['--data', 'mnist', '--iters', '1'], { XDG_CONFIG_HOME: config })
    assert.equal(before.code, 1)
    assert.match(before.stderr, /MNIST is not downloaded yet \(looked in .*xdg\/Backprop Lab\/datasets\/mnist\); run `npm run data:get -- mnist` first/)
    const got = await dataGet(['mnist', '--mirror', m.urls[1]!, '--manifest', manifest], { XDG_CONFIG_HOME: config })
    assert.equal(got.code, 0, got.stderr)
    assert.deepEqual(readdirSync(join(config, 'Backprop Lab', 'datasets', 'mnist')).sort(), [...DATASET_FILE_NAMES].sort())
    const trained = await train(['--data', 'mnist', '--iters', '2', '--batch', '4'], { XDG_CONFIG_HOME: config })
    assert.equal(trained.code, 0, trained.stderr)
    assert.match(trained.stdout, /data: MNIST, downloaded \(12 train \/ 5 test\)/)
  })

  it('bad flags exit 2 with the problem and the usage; a bad manifest exits 1 naming it', async () => {
    const none = await dataGet([])
    assert.equal(none.code, 2)
    assert.match(none.stderr, /^error: name one data set, mnist or fashion; got none\n\nusage: npm run data:get/)
    const bad = join(root, 'bad.json')
    writeFileSync(bad, '{"train-images-idx3-ubyte.gz": 3}')
    const got = await dataGet(['mnist', '--manifest', bad, '--dest', join(root, 'never')])
    assert.equal(got.code, 1)
    assert.match(got.stderr, /manifest .*bad\.json lacks train-labels-idx1-ubyte\.gz/)
  })
})

describe('data:get flags', () => {
  it('parse the data set, repeated mirrors, manifest, dest and timeout', () => {
    assert.deepEqual(parseDataGetArgs(['fashion', '--mirror', 'http://a/', '--mirror', 'https://b/x/', '--dest', 'd', '--timeout', '2.5']), {
      dataset: 'fashion', mirrors: ['http://a/', 'https://b/x/'], manifest: null, dest: 'd', idleTimeoutMs: 2500, help: false,
    })
  })
  it('refuse what they cannot use, saying what was typed', () => {
    assert.throws(() => parseDataGetArgs(['kmnist']), /unknown data set "kmnist"; the lab can download mnist or fashion/)
    assert.throws(() => parseDataGetArgs(['mnist', 'fashion']), /name one data set.*got mnist fashion/)
    assert.throws(() => parseDataGetArgs(['mnist', '--mirror', 'ftp://x/']), /--mirror: "ftp:\/\/x\/" must be an http or https URL/)
    assert.throws(() => parseDataGetArgs(['mnist', '--mirror', 'nowhere']), /--mirror: "nowhere" is not a URL/)
    assert.throws(() => parseDataGetArgs(['mnist', '--timeout', '0x10']), /--timeout: seconds must be a decimal number in \(0, 3600\], got "0x10"/)
    assert.throws(() => parseDataGetArgs(['mnist', '--dest', '']), /--dest: needs a path/)
  })
})
