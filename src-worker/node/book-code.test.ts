// The layer classes the Layers pane prints as the book's (src-worker/layers/book-code.ts) are the ones the numpy
// reference of `npm run bench` runs (bench_numpy.py): one text, checked, so neither can drift from the other.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { BOOK_CODE } from '../layers/book-code'

const bench = readFileSync(join(__dirname, 'bench_numpy.py'), 'utf8')

describe("the book's layer classes, shown and benchmarked", () => {
  for (const name of ['Relu', 'Affine', 'SoftmaxWithLoss'] as const) {
    it(`${name}: the class the Layers pane shows is, line for line, the one the numpy benchmark runs`, () => {
      assert.ok(bench.includes(`${BOOK_CODE[name]}\n`), `bench_numpy.py has no class ${name} exactly as book-code.ts prints it`)
    })
  }
})
