// The browser edition end to end, in Debian's Chromium: one walk through the lab as a user would take it.
// Screenshots of every pane go to e2e/artifacts/ (gitignored).
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { goodIdxFiles } from '../src-worker/data/idx-fixtures'

const ARTIFACTS = resolve(__dirname, 'artifacts')

test.describe.configure({ mode: 'serial' })

let page: Page
const problems: string[] = []

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  await page.goto('/')
  await expect(page.getByTestId('dataset')).toContainText('digits')
})

test.afterAll(async () => {
  await page.close()
})

const tab = (name: string): Locator => page.getByRole('tab', { name })
const status = (): Locator => page.getByTestId('train-status')

/** Mouse strokes on the drawing pad; points in the pad's 280×280 coordinates. */
async function draw(strokes: [number, number][][]): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox()
  if (!box) throw new Error('the drawing pad is not visible')
  const sx = box.width / 280
  const sy = box.height / 280
  for (const stroke of strokes) {
    const [first, ...rest] = stroke
    await page.mouse.move(box.x + first![0] * sx, box.y + first![1] * sy)
    await page.mouse.down()
    for (const [x, y] of rest) await page.mouse.move(box.x + x * sx, box.y + y * sy, { steps: 4 })
    await page.mouse.up()
  }
}

const ONE: [number, number][][] = [[[150, 45], [145, 140], [140, 235]]]
const ZERO: [number, number][][] = [
  Array.from({ length: 25 }, (_, i) => {
    const a = (i / 24) * 2 * Math.PI
    return [140 + 62 * Math.sin(a), 140 - 90 * Math.cos(a)] as [number, number]
  }),
]

/** The ten probabilities the bars show (full precision in data-probability). */
async function probabilities(bars: Locator): Promise<number[]> {
  const values = await bars.locator('li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-probability'))))
  expect(values).toHaveLength(10)
  return values
}

test('a long run can be paused, resumed and stopped; the loss chart receives points; the gradient check is refused meanwhile', async () => {
  await page.getByTestId('iterations-input').fill('1000000')
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(status()).toHaveAttribute('data-state', 'running')
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/)

  await page.getByTestId('pause-button').click()
  await expect(status()).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('pause-button')).toHaveText('Resume')
  const pausedAt = await status().textContent()
  await expect(status()).toHaveText(pausedAt ?? '')

  await page.getByTestId('pause-button').click()
  await expect(status()).toHaveAttribute('data-state', 'running')
  await expect(status()).not.toHaveText(pausedAt ?? '')

  // the gradient check is refused mid-run: the pane says why and stays usable
  await tab('Gradient check').click()
  await page.getByRole('button', { name: 'Run gradient check' }).click()
  await expect(page.getByRole('alert')).toHaveText('Could not run the gradient check: the gradient check takes seconds; pause or stop the run first.')
  await expect(page.getByRole('button', { name: 'Run gradient check' })).toBeEnabled()
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  await tab('Train').click()

  await page.getByTestId('stop-button').click()
  await expect(status()).toHaveAttribute('data-state', 'finished')
  await expect(status()).toContainText('Stopped')
})

test('a bad setting is named inline with its range and value, and blocks Start', async () => {
  await page.getByTestId('iterations-input').fill('0')
  await expect(page.getByText(/Iterations must be a whole number from 1 to 1,000,000; “0” is not/)).toBeVisible()
  await expect(page.getByTestId('start-button')).toBeDisabled()
  await page.getByRole('textbox', { name: 'Learning rate' }).fill('fast')
  await expect(page.getByText(/Learning rate must be .*“fast” is not/)).toBeVisible()
  await page.getByRole('button', { name: 'Reset' }).click()
  await expect(page.getByTestId('iterations-input')).toHaveValue('10000')
  await expect(page.getByTestId('start-button')).toBeEnabled()
})

test('a short run of 1,000 iterations finishes with accuracies per epoch', async () => {
  await page.getByTestId('iterations-input').fill('1000')
  await page.getByTestId('start-button').click()
  await expect(status()).toHaveAttribute('data-state', 'finished', { timeout: 45_000 })
  await expect(status()).toContainText('1,000 / 1,000')
  const accuracy = Number(await page.getByTestId('test-accuracy').textContent())
  expect(accuracy).toBeGreaterThan(0.8)
  expect(accuracy).toBeLessThanOrEqual(1)
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', '1000')
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/)
  await page.screenshot({ path: resolve(ARTIFACTS, 'train.png'), fullPage: true })
})

test('the trained model downloads as JSON and loads back from the file', async () => {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save model…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^backprop-lab-model-.*\.json$/)
  const file = resolve(ARTIFACTS, download.suggestedFilename())
  await download.saveAs(file)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Load model…' }).click()
  await (await chooser).setFiles(file)
  await expect(page.getByText(/^Loaded backprop-lab-model-.*\.json: test accuracy 0\.\d{4}\. The settings above now show the model’s\.$/)).toBeVisible()
  rmSync(file)
})

