/** The Train pane's Data section: which digits, and the downloads of the full data sets (issue 13 §1). */
export const data = {
  title: 'Data',
  /** the bundled digits, by their count */
  defaultName: (count: string) => `The mnist package's ${count} digits (80/20 per digit)`,
  summary: (train: string, test: string) => `: ${train} training and ${test} test digits.`,
  summaryImages: (train: string, test: string) => `: ${train} training and ${test} test images.`,
  expectation: 'With the book’s settings expect a test accuracy of about',
  expectationDefaultNote: ' (the book reaches 0.97 on the full 60,000 MNIST digits).',
  noExpectation: 'No expected test accuracy is given for this data set: the book’s ~0.97 is for MNIST, and none was measured here.',
  labels: 'Labels',
  engine: (backend: string) => `Engine: ${backend}`,
  useDefault: 'Use default digits',
  openFolder: 'Open MNIST IDX files…',
  get: { mnist: 'Get the full MNIST (60,000 + 10,000, ~11 MB)', fashion: 'Get Fashion-MNIST (~30 MB)' },
  use: { mnist: 'Use the downloaded MNIST', fashion: 'Use the downloaded Fashion-MNIST' },
  titles: { mnist: 'MNIST', fashion: 'Fashion-MNIST' },
  cancel: 'Cancel download',
  progressLabel: (title: string) => `Downloading ${title}`,
  progress: (file: string, bytes: string, total: string, percent: string, speed: string) => `${file} · ${bytes} of ${total} (${percent} %) · ${speed}/s`,
  done: (title: string, folder: string) => `${title} was downloaded and checked against its pinned SHA-256, and the lab loads it now. Kept in ${folder}.`,
  cancelled: (title: string) => `The download of ${title} was cancelled; nothing partial was kept.`,
  failed: (title: string, file: string) => `Could not download ${title}: every mirror failed for ${file}.`,
  offline: 'Without the network, open a folder that holds the four IDX files with “Open MNIST IDX files…”.',
  unusable: (title: string, message: string) => `${title} could not be downloaded or used: ${message}`,
  refused: (message: string) => `The download did not start: ${message}`,
  cacheFolder: (folder: string) => `Downloads are kept in ${folder}.`,
  browserNote:
    'Downloading the full MNIST or Fashion-MNIST is in the desktop app and the command line (npm run data:get -- mnist); in the browser, open a folder with the four IDX files.',
  /** Fashion-MNIST's classes by label (zalandoresearch/fashion-mnist) */
  fashionLabels: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
}
