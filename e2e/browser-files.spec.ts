// Files that can't hurt (#13 §3), in the browser edition: a default-data asset that fails once and a retry,
// a raw IDX file picked beside its .gz, an init std float32 cannot hold.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'fflate'
import { expect, test } from '@playwright/test'
import { goodIdxFiles } from '../src-worker/data/idx-fixtures'
import { initParams } from '../src-worker/net/two-layer-net'
import { Random } from '../src-worker/net/random'
import { MAX_MODEL_FILE_BYTES, toModelFile } from '../src-worker/session/model-file'
import { BOOK_SETTINGS } from '../src-worker/session/validate'

const ARTIFACTS = resolve(__dirname, 'artifacts')

test('a default-data asset that answers 503 once: the retry loads the digits and clears both stale messages', async ({ page }) => {
  let answered503 = 0
  await page.route(/mnist-default[^/]*\.bin$/, (route) => {
    if (answered503++ > 0) return route.continue()
    return route.fulfill({ status: 503, body: 'busy' })
  })
  await page.goto('/')
  await expect(page.getByTestId('train-notice')).toHaveText(/^⚠The lab could not start: http:\/\/.*\/mnist-default[^ ]*\.bin: HTTP 503/)
  await expect(page.getByTestId('dataset-missing')).toBeVisible()
  await expect(page.getByText('Loading the digits…')).toHaveCount(0)
  await page.screenshot({ path: resolve(ARTIFACTS, 'default-data-503.png'), fullPage: true })

  await page.getByRole('button', { name: 'Use default digits' }).click()
  await expect(page.getByTestId('dataset')).toContainText('7,996 training and 2,004 test digits')
  await expect(page.getByText('Loading the digits…')).toHaveCount(0)
  await expect(page.getByText(/HTTP 503/)).toHaveCount(0)
  await expect(page.getByTestId('dataset-missing')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(answered503).toBe(2)
})

test('a raw IDX file picked beside its .gz is refused naming both; the data stays', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('dataset')).toContainText('7,996 training')
  const files = Object.values(goodIdxFiles(false)).map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) }))
  const gz = { name: 'train-images-idx3-ubyte.gz', mimeType: 'application/gzip', buffer: Buffer.from(gzipSync(goodIdxFiles(false).trainImages.bytes)) }
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open MNIST IDX files…' }).click()
  await (await chooser).setFiles([gz, ...files])
  await expect(page.getByRole('alert')).toContainText('the chosen files include both train-images-idx3-ubyte and train-images-idx3-ubyte.gz')
  await expect(page.getByTestId('dataset')).toContainText('7,996 training')
})

test('an init std of 1e-320 is refused in the form with the float32 reason, and Start stays disabled', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('weightInitStd-input').fill('1e-320')
  await expect(page.locator('#setting-weightInitStd-note')).toContainText('Init std 1e-320 is too small: the network keeps its weights as float32 numbers')
  await expect(page.locator('#setting-weightInitStd-note')).toContainText('1.2e-38')
  await expect(page.getByTestId('start-button')).toBeDisabled()
  await page.getByTestId('weightInitStd-input').fill('0.01')
  await expect(page.locator('#setting-weightInitStd-note')).toContainText('a number from 1.2e-38 to 10')
  await expect(page.getByTestId('start-button')).toBeEnabled()
})

test('a model whose W2 holds 1e300 is refused naming the weight; one over the size limit by its size, unread', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bpl-e2e-models-'))
  try {
    await page.goto('/')
    await expect(page.getByTestId('dataset')).toContainText('7,996 training')
    const settings = { ...BOOK_SETTINGS, hiddenSize: 3 }
    const model = toModelFile(initParams(784, 3, 10, 0.01, new Random(1)), settings, { kind: 'default', name: 'test', trainSize: 1, testSize: 1, expectedTestAccuracy: 0.9 }, { iterations: 1, finalLoss: 2.3, trainAccuracy: 0.1, testAccuracy: 0.1 })
    model.params.W2.values[7] = 1e300
    const huge = join(dir, 'huge.json')
    writeFileSync(huge, '')
    truncateSync(huge, MAX_MODEL_FILE_BYTES + 10 * 2 ** 20) // sparse: nothing is written
    const load = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Load model…' }).click()
      await (await chooser).setFiles(file)
    }
    await load({ name: 'big-w2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) })
    await expect(page.getByTestId('train-notice')).toContainText(/Could not load the model: big-w2\.json: params\.W2\.values\[7\] is 1e\+300, beyond float32's range/)
    await load(huge)
    await expect(page.getByTestId('train-notice')).toContainText('Could not load the model: model file huge.json is 74 MB, more than a Backprop Lab model can be (64 MB)')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