test('drawings are recognised: a 1 and a 0, with probabilities summing to 1', async () => {
  await tab('Predict').click()
  await draw(ONE)
  await expect(page.getByTestId('predicted-digit')).toHaveText('1')
  const p = await probabilities(page.getByTestId('probabilities').first())
  expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
  await page.screenshot({ path: resolve(ARTIFACTS, 'predict-1.png'), fullPage: true })

  await page.getByTestId('clear-button').click()
  await expect(page.getByTestId('predicted-digit')).toHaveText('')
  await draw(ZERO)
  await expect(page.getByTestId('predicted-digit')).toHaveText('0')
  await page.getByRole('button', { name: 'Random test digit' }).click()
  await expect(page.getByTestId('sample-result')).toContainText(/label \d, network says \d/)
  await page.screenshot({ path: resolve(ARTIFACTS, 'predict-0.png'), fullPage: true })
})

test('the gradient check (5.7.3) shows progress, both timings and their ratio, four mean differences at most 1e-9, the maps and the largest entry', async () => {
  await tab('Gradient check').click()
  const run = page.getByRole('button', { name: 'Run gradient check' })
  await run.click()
  const progress = page.getByRole('progressbar', { name: 'Gradient check progress' })
  await expect(progress).toBeVisible()
  await expect(page.getByRole('button', { name: 'Checking…' })).toBeDisabled()
  await expect(progress).toHaveAttribute('aria-valuemax', '39760')
  await expect(page.getByTestId('grad-verdict')).toContainText('Backprop agrees', { timeout: 45_000 })
  await expect(progress).toHaveCount(0)
  await expect(page.getByTestId('grad-problem'), 'the refusal of the first test is gone').toHaveCount(0)
  for (const name of ['W1', 'b1', 'W2', 'b2']) {
    const value = Number(await page.getByTestId(`grad-diff-${name}`).getAttribute('data-value'))
    expect(value, name).toBeGreaterThanOrEqual(0)
    expect(value, name).toBeLessThanOrEqual(1e-9)
  }
  await expect(page.getByTestId('grad-time-numerical')).toHaveText(/^\d+(\.\d)? s$/)
  await expect(page.getByTestId('grad-time-backprop')).toHaveText(/^[\d.,]+ (ms|µs)$/)
  await expect(page.getByTestId('grad-ratio')).toHaveText(/^backprop is [\d,]+× faster$/)
  expect(Number(await page.getByTestId('grad-timings').getAttribute('data-ratio'))).toBeGreaterThan(100)
  for (const name of ['W1', 'b1', 'W2', 'b2']) await expect(page.getByRole('img', { name: `|numerical − backprop| for every element of ${name}` })).toBeVisible()
  const largest = page.getByTestId('grad-largest')
  await expect(largest).toContainText(/(W1|b1|W2|b2)\[\d+, \d+\].*: numerical -?\d.*, backprop -?\d.*, \|difference\| \d/)
  await page.screenshot({ path: resolve(ARTIFACTS, 'gradient.png'), fullPage: true })

  // Sigmoid after ReLU: during the run no verdict is shown (the ReLU one is gone), then Sigmoid's arrives
  // the shown pane's select (a tabpanel hidden from view, as the kept Train pane is, has no role to find)
  await page.getByRole('tabpanel').getByLabel('Hidden activation').selectOption('sigmoid')
  await run.click()
  await expect(page.getByTestId('grad-running')).toHaveAttribute('data-activation', 'sigmoid')
  await expect(page.getByTestId('grad-verdict')).toHaveCount(0)
  await expect(page.getByTestId('grad-largest')).toHaveCount(0)
  await expect(page.getByTestId('grad-diff-W1')).toHaveText('—')
  await expect(progress).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/)
  await expect(page.getByTestId('grad-verdict')).toHaveAttribute('data-activation', 'sigmoid', { timeout: 45_000 })
  await expect(page.getByTestId('grad-verdict')).toContainText('Backprop agrees')
  await expect(page.getByTestId('grad-largest')).toHaveAttribute('data-kink', 'no')
})

test("the computational graphs (5.4) show the book's numbers, and follow edited inputs", async () => {
  await tab('Computational graph').click()
  // values appear as they are computed: play both graphs to the end of their backward pass
  await page.getByTestId('apple-controls').getByRole('button', { name: 'Play' }).click()
  await page.getByTestId('both-controls').getByRole('button', { name: 'Play' }).click()
  await expect(page.getByTestId('apple-result')).toHaveText('price 220 · dApple 2.2 · dAppleNum 110 · dTax 200')
  await expect(page.getByTestId('apple-orange-result')).toHaveText('price 715 · dAppleNum 110 · dApple 2.2 · dOrange 3.3 · dOrangeNum 165 · dTax 650')
  await expect(page.getByRole('img', { name: 'Apple and orange graph: price 715' })).toBeVisible()
  await page.screenshot({ path: resolve(ARTIFACTS, 'graph.png'), fullPage: true })
  await page.getByRole('textbox', { name: 'Apples' }).first().fill('3')
  await expect(page.getByTestId('apple-result')).toContainText('price 330')
})

