/// <reference lib="dom" />
// Accessibility of the browser edition: zero axe-core violations on every pane in every training state
// (idle, running, finished, failed), light and dark. AxeBuilder injects axe through the DevTools protocol
// (page.evaluate), which the page's strict CSP (script-src 'self') does not block; the first test proves
// the CSP is in force so that a passing scan means something.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

const PANES = ['Train', 'Predict', 'One step', 'Gradient check', 'Computational graph', 'Layers', 'Inspect', 'Runs'] as const
type State = 'idle' | 'running' | 'finished' | 'failed'

async function open(page: Page, scheme: 'light' | 'dark', query = ''): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await page.addInitScript(() => localStorage.setItem('backprop-lab.language', 'en'))
  await page.goto(`/${query}`)
  await expect(page.getByTestId('dataset')).toBeVisible()
}

async function reach(page: Page, state: State): Promise<void> {
  await page.getByRole('tab', { name: /^Train/ }).click()
  if (state === 'idle') return
  const iterations = { running: '20000', finished: '300', failed: '1000000' }[state]
  await page.getByTestId('iterations-input').fill(iterations)
  await page.getByTestId('start-button').click()
  const status = page.getByTestId('train-status')
  if (state === 'finished') return expect(status).toHaveAttribute('data-state', 'finished', { timeout: 30_000 })
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 30_000 })
  if (state === 'running') {
    // scanned paused: a scan of a page that redraws its charts every frame never settles
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    return expect(status).toHaveAttribute('data-state', 'paused')
  }
  // failed: the worker goes silent (it closes itself, no error event); the heartbeat (?e2e=1000: 1 s) fails the run
  await page.evaluate(() => (window as unknown as { __backpropLabTest: { silenceWorker(): void } }).__backpropLabTest.silenceWorker())
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 15_000 })
}

async function scan(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`)
  expect(found, where).toEqual([])
}

test('the CSP is in force: an inline script is refused', async ({ page }) => {
  await open(page, 'light')
  const ran = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inline = true'
    document.head.append(s)
    return (window as unknown as { __inline?: boolean }).__inline === true
  })
  expect(ran).toBe(false)
})

for (const scheme of ['light', 'dark'] as const) {
  for (const state of ['idle', 'running', 'finished', 'failed'] as const) {
    test(`no axe violations on any pane: ${state}, ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000) // eight panes, each scanned in full
      await open(page, scheme, state === 'failed' ? '?e2e=1000' : '')
      await reach(page, state)
      for (const pane of PANES) {
        await page.getByRole('tab', { name: new RegExp(`^${pane}`) }).click()
        await expect(page.getByRole('tabpanel')).toBeVisible()
        if (pane === 'Inspect') await expect(page.getByTestId('confusion-matrix')).toBeVisible()
        await scan(page, `${pane}, ${state}, ${scheme}`)
      }
      if (state === 'running') {
        await page.getByRole('tab', { name: /^Train/ }).click()
        await page.getByTestId('stop-button').click()
        await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished')
      }
    })
  }
}

test('landmarks: banner, nav with the tab list, main holding a tabpanel (not being one)', async ({ page }) => {
  await open(page, 'light')
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('tablist')).toBeVisible()
  await expect(page.getByRole('main').getByRole('tabpanel')).toBeVisible()
  expect(await page.locator('main').getAttribute('role')).toBeNull()
})

test('tab order follows the screen: Start comes before the data buttons; Inspect has focusable parts', async ({ page }) => {
  await open(page, 'light')
  const order = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('button, input, select, [tabindex]')].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled)
    return all.map((e) => e.textContent?.trim() ?? '')
  })
  expect(order.indexOf('Start training')).toBeLessThan(order.findIndex((t) => t.startsWith('Open MNIST')))
  await page.getByRole('tab', { name: /^Inspect/ }).click()
  await page.getByRole('button', { name: /Enlarge hidden neuron 1$/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('enlarged-tile')).toBeVisible()
})
