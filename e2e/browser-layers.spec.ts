/// <reference lib="dom" />
// The Layers pane (5.5–5.6) in the browser edition: opened by keyboard, the seed's values on screen, ReLU's
// switch holding masked entries at 0 under an edited dout, Softmax's y − t following the label, and a field
// holding "abc" named in its error while the other demos keep computing. Screenshots at 1024×640, light
// and dark, go to test-results/layers (not committed).
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const SHOTS = resolve(__dirname, '..', 'test-results', 'layers')

test.use({ viewport: { width: 1024, height: 640 } })

async function openLayersByKeyboard(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('backprop-lab.language', 'en'))
  await page.goto('/')
  const graphTab = page.getByRole('tab', { name: /^Computational graph/ })
  await page.getByRole('tab', { name: /^Train/ }).focus()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: /^Layers/ })).toBeFocused()
  await expect(page.getByRole('tab', { name: /^Layers/ })).toHaveAttribute('aria-selected', 'true')
  await expect(graphTab).toHaveAttribute('aria-selected', 'false')
}

/** The value of each cell of a matrix, row by row, as numbers. */
const cells = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.dataset.value))))

test('the seed\'s values of 5.5–5.6, computed by the engine\'s layers, are on the pane', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  await openLayersByKeyboard(page)
  // ReLU: x = [[1.0, -0.5], [-2.0, 3.0]], mask [[False, True], [True, False]], out [[1, 0], [0, 3]]
  await expect(page.getByTestId('relu-mask')).toHaveText(/False\s*True\s*True\s*False/)
  expect(await cells(page, 'relu-out')).toEqual([[1, 0], [0, 3]])
  // Sigmoid: the four nodes and the one sigmoid node agree
  await expect(page.getByTestId('sigmoid-four')).toHaveText('0.196611933241')
  await expect(page.getByTestId('sigmoid-one')).toHaveText('0.196611933241')
  await expect(page.getByTestId('sigmoid-steps').locator('tbody tr td:nth-child(4)')).toHaveText(['−y² = -0.534447', '1 = 1', 'exp(−x) = 0.367879', '−1 = -1'])
  // Affine: X·W + B = [[1,2,3],[11,12,13]], dY = [[1,2,3],[4,5,6]] gives dB = [5, 7, 9]
  expect(await cells(page, 'affine-XW')).toEqual([[0, 0, 0], [10, 10, 10]])
  expect(await cells(page, 'affine-Y')).toEqual([[1, 2, 3], [11, 12, 13]])
  expect(await cells(page, 'affine-dB')).toEqual([[5, 7, 9]])
  expect(await cells(page, 'affine-dX')).toEqual([[6, 6], [15, 15]])
  expect(await cells(page, 'affine-dW')).toEqual([[20, 25, 30], [20, 25, 30]])
  await expect(page.getByRole('img', { name: 'Affine graph: the shape of each variable above its edge, of its gradient below' })).toContainText('dX (N,2)')
  // Softmax-with-Loss: the book's two cases with t = (0, 1, 0)
  await expect(page.getByTestId('softmax-dx')).toHaveText('y − t = (0.3, -0.8, 0.5)')
  await expect(page.getByTestId('softmax-cases').locator('tbody tr')).toHaveText([/\(0\.3, -0\.8, 0\.5\)/, /\(0\.01, -0\.01, 0\)/])
  // the book's code beside each demo
  await expect(page.getByText("The book's Relu class")).toBeVisible()
  await expect(page.locator('pre').filter({ hasText: 'dx = (self.y - self.t) / batch_size' })).toBeVisible()
  expect(problems).toEqual([])
})

test('ReLU: an edited dout comes back through the switch, 0 wherever the mask is True', async ({ page }) => {
  await openLayersByKeyboard(page)
  const relu = page.getByRole('region', { name: '5.5.1 The ReLU layer' })
  await relu.getByRole('textbox', { name: 'dout[0][0]', exact: true }).fill('2.5')
  await relu.getByRole('textbox', { name: 'dout[0][1]', exact: true }).fill('42')
  await relu.getByRole('textbox', { name: 'dout[1][0]', exact: true }).fill('-9')
  expect(await cells(page, 'relu-dx')).toEqual([[2.5, 0], [0, 8]])
  const blocked = page.getByTestId('relu-dx').locator('td[data-blocked]')
  await expect(blocked).toHaveCount(2)
  await expect(blocked.nth(0)).toContainText('blocked: dout 42 does not get through, dx is 0')
  await expect(blocked.nth(1)).toContainText('blocked: dout -9 does not get through, dx is 0')
  // a new x moves the switch: x[0][1] > 0 now lets dout[0][1] through
  await relu.getByRole('textbox', { name: 'x[0][1]', exact: true }).fill('0.5')
  expect(await cells(page, 'relu-dx')).toEqual([[2.5, 42], [0, 8]])
  await expect(blocked).toHaveCount(1)
})

