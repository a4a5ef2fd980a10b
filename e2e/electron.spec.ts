// The desktop app end to end: launch out/main/index.js in Electron, train briefly, draw and predict, close.
// Runs only where an Electron binary exists (under `xvfb-run -a` on Linux); elsewhere it skips with the reason.
import { resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { findElectronBinary, INSTALL_HINT, needsNoSandbox } from '../src-main/launch/electron-binary'

const ROOT = resolve(__dirname, '..')
const binary = findElectronBinary()
const skipReason = binary.found ? undefined : `no Electron binary here (${binary.reason}). ${INSTALL_HINT}`
if (skipReason) console.log(`SKIP electron e2e: ${skipReason}`)

test.describe('desktop app (Electron)', () => {
  test.skip(!binary.found, skipReason ?? '')
  test.describe.configure({ mode: 'serial' })

  let app: ElectronApplication
  let page: Page
  const problems: string[] = []

  test.beforeAll(async () => {
    // --no-sandbox only for Chromium's OS sandbox as root (CI); the renderer keeps sandbox: true.
    const args = [resolve(ROOT, 'out', 'main', 'index.js'), ...(needsNoSandbox() ? ['--no-sandbox'] : [])]
    app = await electron.launch({ executablePath: binary.found ? binary.path : undefined, args, cwd: ROOT })
    page = await app.firstWindow()
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'idle')
  })

  test.afterAll(async () => {
    const child = app?.process()
    if (child && child.exitCode === null && child.signalCode === null) await app.close()
  })

  test('the window is sandboxed: no Node in the page, only the lab bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      edition: (globalThis as { lab?: { edition?: string } }).lab?.edition,
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', edition: 'desktop' })
  })

  test('trains a short run over IPC to finished, with a test accuracy', async () => {
    await page.getByTestId('iterations-input').fill('300')
    await page.getByTestId('start-button').click()
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', /running|finished/)
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
    const accuracy = Number(await page.getByTestId('test-accuracy').textContent())
    expect(accuracy).toBeGreaterThan(0.5)
    expect(accuracy).toBeLessThanOrEqual(1)
  })

  test('a drawn digit gets a prediction', async () => {
    const canvas = page.getByTestId('draw-canvas')
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) throw new Error('the drawing pad is not visible')
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.15)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 })
    await page.mouse.up()
    await expect(page.getByTestId('predicted-digit')).toHaveText(/^[0-9]$/)
    await page.getByTestId('clear-button').click()
    expect(problems).toEqual([])
  })

  test('closing the window mid-run quits the app (the worker thread is terminated with it)', async () => {
    await page.getByTestId('iterations-input').fill('100000')
    await page.getByTestId('start-button').click()
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'running')
    const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)))
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    expect(await exited).toBe(0)
  })
})
