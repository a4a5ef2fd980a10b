// Issue 13 §1 in the browser edition: no downloads (the renderer is untrusted and the mirrors' CORS is not ours to
// rely on), one line saying where they are, and the open-a-folder path still there; in English and Korean.
import { expect, test } from '@playwright/test'

for (const [lang, note, open] of [
  ['en', /Downloading the full MNIST or Fashion-MNIST is in the desktop app and the command line \(npm run data:get -- mnist\)/, 'Open MNIST IDX files…'],
  ['ko', /전체 MNIST나 Fashion-MNIST 다운로드는 데스크톱 앱과 명령줄/, 'MNIST IDX 파일 열기…'],
] as const) {
  test(`browser (${lang}): the Data section says the download is in the desktop app and the CLI, and offers no download`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('backprop-lab.language', l), lang)
    await page.goto('/')
    await expect(page.getByTestId('dataset')).toBeVisible()
    await expect(page.getByTestId('downloads-browser-note')).toHaveText(note)
    await expect(page.getByRole('button', { name: open })).toBeEnabled()
    await expect(page.getByTestId('downloads')).toHaveCount(0)
    await expect(page.getByRole('button', { name: /MNIST \(|Fashion-MNIST \(/ })).toHaveCount(0)
  })
}