test('inspect shows W1 tiles, a confusion matrix and misclassified digits', async () => {
  await tab('Inspect').click()
  await expect(page.getByTestId('weight-tiles')).toBeVisible()
  await expect(page.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10)
  await page.screenshot({ path: resolve(ARTIFACTS, 'inspect.png'), fullPage: true })
})

test('runs lists both finished runs and exports a CSV log', async () => {
  await tab('Runs').click()
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('runs-chart')).toHaveAttribute('data-runs', '2')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'CSV', exact: true }).first().click()
  expect((await download).suggestedFilename()).toMatch(/\.csv$/)
  await page.screenshot({ path: resolve(ARTIFACTS, 'runs.png'), fullPage: true })
})

test('MNIST IDX files picked in the browser become the data; a missing file is named', async () => {
  await tab('Train').click()
  const files = Object.values(goodIdxFiles(true)).map((f) => ({ name: f.name, mimeType: 'application/gzip', buffer: Buffer.from(f.bytes) }))
  let chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open MNIST IDX files…' }).click()
  await (await chooser).setFiles(files.slice(0, 3))
  await expect(page.getByText('MNIST IDX files missing: t10k-labels-idx1-ubyte')).toBeVisible()

  chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open MNIST IDX files…' }).click()
  await (await chooser).setFiles(files)
  await expect(page.getByTestId('dataset')).toContainText('12 training and 5 test digits')

  // The engine's worker crashes (an uncaught error in it): the lab says so, starts a fresh worker and gives
  // it the same files back. A run then trains on them: 12 digits make one iteration an epoch, so a 20-step
  // run ends in epoch 19, counted from 0 (on the default digits, 7,996 / 100 iterations an epoch: 0.2).
  const replacement = page.waitForEvent('worker')
  await page.workers()[0]!.evaluate(() => setTimeout(() => { throw new Error('a crash for the test') }))
  await expect(page.getByRole('alert')).toContainText(
    /the training worker crashed \(.*a crash for the test\); a fresh one was started; the IDX data you loaded \(.*\) will be loaded again into it\. Any weights it had trained are gone/,
  )
  await replacement
  await page.screenshot({ path: resolve(ARTIFACTS, 'worker-crash.png'), fullPage: true })
  await page.getByTestId('iterations-input').fill('20')
  await page.getByRole('button', { name: 'Start training' }).click()
  await expect(status()).toContainText('Finished')
  await expect(status()).toContainText(/epoch 19$/)
  await expect(page.getByTestId('dataset')).toContainText('12 training and 5 test digits')
  await page.getByRole('button', { name: 'Use default digits' }).click()
  await expect(page.getByTestId('dataset')).toContainText('7,996 training and 2,004 test digits')
})

test('an engine that cannot start is named, not restarted over and over, and commands then say to reload', async ({ browser }) => {
  const broken = await browser.newPage()
  let loads = 0
  await broken.route(/entry-web-[^/]*\.js$/, (route) => {
    loads++
    return route.fulfill({ contentType: 'text/javascript', body: "throw new Error('a broken engine for the test')" })
  })
  await broken.goto('/')
  await expect(broken.getByRole('alert')).toContainText(/the training worker could not start \(.*a broken engine for the test.*\); reload the page to try again/)
  await broken.getByTestId('start-button').click()
  await expect(broken.getByText('Could not start training: the training worker could not start; reload the page to try again')).toBeVisible()
  expect(loads, 'the broken worker script was fetched once, not once per restart').toBe(1)
  await broken.close()
})

test('panes are reachable by keyboard and nothing broke the page or the CSP', async () => {
  await tab('Runs').focus()
  await page.keyboard.press('Home')
  await expect(tab('Train')).toBeFocused()
  await expect(tab('Train')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await expect(tab('Runs')).toHaveAttribute('aria-selected', 'true')
  await page.emulateMedia({ colorScheme: 'dark' })
  await tab('Train').click()
  await page.screenshot({ path: resolve(ARTIFACTS, 'train-dark.png'), fullPage: true })
  expect(problems).toEqual([])
})

test('inside Electron without its preload bridge the page says what broke, and starts no engine of its own', async ({ browser, baseURL }) => {
  // Only the user agent says "Electron" here; nothing of Electron is faked. This is the renderer's own rule (choose-lab.ts).
  const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) backprop-lab/0.1.0 Chrome/140.0.0.0 Electron/45.5.0 Safari/537.36' })
  const page = await context.newPage()
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  await page.goto(baseURL ?? '/')
  await expect(page.getByTestId('bridge-missing')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('preload')
  await expect(page.getByRole('tab')).toHaveCount(0)
  expect(workers).toEqual([])
  await context.close()
})
