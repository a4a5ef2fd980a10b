/// <reference lib="dom" />
// The run history at the lab's limits (#10), in the browser edition: 20 stored runs, one of 1,000,000
// iterations, put in through the page's own storage API (the lab's ?e2e hook saves a record exactly as a
// finished run is saved); a history the browser refuses to keep; a worker that closes itself mid-run; and
// a stored run's weights back in the lab (#12 item 4).
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { expect, test, type Page } from '@playwright/test'

const MILLION = 1_000_000

async function open(page: Page, query = '?e2e'): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('backprop-lab.language', 'en'))
  await page.goto(`/${query}`)
  await expect(page.getByTestId('dataset')).toBeVisible()
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) })

async function countLines(path: string): Promise<number> {
  let n = 0
  for await (const _line of createInterface({ input: createReadStream(path) })) n++
  return n
}

/** Stores `count` finished runs through the page's storage API; the newest has `longest` iterations. Returns their ids, newest first. */
async function injectRuns(page: Page, count: number, longest: number): Promise<string[]> {
  return page.evaluate(
    async ({ count, longest }) => {
      const api = (window as unknown as { __backpropLabTest: { saveRun(r: unknown): Promise<string | null> } }).__backpropLabTest
      const ids: string[] = []
      for (let k = 0; k < count; k++) {
        const n = k === 0 ? longest : 1000 + k
        const startedAt = new Date(Date.UTC(2026, 11, 1, 12, 0, 0) - k * 60_000).toISOString()
        const id = `${startedAt.replace(/[:.]/g, '-')}-seed${k}`
        const losses = new Float32Array(n)
        for (let i = 0; i < n; i++) losses[i] = 2.3 * Math.exp(-i / (n / 5)) + 0.05 * ((i * 7919) % 13) / 13
        const problem = await api.saveRun({
          format: 'backprop-lab-run', version: 1, id, startedAt, finishedAt: startedAt,
          settings: { hiddenSize: 50, learningRate: 0.1, batchSize: 100, iterations: n, weightInitStd: 0.01, activation: 'relu', seed: k },
          dataset: { kind: 'default', name: 'mnist package, 10,000 digits', trainSize: 7996, testSize: 2004, expectedTestAccuracy: 0.93 },
          backend: 'wasm-simd-f32', reason: 'completed',
          summary: { iterations: n, seed: k, finalLoss: losses[n - 1], trainAccuracy: 0.95, testAccuracy: 0.93, msPerIteration: 0.2, totalSeconds: n / 5000 },
          losses, epochs: [{ epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 }, { epoch: 1, iteration: n - 1, trainAccuracy: 0.95, testAccuracy: 0.93 }],
        })
        if (problem) throw new Error(problem)
        ids.push(id)
      }
      return ids
    },
    { count, longest },
  )
}

test('20 stored runs, one of 1,000,000 iterations: Runs opens and draws, the CSV has every row, a reload keeps all 20', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  const ids = await injectRuns(page, 20, MILLION)
  const t0 = Date.now()
  await tab(page, 'Runs').click()
  const chart = page.getByTestId('runs-chart')
  await expect(chart).toHaveAttribute('data-drawn', 'yes', { timeout: 20_000 })
  const drawnMs = Date.now() - t0
  test.info().annotations.push({ type: 'Runs drawn with a 1,000,000-iteration run', description: `${drawnMs} ms (target < 500 ms; includes Playwright's polling)` })
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(20)
  await expect(chart).toHaveAttribute('data-runs', '3')
  // a bounded drawing: a few points per pixel column, not a million
  expect(Number(await chart.getAttribute('data-points'))).toBeLessThan(20_000)

  const download = page.waitForEvent('download')
  await page.getByTestId(`export-csv-${ids[0]}`).click()
  const path = await (await download).path()
  expect(await countLines(path)).toBe(1 + MILLION)

  // the 19 injected runs came without weights, and say so instead of offering the button
  await expect(page.getByTestId('run-no-model')).toHaveCount(20)
  await page.reload()
  await tab(page, 'Runs').click()
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(20)
  await expect(chart).toHaveAttribute('data-drawn', 'yes', { timeout: 20_000 })
})

