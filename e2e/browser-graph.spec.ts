// The Computational graph pane stepped from the keyboard: the chain-rule graph of 5.2.3 with edited x and y.
// A screenshot at 1024×640 goes to /tmp/graph-shots.
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const SHOTS = '/tmp/graph-shots'

test.use({ viewport: { width: 1024, height: 640 } })

test('the chain-rule graph gives ∂z/∂x = 2(x + y) for edited x and y, stepped with the keyboard', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true })
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto('/')
  await page.getByRole('tab', { name: 'Computational graph' }).click()

  const chain = page.getByRole('region', { name: '5.2.3 The chain rule on a computational graph' })
  await chain.getByRole('textbox', { name: 'x', exact: true }).fill('1.5')
  await chain.getByRole('textbox', { name: 'y', exact: true }).fill('-4')

  const controls = page.getByTestId('chain-controls')
  const say = page.getByTestId('chain-step')
  const result = page.getByTestId('chain-result')
  const graph = chain.locator('svg.graph')
  await expect(say).toHaveAttribute('aria-live', 'polite')
  // nothing computed yet: only the inputs are on the graph, no derivative and no result
  await expect(graph.locator('[data-kind="backward"]')).toHaveCount(0)
  await expect(graph.locator('[data-edge="add-square"][data-kind="forward"]')).toHaveCount(0)
  await expect(result).toHaveText('')
  await expect(controls.getByRole('button', { name: 'Backward step' })).toBeDisabled()

  // forward, left to right, by keyboard: focus Forward step and press Enter
  const forward = controls.getByRole('button', { name: 'Forward step' })
  await forward.focus()
  await page.keyboard.press('Enter')
  await expect(say).toHaveText('+ node: x + y = 1.5 + (-4) = -2.5')
  await expect(graph.locator('[data-node="add"]')).toHaveAttribute('data-lit', 'forward')
  await expect(graph.locator('[data-edge="add-square"][data-kind="forward"]')).toHaveText('-2.5')
  await expect(graph.locator('[data-edge="square-z"][data-kind="forward"]')).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(say).toContainText('**2 node: t² = (-2.5)² = 6.25')
  await expect(graph.locator('[data-edge="square-z"][data-kind="forward"]')).toHaveText('6.25')
  await expect(forward).toBeDisabled()
  await expect(graph.locator('[data-kind="backward"]')).toHaveCount(0)

  // backward, right to left: Tab to Backward step, Space then Enter
  const backward = controls.getByRole('button', { name: 'Backward step' })
  await backward.focus()
  await expect(backward).toBeFocused()
  await page.keyboard.press('Space')
  await expect(say).toHaveText('**2 node: dout · 2t = 1 · 2 · (-2.5) = -5')
  await expect(graph.locator('[data-node="square"]')).toHaveAttribute('data-lit', 'backward')
  await expect(graph.locator('[data-edge="add-square"][data-kind="backward"]')).toHaveText('-5')
  await expect(graph.locator('[data-edge="x-add"][data-kind="backward"]')).toHaveCount(0)
  await expect(result).toHaveText('')
  await chain.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/chain-rule-mid.png` })
  await page.keyboard.press('Enter')
  await expect(say).toContainText('+ node: dout · 1 = -5 passes through to both inputs')
  await expect(graph.locator('[data-node="add"]')).toHaveAttribute('data-lit', 'backward')
  await expect(graph.locator('[data-edge="x-add"][data-kind="backward"]')).toHaveText('-5')
  await expect(graph.locator('[data-edge="y-add"][data-kind="backward"]')).toHaveText('-5')
  await expect(result).toHaveText('∂z/∂x = 2t · 1 = 2(x + y) = 2 · (1.5 + (-4)) = 2 · (-2.5) = -5')
  await expect(page.getByRole('img', { name: 'Chain-rule graph: z 6.25' })).toBeVisible()

  await chain.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/chain-rule.png` })

  // the apple graph says the book's × step: dout · the other input = 1.1 · 100 = 110
  const apple = page.getByTestId('apple-controls')
  await apple.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByTestId('apple-step')).toContainText('dout · the other input = 1.1 · 2 = 2.2, and 1.1 · 100 = 110', { timeout: 10_000 })
  await expect(page.getByTestId('apple-result')).toHaveText('price 220 · dApple 2.2 · dAppleNum 110 · dTax 200')
  // Reset forgets every computed value
  await apple.getByRole('button', { name: 'Reset' }).click()
  await expect(page.getByTestId('apple-result')).toHaveText('')
  await expect(page.getByTestId('apple-count')).toHaveAttribute('data-done', '0')

  // no accessibility violations in the pane's graphs (buttons, live line, inputs, SVGs); the shell's own
  // <main role="tabpanel"> (aria-allowed-role) is App.tsx's, outside this pane
  const scan = await new AxeBuilder({ page }).include('#pane-graph section').analyze()
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  // in Korean the pane speaks the book's words
  await page.getByTestId('language').selectOption('ko')
  await expect(page.getByRole('heading', { level: 2 })).toContainText('계산 그래프')
  await expect(page.getByRole('heading', { name: '5.2.3 연쇄법칙과 계산 그래프' })).toBeVisible()
  await expect(page.getByTestId('chain-controls').getByRole('button', { name: '역전파 한 단계' })).toBeVisible()
  await expect(page.getByTestId('chain-result')).toContainText('2(x + y)')
  await page.getByTestId('language').selectOption('en')
  expect(problems).toEqual([])
})
