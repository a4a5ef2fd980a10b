// What to say when no mirror answered: every URL tried and why (in the DownloadError), then the way round it.
import type { DownloadError } from './download-file'

export const OPEN_FOLDER_HINT =
  'Without the network: put the four files in a folder yourself and train on it with `npm run train -- --data DIR`, ' +
  'or use “Open MNIST IDX files…” in the desktop app.'

export function downloadFailureText(error: DownloadError): string {
  return `${error.message}\n${OPEN_FOLDER_HINT}`
}