test('a run the browser cannot store: the message in Train where the user is, and an export that works', async ({ page }) => {
  // IndexedDB refuses this site, as in a locked-down profile
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('the test denies IndexedDB', 'SecurityError')
    }
  })
  await open(page, '')
  await page.getByTestId('iterations-input').fill('300')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 })
  const notice = page.getByTestId('run-keep-notice')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(/was not kept: the browser does not allow this site to store data/)
  const download = page.waitForEvent('download')
  await notice.getByRole('button', { name: 'CSV' }).click()
  expect(await countLines(await (await download).path())).toBe(1 + 300)
  await expect(page.getByTestId('start-button')).toBeEnabled()
  await tab(page, 'Runs').click()
  await expect(page.getByTestId('runs-unkept')).toHaveCount(1)
  await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(1)
})

test('a worker that closes itself mid-run ends as failed, and the run is kept as stopped at the iteration it reached', async ({ page }) => {
  await open(page, '?e2e=1000') // a 1 s heartbeat
  await page.getByTestId('iterations-input').fill(String(MILLION))
  await page.getByTestId('start-button').click()
  const status = page.getByTestId('train-status')
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 30_000 })
  await expect(status).toContainText(/[1-9][\d,]* \/ 1,000,000/, { timeout: 30_000 })
  await page.evaluate(() => (window as unknown as { __backpropLabTest: { silenceWorker(): void } }).__backpropLabTest.silenceWorker())
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 15_000 })
  await expect(page.getByTestId('start-button')).toBeEnabled()
  await tab(page, 'Runs').click()
  const row = page.getByTestId('runs-table').locator('tbody tr')
  await expect(row).toHaveCount(1)
  const end = (await row.locator('td').nth(4).textContent()) ?? ''
  const reached = Number(/stopped at iteration ([\d,]+)/.exec(end)?.[1]?.replace(/,/g, ''))
  expect(reached, end).toBeGreaterThan(0)
  expect(reached).toBeLessThan(MILLION)
  // kept, not only held in memory: a reload still lists it, with every loss up to there in its CSV
  await page.reload()
  await tab(page, 'Runs').click()
  await expect(row).toHaveCount(1)
  await expect(page.getByTestId('runs-unkept')).toHaveCount(0)
  const download = page.waitForEvent('download')
  await row.getByRole('button', { name: 'CSV' }).click()
  expect(await countLines(await (await download).path())).toBe(1 + reached)
})

test("Use this run's model: a finished run's weights back in the lab, its settings in the form", async ({ page }) => {
  await open(page, '')
  await page.getByTestId('hiddenSize-input').fill('20')
  await page.getByTestId('iterations-input').fill('300')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 })
  await page.getByTestId('reset-button').click()
  await expect(page.getByTestId('hiddenSize-input')).toHaveValue('50')
  await tab(page, 'Runs').click()
  await page.getByTestId('run-use-model').click()
  await expect(page.getByRole('status').filter({ hasText: "This run's weights are in the lab now" })).toBeVisible()
  await tab(page, 'Train').click()
  await expect(page.getByTestId('hiddenSize-input')).toHaveValue('20')
  await expect(page.getByTestId('iterations-input')).toHaveValue('300')
})

/** Iterations per drawn point of a chart (its data-per-point), once it is a number. */
async function perPoint(page: Page, testId: string): Promise<number> {
  await expect(page.getByTestId(testId)).toHaveAttribute('data-per-point', /^\d/)
  return Number(await page.getByTestId(testId).getAttribute('data-per-point'))
}

