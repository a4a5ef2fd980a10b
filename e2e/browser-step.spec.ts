// The Step pane (#9 §3): one real training iteration, stepped layer by layer with the keyboard alone.
// Hooks: compute-step, step-stage (data-stage = the stage's id), softmax-backward (data-y, data-dx per class),
// loss-before, loss-after, apply-step, step-message. Screenshots of every stage go to test-results/step-*.png.
import { expect, test, type Page } from '@playwright/test'

const STAGES = ['batch', 'affine1', 'relu1', 'affine2', 'softmax', 'backSoftmax', 'backAffine2', 'backRelu1', 'backAffine1', 'update']

async function openStep(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('backprop-lab.language', 'en'))
  await page.goto('/')
  await expect(page.getByTestId('dataset')).toBeVisible()
  await page.getByRole('tab', { name: /^One step/ }).click()
}

test('a whole iteration stepped with the keyboard alone; the SoftmaxWithLoss backward shown is (y − t)/N', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 })
  await openStep(page)
  await page.getByTestId('compute-step').focus()
  await page.keyboard.press('Enter')
  const stage = page.getByTestId('step-stage')
  await expect(stage).toHaveAttribute('data-stage', 'batch')
  await stage.focus()
  for (const [k, id] of STAGES.entries()) {
    await expect(stage).toHaveAttribute('data-stage', id)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({ path: `test-results/step-${k}-${id}-${scheme}.png` })
    }
    if (id === 'backSoftmax') {
      const rows = page.getByTestId('softmax-backward').locator('tbody tr')
      await expect(rows).toHaveCount(10)
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => [Number(tr.children[1]!.getAttribute('data-y')), Number(tr.children[2]!.textContent), Number(tr.children[3]!.getAttribute('data-dx'))]),
      )
      for (const [y, t, dx] of cells) expect(Math.abs(dx! - (y! - t!) / 100)).toBeLessThan(1e-15)
      expect(cells.filter(([, t]) => t === 1)).toHaveLength(1)
    }
    await page.keyboard.press('ArrowRight')
  }
  await expect(stage).toHaveAttribute('data-stage', 'update')
  await page.keyboard.press('ArrowLeft')
  await expect(stage).toHaveAttribute('data-stage', 'backAffine1')
})

test('Apply twice on a fresh net lowers the loss on that batch each time', async ({ page }) => {
  await openStep(page)
  await page.getByRole('radio', { name: 'One test digit' }).check()
  const losses: number[] = []
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('compute-step').click()
    await page.getByTestId('step-whole').click()
    const before = Number((await page.getByTestId('loss-before').locator('strong').textContent()) ?? NaN)
    const after = Number((await page.getByTestId('loss-after').locator('strong').textContent()) ?? NaN)
    expect(after).toBeLessThan(before)
    losses.push(before, after)
    await page.getByTestId('apply-step').click()
    await expect(page.getByTestId('step-message')).toContainText('Applied')
  }
  // the second step starts where the first left the network; the lab's net keeps float32 weights, so within 1e-6
  expect(losses[2]).toBeCloseTo(losses[1]!, 6)
})

test('a step on your own drawing from Predict: label it, and SoftmaxWithLoss compares y with that label (N = 1)', async ({ page }) => {
  await openStep(page)
  await expect(page.getByTestId('step-source-drawing')).toBeDisabled()
  await page.getByRole('tab', { name: /^Predict/ }).click()
  const box = await page.getByTestId('draw-canvas').boundingBox()
  if (!box) throw new Error('the drawing pad is not visible')
  await page.mouse.move(box.x + 90, box.y + 60)
  await page.mouse.down()
  for (const [x, y] of [[150, 45], [195, 80], [150, 135], [200, 180], [160, 235], [90, 225]]) await page.mouse.move(box.x + x!, box.y + y!, { steps: 4 })
  await page.mouse.up()
  await expect(page.getByTestId('predicted-digit')).toHaveText(/^\d$/)
  await page.getByRole('tab', { name: /^One step/ }).click()
  await page.getByTestId('step-source-drawing').check()
  await page.getByTestId('compute-step').click()
  await expect(page.getByTestId('step-message')).toContainText('Say which digit your drawing is')
  await page.getByTestId('step-drawn-label').fill('3')
  await page.getByTestId('compute-step').click()
  const stage = page.getByTestId('step-stage')
  await expect(stage).toHaveAttribute('data-stage', 'batch')
  await expect(stage.locator('canvas.digit')).toHaveCount(1)
  await page.getByTestId('step-next').click()
  for (let k = 0; k < 4; k++) await page.getByTestId('step-next').click()
  await expect(stage).toHaveAttribute('data-stage', 'backSoftmax')
  const cells = await page.getByTestId('softmax-backward').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.children[1]!.getAttribute('data-y')), Number(tr.children[2]!.textContent), Number(tr.children[3]!.getAttribute('data-dx'))]),
  )
  expect(cells.map(([, t]) => t)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
  for (const [y, t, dx] of cells) expect(Math.abs(dx! - (y! - t!))).toBeLessThan(1e-15)
})

test('a step setting written in hex is refused by name, as the Train form refuses it', async ({ page }) => {
  await openStep(page)
  await page.getByRole('textbox', { name: 'Batch size' }).fill('0x10')
  await page.getByTestId('compute-step').click()
  await expect(page.getByTestId('step-message')).toContainText('Could not compute the step')
  await expect(page.getByTestId('step-message')).toContainText('0x10')
  await expect(page.getByTestId('compute-step')).toBeEnabled()
})
