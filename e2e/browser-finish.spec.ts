/// <reference lib="dom" />
// A new user's first five minutes in the browser edition, as the README tells them: train, watch, predict,
// inspect, in English and Korean, light and dark, at 1400×900 and 1024×640, with a screenshot of each.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'

// `npm test` writes them under test-results (a test run leaves the checkout clean); `npm run screenshots`
// (UPDATE_SCREENSHOTS=1) regenerates the README's copies in docs/screenshots.
const SHOTS = process.env.SHOTS_DIR ?? (process.env.UPDATE_SCREENSHOTS ? resolve(__dirname, '..', 'docs', 'screenshots') : resolve(__dirname, '..', 'test-results', 'screenshots'))
mkdirSync(SHOTS, { recursive: true })

test.describe.configure({ mode: 'default' })

async function open(page: Page, lang: 'en' | 'ko', size = { width: 1400, height: 900 }): Promise<void> {
  await page.setViewportSize(size)
  await page.addInitScript((l) => localStorage.setItem('backprop-lab.language', l), lang)
  await page.goto('/')
  await expect(page.getByTestId('dataset')).toBeVisible()
}

const shot = (page: Page, name: string) => page.screenshot({ path: resolve(SHOTS, `${name}.png`) })

async function draw(page: Page, strokes: [number, number][][]): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox()
  if (!box) throw new Error('the drawing pad is not visible')
  for (const stroke of strokes) {
    const [first, ...rest] = stroke
    await page.mouse.move(box.x + first![0], box.y + first![1])
    await page.mouse.down()
    for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 4 })
    await page.mouse.up()
  }
}
const THREE: [number, number][][] = [[[90, 60], [150, 45], [195, 80], [150, 135], [200, 180], [160, 235], [90, 225]]]

test('first five minutes: untrained answer, a run, a live prediction, inspect (light, English)', async ({ page }) => {
  await open(page, 'en')
  await shot(page, '1-train-idle')
  await page.getByRole('tab', { name: /Predict/ }).click()
  await draw(page, THREE)
  await expect(page.getByTestId('untrained-badge')).toHaveText('untrained — train or load a model')
  await shot(page, '2-predict-untrained')

  await page.getByRole('tab', { name: /Train/ }).click()
  await page.getByTestId('iterations-input').fill('3000')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('pause-button')).toBeFocused() // focus follows when Start disables itself
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  await expect(page.getByTestId('start-button')).toBeFocused()
  await expect(page.getByTestId('step-time')).toBeVisible()
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('aria-label', /latest loss 0\.\d{4}/)
  await shot(page, '3-train-finished')

  await page.getByRole('tab', { name: /Predict/ }).click()
  await draw(page, THREE)
  await expect(page.getByTestId('predicted-digit')).toHaveAttribute('data-trained', 'true')
  await page.getByTestId('random-sample').click()
  await expect(page.getByTestId('sample-result')).toContainText('Test #')
  await shot(page, '4-predict-trained')

  await page.getByRole('tab', { name: /Inspect/ }).click()
  await expect(page.getByTestId('confusion-matrix')).toBeVisible()
  await page.getByRole('button', { name: 'Enlarge hidden neuron 1', exact: true }).click()
  await expect(page.getByTestId('enlarged-tile')).toBeVisible()
  await shot(page, '5-inspect')
  await page.getByTestId('misclassified').getByRole('button').first().click()
  await expect(page.getByRole('tab', { name: /Predict/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('sample-result')).toContainText('✗ wrong')

  // Reset gives a fresh untrained net: Predict says so again
  await page.getByRole('tab', { name: /Train/ }).click()
  await page.getByTestId('reset-button').click()
  await expect(page.getByTestId('train-notice')).toHaveAttribute('data-kind', 'success')
  await page.getByRole('tab', { name: /Predict/ }).click()
  await page.getByTestId('pick-index').fill('7')
  await page.getByTestId('pick-index').press('Enter')
  await expect(page.getByTestId('sample-result')).toContainText('untrained')
})

test('a paused run: learning rate editable, other settings locked with the reason, save allowed', async ({ page }) => {
  await open(page, 'en')
  await page.getByTestId('iterations-input').fill('200000')
  await page.getByTestId('start-button').click()
  await page.getByTestId('pause-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('learningRate-input')).toBeEnabled()
  await expect(page.getByTestId('hiddenSize-input')).toBeDisabled()
  await expect(page.getByTestId('settings-locked')).toContainText('Locked during a run')
  await expect(page.getByTestId('save-button')).toBeEnabled()
  await page.getByTestId('learningRate-input').fill('0.05')
  await page.getByTestId('pause-button').click() // Resume applies it
  await expect(page.getByTestId('train-notice')).toContainText('Learning rate 0.05 from iteration')
  await shot(page, '6-train-running-lr-changed')
  await page.getByTestId('stop-button').click()
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished')
})

test('a refused setting reads in the user words, styled as an error, cleared by the next success', async ({ page }) => {
  await open(page, 'en')
  await page.getByTestId('hiddenSize-input').fill('2000')
  await expect(page.locator('#setting-hiddenSize-note')).toHaveText('Hidden size must be a whole number from 1 to 1,024; “2000” is not.')
  await expect(page.getByTestId('start-button')).toBeDisabled()
})

test('keyboard only: draw with the arrow keys and get a prediction', async ({ page }) => {
  await open(page, 'en')
  await page.getByRole('tab', { name: /Predict/ }).click()
  await page.getByTestId('draw-canvas').focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Space')
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('predicted-digit')).toHaveText(/^\d$/)
  await expect(page.getByTestId('undo-button')).toBeEnabled()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`every pane in Korean, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await open(page, 'ko')
    await expect(page.getByRole('heading', { level: 2 })).toContainText('5.7.4 오차역전파법을 사용한 학습 구현하기')
    for (const [name, id] of [['학습 5', 'train'], ['예측', 'predict'], ['학습 한 단계', 'step'], ['기울기 확인', 'gradient'], ['계산 그래프', 'graph'], ['계층', 'layers'], ['살펴보기', 'inspect'], ['실행 기록', 'runs']] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
      await expect(page.locator(`[data-pane=${id}]`)).toBeVisible()
      await page.waitForTimeout(300)
      await shot(page, `ko-${scheme}-${id}`)
    }
  })
}

test('at 1024×640 Start is visible without scrolling, and the header chip never moves the tabs', async ({ page }) => {
  await open(page, 'en', { width: 1024, height: 640 })
  await expect(page.getByTestId('start-button')).toBeInViewport({ ratio: 1 })
  const before = await page.getByRole('tablist').boundingBox()
  await page.getByTestId('iterations-input').fill('200000')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-chip')).toContainText('training')
  expect((await page.getByRole('tablist').boundingBox())?.y).toBe(before?.y)
  await shot(page, 'train-1024x640')
  await page.getByTestId('stop-button').click()
  for (const width of [800, 2560, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(300)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `no horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0)
    await shot(page, `train-${width}`)
  }
})