/** Wheel, drag and double-click in the middle of a chart's plot, each followed by what it must have done. */
async function zoomByHand(page: Page, testId: string, resetId: string): Promise<void> {
  const canvas = page.getByTestId(testId)
  const box = (await canvas.boundingBox())!
  const midY = box.y + box.height / 2
  const all = await perPoint(page, testId)
  expect(all, 'the whole run is summarised: several iterations a point').toBeGreaterThan(2)
  await page.mouse.move(box.x + box.width / 2, midY)
  await page.mouse.wheel(0, -400)
  await expect(page.getByTestId(resetId)).toBeEnabled()
  await expect.poll(() => perPoint(page, testId), 'the wheel zooms in').toBeLessThan(all)
  await page.mouse.dblclick(box.x + box.width / 2, midY)
  await expect(page.getByTestId(resetId)).toBeDisabled()
  // the whole run again (the plot may be a few pixels wider or narrower: the y axis's labels change with the range)
  const shownAll = (v: number) => Math.abs(v - all) <= all * 0.1
  await expect.poll(async () => shownAll(await perPoint(page, testId)), 'a double-click shows all again').toBe(true)
  // drags across a fifth of the plot, each into the range the last one showed, until every iteration is drawn
  let before = all
  for (let drag = 1; before > 1; drag++) {
    expect(drag, 'a few drags reach single iterations').toBeLessThanOrEqual(6)
    await page.mouse.move(box.x + box.width * 0.4, midY)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.6, midY, { steps: 5 })
    await page.mouse.up()
    await expect(page.getByTestId(resetId)).toBeEnabled()
    await expect.poll(() => perPoint(page, testId), `drag ${drag} shows fewer iterations a point`).toBeLessThan(before)
    before = await perPoint(page, testId)
    expect(before, 'the dragged range has data in it').toBeGreaterThanOrEqual(1)
  }
  await page.getByTestId(resetId).click()
  await expect.poll(async () => shownAll(await perPoint(page, testId)), 'Reset shows all again').toBe(true)
}

test('the wheel, a drag and a double-click zoom the Train loss chart and the Runs chart, down to every iteration', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page)
  await page.getByTestId('iterations-input').fill('3000')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  await zoomByHand(page, 'loss-chart', 'loss-chart-zoom-reset')

  await injectRuns(page, 1, 20_000)
  await tab(page, 'Runs').click()
  await expect(page.getByTestId('runs-chart')).toHaveAttribute('data-drawn', 'yes', { timeout: 20_000 })
  await zoomByHand(page, 'runs-chart', 'runs-chart-zoom-reset')
})

test('Train and Runs keep their charts while another pane shows: a hidden chart is not redrawn, and catches up when shown', async ({ page }) => {
  await open(page)
  await injectRuns(page, 2, 20_000)
  await tab(page, 'Runs').click()
  const runsChart = page.getByTestId('runs-chart')
  await expect(runsChart).toHaveAttribute('data-drawn', 'yes')
  await tab(page, 'Train').click()
  await page.getByTestId('iterations-input').fill(String(MILLION))
  await page.getByTestId('start-button').click()
  const lossChart = page.getByTestId('loss-chart')
  await expect(lossChart).toHaveAttribute('data-points', /^[1-9]\d*$/)
  // marks on the canvases: a chart made again would be a new element without them
  await lossChart.evaluate((c) => (c.dataset.mark = 'first'))
  await runsChart.evaluate((c) => (c.dataset.mark = 'first'))

  await tab(page, 'Predict').click()
  await expect(lossChart).toBeHidden()
  await page.waitForTimeout(300) // a throttled redraw already due may still land
  const hiddenAt = Number(await lossChart.getAttribute('data-points'))
  await page.waitForTimeout(1500) // thousands of iterations arrive meanwhile
  expect(Number(await lossChart.getAttribute('data-points')), 'no redraw while hidden').toBe(hiddenAt)

  await tab(page, 'Train').click()
  await expect(lossChart).toHaveAttribute('data-mark', 'first')
  await expect.poll(async () => Number(await lossChart.getAttribute('data-points')), 'caught up once shown').toBeGreaterThan(hiddenAt)
  await tab(page, 'Runs').click()
  await expect(runsChart).toBeVisible()
  await expect(runsChart).toHaveAttribute('data-mark', 'first')
  await tab(page, 'Train').click()
  await page.getByTestId('stop-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished')
})
