// The session's current weights and their passage to and from a model file (model-file.ts).
import type { Params, TrainingBackend } from '../net/backend'
import type { Split } from '../data/digits'
import { parseModelFile, toModelFile, type ModelFile } from './model-file'
import type { Activation, DatasetInfo, TrainSettings } from '../protocol'
import { LabInputError } from './validate'

/** The weights predict, inspect and exportModel use, with where they came from. */
export interface CurrentModel {
  backend: TrainingBackend
  settings: TrainSettings
  /** what the weights were trained on; undefined for the fresh net */
  dataset: DatasetInfo | undefined
  /** SGD iterations the weights have seen */
  iterations: number
  finalLoss: number | null
  /** known accuracies of these weights (a run's summary, a file's metrics); undefined after a divergence */
  accuracy: { train: number; test: number } | undefined
}

/** The model file for the current weights; refuses the untrained fresh net. */
export function exportModel(model: CurrentModel, data: { split: Split } | undefined): ModelFile {
  if (model.iterations === 0 || !model.dataset) throw new LabInputError('there is no trained model to save yet: train or load one first')
  const accuracy = model.accuracy ?? {
    train: data ? model.backend.accuracy(data.split.train) : 0,
    test: data ? model.backend.accuracy(data.split.test) : 0,
  }
  const metrics = { iterations: model.iterations, finalLoss: model.finalLoss, trainAccuracy: accuracy.train, testAccuracy: accuracy.test }
  return toModelFile(model.backend.getParams(), model.settings, model.dataset, metrics)
}

/**
 * Checks an untrusted model file (errors start with the file name) and builds a backend from it.
 * testAccuracy is measured on the data loaded now, which may differ from the data the file was trained on.
 */
export async function importModel(
  raw: unknown,
  fileName: string,
  createBackend: (params: Params, activation: Activation) => Promise<TrainingBackend>,
  data: { split: Split } | undefined,
): Promise<{ model: CurrentModel; testAccuracy: number }> {
  let loaded
  try {
    loaded = parseModelFile(raw)
  } catch (error) {
    throw new LabInputError(`${fileName}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const backend = await createBackend(loaded.params, loaded.settings.activation)
  const { metrics, settings, dataset } = loaded
  const accuracy = { train: metrics.trainAccuracy, test: metrics.testAccuracy }
  const model: CurrentModel = { backend, settings, dataset, iterations: metrics.iterations, finalLoss: metrics.finalLoss, accuracy }
  return { model, testAccuracy: data ? backend.accuracy(data.split.test) : metrics.testAccuracy }
}