test('at 1024 px the Runs table shows every column, test accuracy and the exports included, without sideways scrolling (Korean)', async ({ page }) => {
  await open(page, 'ko', { width: 1024, height: 640 })
  await page.getByTestId('iterations-input').fill('100')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-chip')).toContainText('학습됨', { timeout: 60_000 })
  await page.getByRole('tab', { name: /^실행 기록/ }).click()
  const table = page.getByTestId('runs-table')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  const fit = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(fit, 'the table is no wider than its box').toBeLessThanOrEqual(0)
  await expect(table.getByRole('columnheader', { name: '시험 정확도' })).toBeInViewport()
  await expect(table.getByRole('button', { name: 'CSV' })).toBeInViewport()
  // the data set is named in Korean, and the run's time reads the same in the table and the chart legend
  await expect(table.locator('tbody td').nth(3)).toContainText('mnist 패키지의 숫자 10,000개')
  await shot(page, 'ko-runs-1024x640')
})

test('at 1024 px and at 1400 px the Inspect tiles and the confusion matrix never overlap: side by side when both fit, else one below the other', async ({ page }) => {
  await open(page, 'en', { width: 1024, height: 640 })
  await page.getByRole('tab', { name: /^Inspect/ }).click()
  const tiles = page.getByTestId('weight-tiles')
  const matrix = page.getByTestId('confusion-matrix')
  await expect(tiles.locator('canvas')).toHaveCount(50)
  const apart = async (): Promise<'beside' | 'below'> => {
    const a = (await tiles.boundingBox())!
    const b = (await matrix.boundingBox())!
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    expect(overlap, `tiles ${JSON.stringify(a)} and matrix ${JSON.stringify(b)} overlap`).toBe(false)
    return b.y >= a.y + a.height ? 'below' : 'beside'
  }
  expect(await apart()).toBe('below')
  await shot(page, 'inspect-1024x640')
  await page.setViewportSize({ width: 1400, height: 900 })
  await expect.poll(apart).toBe('beside')
})
