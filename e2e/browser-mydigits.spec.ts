// My digits in the browser edition (#13 §2): keep drawings with their labels, see them survive a reload,
// check the network on them, relabel and delete with Undo, export as IDX, and train with them.
// Hooks: keep-as-N (the ten Keep buttons), my-digits-gallery / my-digit, check-my-digits,
// my-digits-accuracy, train-with-my-digits, undo-remove.
import { expect, test, type Page } from '@playwright/test'

async function drawStroke(page: Page, points: [number, number][]): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox()
  if (!box) throw new Error('the drawing pad is not visible')
  const [first, ...rest] = points
  await page.mouse.move(box.x + (first![0] * box.width) / 280, box.y + (first![1] * box.height) / 280)
  await page.mouse.down()
  for (const [x, y] of rest) await page.mouse.move(box.x + (x * box.width) / 280, box.y + (y * box.height) / 280, { steps: 4 })
  await page.mouse.up()
}

test('kept drawings survive a reload, are checked by the network, relabelled, deleted with undo, and train', async ({ page }) => {
  await page.goto('/') // a fresh browser context: no digits kept yet
  await page.getByRole('tab', { name: /Predict/ }).click()
  const gallery = page.getByTestId('my-digits-gallery').getByTestId('my-digit')
  await expect(gallery).toHaveCount(0)
  await expect(page.getByTestId('keep-as-1')).toBeDisabled() // nothing drawn yet

  await drawStroke(page, [[150, 45], [145, 140], [140, 235]])
  await page.getByTestId('keep-as-1').click()
  await expect(page.getByTestId('keep-status')).toContainText('Kept as 1')
  await page.getByTestId('clear-button').click()
  await drawStroke(page, [[100, 60], [180, 60], [120, 240]])
  await page.getByTestId('keep-as-7').click()
  await expect(gallery).toHaveCount(2)

  await page.reload()
  await page.getByRole('tab', { name: /Predict/ }).click()
  await expect(gallery).toHaveCount(2)
  await expect(gallery.nth(1).getByRole('combobox')).toHaveValue('7')

  await page.getByTestId('check-my-digits').click()
  await expect(page.getByTestId('my-digits-accuracy')).toContainText(/reads \d of 2 of your digits right/)
  await expect(gallery.first()).toContainText(/reads \d/)

  await gallery.nth(1).getByRole('combobox').selectOption('4')
  await gallery.first().getByRole('button', { name: /Delete kept digit 1/ }).click()
  await expect(gallery).toHaveCount(1)
  await page.getByTestId('undo-remove').click()
  await expect(gallery).toHaveCount(2)

  const downloads: string[] = []
  page.on('download', (d) => downloads.push(d.suggestedFilename()))
  await page.getByRole('button', { name: 'Export IDX pair' }).click()
  await expect.poll(() => downloads.sort()).toEqual(['my-digits-images-idx3-ubyte', 'my-digits-labels-idx1-ubyte'])

  await page.getByTestId('train-with-my-digits').check()
  await page.getByRole('tab', { name: /Train/ }).click()
  await page.getByLabel(/Iterations/).fill('50')
  await page.getByTestId('start-button').click()
  await expect(page.getByTestId('train-status')).toContainText(/finished|Finished/, { timeout: 30_000 })
  await page.getByRole('tab', { name: /Predict/ }).click()
  await expect(page.getByTestId('my-digits-accuracy')).toContainText('after the last run')
  await expect(gallery.nth(1).getByRole('combobox')).toHaveValue('4')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1024, height: 640 })
    await page.getByTestId('my-digits').screenshot({ path: `test-results/my-digits-${scheme}.png` })
  }
})
