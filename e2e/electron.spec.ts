// The desktop app end to end, PACKAGED (dist-e2e/, from `npm run package:e2e`: app.asar, its unpacked data,
// the release's fuses but --inspect, which Playwright needs): launch, train over IPC, draw and predict, save
// and load a model and export a CSV through main's dialogs (stubbed in main), reload mid-run, close mid-run.
// Each launch has its own --user-data-dir. Runs only where an Electron binary exists (under `xvfb-run -a` on
// Linux); elsewhere it skips with the reason. REQUIRE_ELECTRON=1 (the release workflow) turns a skip into a failure.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { findElectronBinary, INSTALL_HINT, noSandboxReason, sandboxFacts } from '../src-main/launch/electron-binary'
import { packagedExecutables } from '../src-main/packaging/fuses'

const ROOT = resolve(__dirname, '..')
const binary = findElectronBinary()
const packaged = packagedExecutables(join(ROOT, 'dist-e2e'))[0]
const skipReason =
  !binary.found ? `no Electron binary here (${binary.reason}). ${INSTALL_HINT}`
  : !packaged ? 'no packaged app in dist-e2e/: run `npm run package:e2e` first (it needs the Electron binary, and packages this checkout)'
  : undefined
if (skipReason) console.log(`SKIP electron e2e: ${skipReason}`)
if (skipReason && process.env.REQUIRE_ELECTRON === '1') throw new Error(`REQUIRE_ELECTRON=1 but the Electron e2e cannot run: ${skipReason}`)

test.describe('desktop app (Electron, packaged)', () => {
  test.skip(skipReason !== undefined, skipReason ?? '')
  test.describe.configure({ mode: 'serial' })

  let app: ElectronApplication
  let page: Page
  const problems: string[] = []

  let userData: string

  test.beforeAll(async () => {
    // its own profile: no pollution of the user's history, no clash with a running instance's lock
    userData = mkdtempSync(join(tmpdir(), 'bpl-electron-e2e-'))
    // --no-sandbox only where Chromium's OS sandbox cannot run (root, or Ubuntu's restricted namespaces); the renderer keeps sandbox: true
    const args = [`--user-data-dir=${userData}`, ...(noSandboxReason(sandboxFacts(binary.found ? binary.path : undefined)) ? ['--no-sandbox'] : [])]
    app = await electron.launch({ executablePath: packaged, args, cwd: ROOT })
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
    rmSync(userData, { recursive: true, force: true })
  })

  test('the page is served from app://, not file://, with the CSP as a header', async () => {
    expect(page.url()).toBe('app://backprop-lab/index.html')
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
    expect(csp).toContain("script-src 'self'")
  })

  test('the window is sandboxed: no Node in the page, only the lab bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      edition: (globalThis as { lab?: { edition?: string } }).lab?.edition,
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', edition: 'desktop' })
  })

  test("the page hears the OS's preferred languages from main, in main's order", async () => {
    const fromMain = await app.evaluate(({ app: a }) => a.getPreferredSystemLanguages())
    const inPage = await page.evaluate(() => (globalThis as { lab?: { systemLanguages?: string[] } }).lab?.systemLanguages)
    expect(inPage).toEqual(fromMain.length > 0 ? fromMain.slice(0, 10) : [await app.evaluate(({ app: a }) => a.getLocale())])
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

  test('a model saves and loads, and a run exports as CSV, through the dialogs in main', async () => {
    const model = join(userData, 'model.json')
    const csv = join(userData, 'run.csv')
    await app.evaluate(({ dialog }, paths) => {
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = args[args.length - 1] as { defaultPath?: string }
        return { canceled: false, filePath: options.defaultPath?.endsWith('.csv') ? paths.csv : paths.model }
      }) as typeof dialog.showSaveDialog
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [paths.model] })) as typeof dialog.showOpenDialog
    }, { model, csv })
    await page.getByTestId('save-button').click()
    await expect.poll(() => statSync(model, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(1000)
    await page.getByTestId('load-button').click()
    await expect(page.getByText(/model\.json/)).toBeVisible()
    await page.getByRole('tab', { name: /Runs/ }).click()
    await page.locator('[data-testid^="export-csv-"]').first().click()
    await expect.poll(() => statSync(csv, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(0)
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/iteration/)
    await page.getByRole('tab', { name: /Train/ }).click()
  })

  test('a reload mid-run comes back showing the run, which goes on', async () => {
    await page.getByTestId('iterations-input').fill('100000')
    await page.getByTestId('start-button').click()
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'running')
    await page.reload()
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'running')
    await page.getByTestId('stop-button').click()
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'finished')
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
