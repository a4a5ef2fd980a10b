// The DatasetInfo of IDX files, named for the downloaded data set they came from (issue 13 §1).
import type { DatasetInfo } from '../protocol'
import type { Split } from '../data/digits'
import { idxDatasetInfo } from '../data/idx'
import { FASHION_LABELS, type DownloadableDataset } from '../datasets'

export const DATASET_TITLES: Record<DownloadableDataset, string> = { mnist: 'MNIST', fashion: 'Fashion-MNIST' }

/**
 * A folder of the user's (no source): as before. A downloaded set: its title, and for Fashion-MNIST its label names
 * and expectedTestAccuracy 0, which means "no expectation": the book's ~0.97 is MNIST's and none was measured here.
 */
export function datasetInfoFor(split: Split, source?: DownloadableDataset): DatasetInfo {
  if (source === undefined) return idxDatasetInfo(split)
  const info = idxDatasetInfo(split, `${DATASET_TITLES[source]}, downloaded`)
  return source === 'fashion' ? { ...info, source, labelNames: [...FASHION_LABELS], expectedTestAccuracy: 0 } : { ...info, source }
}
