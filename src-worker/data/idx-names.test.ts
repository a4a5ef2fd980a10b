import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ambiguityText, chooseIdxNames, idxSizeProblem, isIdxName, MAX_IDX_FILE_BYTES } from './idx-names'

const FOUR = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']

describe('IDX file names (one rule for the CLI, the desktop and the browser)', () => {
  it('matches raw, .gz, the .idx spelling and any case', () => {
    for (const name of ['train-images-idx3-ubyte', 'train-images-idx3-ubyte.gz', 'train-images.idx3-ubyte', 'TRAIN-IMAGES-IDX3-UBYTE.GZ']) {
      assert.ok(isIdxName(name, 'train-images-idx3-ubyte'), name)
    }
    for (const name of ['train-images-idx3-ubyte.zip', 'my-train-images-idx3-ubyte', 'train-images-idx3-ubyte.gz.gz']) {
      assert.ok(!isIdxName(name, 'train-images-idx3-ubyte'), name)
    }
  })

  it('picks the four files, ignoring other files', () => {
    const choice = chooseIdxNames(['README', ...FOUR.map((n) => `${n}.gz`)])
    assert.deepEqual(choice, { ok: true, names: { trainImages: 'train-images-idx3-ubyte.gz', trainLabels: 'train-labels-idx1-ubyte.gz', testImages: 't10k-images-idx3-ubyte.gz', testLabels: 't10k-labels-idx1-ubyte.gz' } })
  })

  it('refuses a raw file beside its .gz, whichever comes first, naming both', () => {
    for (const order of [['t10k-images-idx3-ubyte.gz', 't10k-images-idx3-ubyte'], ['t10k-images-idx3-ubyte', 't10k-images-idx3-ubyte.gz']]) {
      const choice = chooseIdxNames([...FOUR.filter((n) => !n.startsWith('t10k-images')), ...order])
      assert.deepEqual(choice, { ok: false, missing: [], ambiguous: [['t10k-images-idx3-ubyte', 't10k-images-idx3-ubyte.gz']] })
    }
  })

  it('reports what is missing as name[.gz]', () => {
    const choice = chooseIdxNames(FOUR.slice(0, 3))
    assert.deepEqual(choice, { ok: false, missing: ['t10k-labels-idx1-ubyte[.gz]'], ambiguous: [] })
  })

  it('words an ambiguity naming every file and what to do', () => {
    const text = ambiguityText([['a-idx3-ubyte', 'a-idx3-ubyte.gz']], 'folder /data holds')
    assert.match(text, /^folder \/data holds both a-idx3-ubyte and a-idx3-ubyte\.gz: .*keep only one/)
  })

  it('states the size limit with both sizes', () => {
    assert.equal(idxSizeProblem('x.gz', MAX_IDX_FILE_BYTES), null)
    assert.equal(idxSizeProblem('x.gz', 70 * 2 ** 20), 'x.gz is 70 MB, more than an MNIST IDX file can be (64 MB)')
  })
})
