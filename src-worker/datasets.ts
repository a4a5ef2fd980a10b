// The two data sets the lab can download (issue 13 §1): names, sizes and label names, for every tree.
// Imports nothing at run time. The pinned files and mirrors live in node/downloads/dataset-pins.ts (Node-only).

export type DownloadableDataset = 'mnist' | 'fashion'
export const DOWNLOADABLE_DATASETS: readonly DownloadableDataset[] = ['mnist', 'fashion']

export function isDownloadableDataset(value: unknown): value is DownloadableDataset {
  return value === 'mnist' || value === 'fashion'
}

/** Fashion-MNIST's ten classes, in label order (zalandoresearch/fashion-mnist README; torchvision's FashionMNIST.classes). */
export const FASHION_LABELS: readonly string[] = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
]

/** The four files every data set has, under their original names. */
export const DATASET_FILE_NAMES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
] as const
export type DatasetFileName = (typeof DATASET_FILE_NAMES)[number]
