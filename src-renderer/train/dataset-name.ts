import type { DatasetInfo } from '../../src-worker/protocol'
import type { T } from '../i18n'

/** The data set's name in the reader's language: the bundled digits are worded here; an opened set keeps its own name. */
export function datasetName(t: T, dataset: Pick<DatasetInfo, 'kind' | 'name' | 'trainSize' | 'testSize'>, num: (n: number) => string): string {
  return dataset.kind === 'default' ? t.data.defaultName(num(dataset.trainSize + dataset.testSize)) : dataset.name
}

/** What each label means where it is not the digit itself (Fashion-MNIST), in the UI's language; null for digits. */
export function labelNames(t: T, dataset: DatasetInfo | null): readonly string[] | null {
  if (!dataset) return null
  if (dataset.source === 'fashion') return t.data.fashionLabels
  return dataset.labelNames ?? null
}
