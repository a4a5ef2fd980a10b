import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseManifest, readManifestFile } from './manifest-file'
import { DATASET_PINS, manifestBytes } from './dataset-pins'

const good = () => JSON.parse(JSON.stringify(DATASET_PINS.mnist.files)) as Record<string, Record<string, unknown>>

describe('--manifest files', () => {
  it('reads a good manifest, lowercasing the hex', () => {
    const raw = good()
    raw['t10k-labels-idx1-ubyte.gz']!.sha256 = String(raw['t10k-labels-idx1-ubyte.gz']!.sha256).toUpperCase()
    const manifest = parseManifest(JSON.stringify(raw), 'm.json')
    assert.deepEqual(manifest, DATASET_PINS.mnist.files)
  })

  const cases: [string, (m: Record<string, Record<string, unknown>>) => unknown, RegExp][] = [
    ['not JSON', () => '{', /manifest m\.json is not JSON/],
    ['an array', () => [], /must be a JSON object keyed by file name/],
    ['a missing file', (m) => (delete m['train-labels-idx1-ubyte.gz'], m), /lacks train-labels-idx1-ubyte\.gz/],
    ['an unknown file', (m) => ({ ...m, 'readme.txt': { size: 1, sha256: 'a'.repeat(64) } }), /names files the data sets do not have: readme\.txt/],
    ['a size of 0', (m) => ((m['t10k-images-idx3-ubyte.gz']!.size = 0), m), /t10k-images-idx3-ubyte\.gz\.size must be a whole number of bytes above 0, got 0/],
    ['a size as text', (m) => ((m['t10k-images-idx3-ubyte.gz']!.size = '12'), m), /size must be a whole number.*got "12"/],
    ['a short hash', (m) => ((m['train-images-idx3-ubyte.gz']!.sha256 = 'abc'), m), /train-images-idx3-ubyte\.gz\.sha256 must be 64 hex digits, got "abc"/],
    ['no hash', (m) => (delete m['train-images-idx3-ubyte.gz']!.sha256, m), /sha256 must be 64 hex digits, got nothing/],
    ['an extra field', (m) => ((m['train-images-idx3-ubyte.gz']!.md5 = 'x'), m), /unknown fields md5/],
  ]
  for (const [name, edit, message] of cases) {
    it(`refuses ${name}, naming the file and the problem`, () => {
      const edited = edit(good())
      assert.throws(() => parseManifest(typeof edited === 'string' ? edited : JSON.stringify(edited), 'm.json'), message)
    })
  }

  it('names a manifest file that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'))
    await assert.rejects(readManifestFile(join(dir, 'none.json')), /none\.json cannot be read: it does not exist/)
    writeFileSync(join(dir, 'big.json'), ' '.repeat(70_000))
    await assert.rejects(readManifestFile(join(dir, 'big.json')), /big\.json is 70000 bytes/)
  })

  it('pins the sizes the TFDS checksums list: ~11 MB for MNIST, ~30 MB for Fashion-MNIST', () => {
    assert.equal(manifestBytes(DATASET_PINS.mnist.files), 9912422 + 28881 + 1648877 + 4542)
    assert.equal(manifestBytes(DATASET_PINS.fashion.files), 26421880 + 29515 + 4422102 + 5148)
    assert.match(DATASET_PINS.mnist.files['train-images-idx3-ubyte.gz'].sha256, /^440fcabf.*3609$/)
    assert.match(DATASET_PINS.fashion.files['t10k-labels-idx1-ubyte.gz'].sha256, /^67da17c7.*f8dd5$/)
  })
})
