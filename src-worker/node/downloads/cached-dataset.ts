// `npm run train -- --data mnist|fashion`: the lab's cache folder of a downloaded data set, or a message naming
// the command that fills it (issue 13 §1).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DATASET_FILE_NAMES, isDownloadableDataset, type DownloadableDataset } from '../../datasets'
import { LabInputError } from '../../session/validate'
import { DATASET_PINS } from './dataset-pins'
import { datasetCacheFolder } from './lab-cache'

/** 'mnist' and 'fashion' name the cache; anything else is a folder path. */
export function cachedDatasetName(data: string): DownloadableDataset | null {
  return isDownloadableDataset(data) ? data : null
}

/** The cache folder of `dataset` under `userData` when it holds the four files; else a LabInputError saying how to get them. */
export async function cachedDatasetFolder(userData: string, dataset: DownloadableDataset): Promise<string> {
  const dir = datasetCacheFolder(userData, dataset)
  const missing: string[] = []
  for (const name of DATASET_FILE_NAMES) if (!(await stat(join(dir, name)).catch(() => undefined))?.isFile()) missing.push(name)
  if (missing.length > 0) {
    const what = missing.length === DATASET_FILE_NAMES.length ? 'is not downloaded yet' : `is only partly downloaded (${missing.join(', ')} missing)`
    throw new LabInputError(`${DATASET_PINS[dataset].title} ${what} (looked in ${dir}); run \`npm run data:get -- ${dataset}\` first, or pass --data DIR for a folder of your own (./${dataset} for a folder named so)`)
  }
  return dir
}