test('Softmax-with-Loss: y − t follows the label; y = 0 on the true class gives an infinite loss, said so', async ({ page }) => {
  await openLayersByKeyboard(page)
  const dx = page.getByTestId('softmax-dx')
  await expect(dx).toHaveText('y − t = (0.3, -0.8, 0.5)')
  await page.getByTestId('softmax-label').selectOption('0')
  await expect(dx).toHaveText('y − t = (-0.7, 0.2, 0.5)')
  await page.getByTestId('softmax-label').selectOption('2')
  await expect(dx).toHaveText('y − t = (0.3, 0.2, -0.5)')
  await page.getByRole('button', { name: 'Book: y = (0.01, 0.99, 0)' }).click()
  await expect(page.getByTestId('softmax-label')).toHaveValue('1')
  await expect(dx).toHaveText('y − t = (0.01, -0.01, 0)')
  await expect(page.getByTestId('softmax-infinite')).toHaveCount(0)
  await page.getByTestId('softmax-label').selectOption('2')
  await expect(page.getByTestId('softmax-loss')).toHaveText('loss = −log y[t] = ∞')
  await expect(page.getByTestId('softmax-book-loss')).toHaveText("the book's −log(y[t] + 1e-7) = 16.118095651")
  await expect(page.getByTestId('softmax-infinite')).toContainText('−log 0 is infinite')
  await expect(dx).toHaveText('y − t = (0.01, 0.99, -1)')
  // scores instead of y: the book's softmax([0.3, 2.9, 4.0]) of 3.5.1, y[2] = 0.73659691
  await page.getByRole('radio', { name: 'scores a' }).check()
  await expect(page.getByTestId('softmax-table').locator('tbody tr').nth(2).locator('td').nth(1)).toHaveText('0.736596913769')
  await expect(page.getByTestId('softmax-infinite')).toHaveCount(0)
})

test('a field holding "abc" or Infinity is named in its error, and the other demos keep computing', async ({ page }) => {
  await openLayersByKeyboard(page)
  const relu = page.getByRole('region', { name: '5.5.1 The ReLU layer' })
  const cell = relu.getByRole('textbox', { name: 'dout[1][1]', exact: true })
  await cell.fill('abc')
  await expect(relu.getByRole('alert')).toHaveText('dout[1][1] must be a decimal number, got "abc"')
  await expect(cell).toHaveAttribute('aria-invalid', 'true')
  await expect(cell).toHaveAccessibleDescription('dout[1][1] must be a decimal number, got "abc"')
  await expect(page.getByTestId('relu-dx')).toHaveCount(0)
  // the forward half of the same demo does not depend on dout, and stays
  expect(await cells(page, 'relu-out')).toEqual([[1, 0], [0, 3]])
  // the other demos still answer edits
  const sigmoid = page.getByRole('region', { name: '5.5.2 The Sigmoid layer' })
  await sigmoid.getByRole('textbox', { name: 'x', exact: true }).fill('0')
  await expect(page.getByTestId('sigmoid-four')).toHaveText('0.25')
  await sigmoid.getByRole('textbox', { name: 'dout', exact: true }).fill('Infinity')
  await expect(sigmoid.getByRole('alert')).toHaveText('dout must be a finite number, got "Infinity"')
  await expect(page.getByTestId('sigmoid-four')).toHaveCount(0)
  const affine = page.getByRole('region', { name: '5.6.1–5.6.2 The Affine layer (batch)' })
  await affine.getByRole('textbox', { name: 'dY[1][2]', exact: true }).fill('16')
  expect(await cells(page, 'affine-dB')).toEqual([[5, 7, 19]])
  // y that is not a distribution is refused with the tolerance
  const softmax = page.getByRole('region', { name: '5.6.3 The Softmax-with-Loss layer' })
  await softmax.getByRole('textbox', { name: 'y3', exact: true }).fill('0.4')
  await expect(page.getByTestId('softmax-problem')).toHaveText('y sums to 0.9, not 1 (within 0.000001)')
  await expect(page.getByTestId('softmax-dx')).toHaveCount(0)
  // fixing the field brings the result back
  await cell.fill('8')
  expect(await cells(page, 'relu-dx')).toEqual([[5, 0], [0, 8]])
})

test('eight tabs stay on one line at 1024×640 in English and Korean; no axe violations in the pane', async ({ page }) => {
  await openLayersByKeyboard(page)
  for (const lang of ['en', 'ko'] as const) {
    await page.getByTestId('language').selectOption(lang)
    const tops = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)))
    expect(tops).toHaveLength(8)
    expect(new Set(tops).size, `${lang}: tab tops ${tops.join(', ')}`).toBe(1)
  }
  await expect(page.getByRole('heading', { level: 2 })).toContainText('계층')
  await page.getByTestId('language').selectOption('en')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    const scan = await new AxeBuilder({ page }).include('#pane-layers').analyze()
    expect(scan.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, 'no horizontal scrolling at 1024 px').toBeLessThanOrEqual(0)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the Layers pane at 1024×640, ${scheme}`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true })
    await page.emulateMedia({ colorScheme: scheme })
    await openLayersByKeyboard(page)
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Layers')
    await page.screenshot({ path: `${SHOTS}/layers-${scheme}-top.png` })
    await page.screenshot({ path: `${SHOTS}/layers-${scheme}-full.png`, fullPage: true })
    for (const id of ['relu', 'sigmoid', 'affine', 'softmax']) {
      await page.locator(`#${id}-title`).scrollIntoViewIfNeeded()
      await page.locator(`section[aria-labelledby="${id}-title"]`).screenshot({ path: `${SHOTS}/layers-${scheme}-${id}.png` })
    }
    await page.getByTestId('language').selectOption('ko')
    await expect(page.getByRole('heading', { level: 2 })).toContainText('계층')
    await page.screenshot({ path: `${SHOTS}/layers-${scheme}-ko-full.png`, fullPage: true })
  })
}
