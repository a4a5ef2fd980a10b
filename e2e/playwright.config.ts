// Playwright for Backprop Lab. Run after `npx electron-vite build`:
//   npx playwright test -c e2e/playwright.config.ts
// 'browser' drives the browser edition (out/renderer served by vite preview) in Debian's Chromium;
// 'electron' (electron.spec.ts) launches the desktop app where an Electron binary exists.
import { resolve } from 'node:path'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium; override with CHROMIUM_PATH elsewhere. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The preview server's port; E2E_PORT lets two checkouts run their e2e side by side. */
const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: '.',
  outputDir: resolve(__dirname, '..', 'test-results'),
  reporter: 'list',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  projects: [
    {
      name: 'browser',
      testMatch: /browser(-[a-z0-9-]+)?\.spec\.ts$/,
      use: {
        baseURL,
        viewport: { width: 1280, height: 900 },
        launchOptions: { executablePath: chromium, args: chromiumArgs },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron.spec.ts',
    },
  ],
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: resolve(__dirname, '..'),
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
})
