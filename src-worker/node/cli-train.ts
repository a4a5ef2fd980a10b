// `npm run train`: the book's train_neuralnet.py (5.7.4) on the same engine the app uses, headless.
import { CLASSES, PIXELS } from '../data/digits'
import type { EpochPoint, RunSummary } from '../protocol'
import { Random } from '../net/random'
import { iterationsPerEpoch, train } from '../net/train'
import { initParams } from '../net/two-layer-net'
import { TRAIN_USAGE, parseTrainArgs, runCli } from './cli-args'
import { createFastBackend } from '../fast'

const fixed = (value: number) => value.toFixed(4)

function epochLine(point: EpochPoint, json: boolean): string {
  if (json) return JSON.stringify({ epoch: point.epoch, iteration: point.iteration, trainAccuracy: point.trainAccuracy, testAccuracy: point.testAccuracy })
  const epoch = Number.isInteger(point.epoch) ? String(point.epoch) : point.epoch.toFixed(2)
  return `${epoch.padStart(6)} ${String(point.iteration).padStart(9)} ${fixed(point.trainAccuracy).padStart(10)} ${fixed(point.testAccuracy).padStart(9)}`
}

function summaryLines(s: RunSummary, json: boolean, expected: number): string[] {
  if (json) {
    const { iterations, seed, finalLoss, trainAccuracy, testAccuracy, msPerIteration, totalSeconds } = s
    return [JSON.stringify({ iterations, seed, finalLoss, trainAccuracy, testAccuracy, msPerIteration, totalSeconds })]
  }
  return [
    `final: train accuracy ${fixed(s.trainAccuracy)}, test accuracy ${fixed(s.testAccuracy)}${expected > 0 ? ` (the book's settings reach ~${expected} on this data)` : ''}; last loss ${fixed(s.finalLoss)}`,
    `${s.msPerIteration.toFixed(2)} ms per iteration (training step only), ${s.totalSeconds.toFixed(1)} s in all`,
  ]
}

/** --data DIR, or --data mnist|fashion: the lab's cache of a downloaded data set (issue 13 §1). */
async function loadDataFolder(data: string) {
  const { loadIdxFolder, readIdxFolder } = await import('./idx-folder')
  const { cachedDatasetFolder, cachedDatasetName } = await import('./downloads/cached-dataset')
  const dataset = cachedDatasetName(data)
  if (dataset === null) return loadIdxFolder(data)
  const { labUserDataFolder } = await import('./downloads/lab-cache')
  const { parseIdxFiles } = await import('../data/idx')
  const { datasetInfoFor } = await import('../session/downloaded-dataset-info')
  const split = parseIdxFiles(await readIdxFolder(await cachedDatasetFolder(labUserDataFolder(), dataset)))
  return { split, info: datasetInfoFor(split, dataset) }
}

runCli(TRAIN_USAGE, parseTrainArgs, async (args) => {
  const { settings, json } = args
  const { split, info } = args.dataDir
    ? await loadDataFolder(args.dataDir)
    : await (await import('./default-data')).loadDefaultSplit()
  const rng = new Random(settings.seed) // weights first (W1, W2), then the batches
  const params = initParams(PIXELS, settings.hiddenSize, CLASSES, settings.weightInitStd, rng)
  const backend = await createFastBackend(params, settings.activation)
  if (!json) {
    const perEpoch = iterationsPerEpoch(split.train.count, settings.batchSize)
    console.log(`backend ${backend.name} · data: ${info.name}, ${info.trainSize} train / ${info.testSize} test, ${perEpoch} iterations per epoch`)
    console.log(
      `iters ${settings.iterations}, batch ${settings.batchSize}, lr ${settings.learningRate}, hidden ${settings.hiddenSize}, ` +
        `init-std ${settings.weightInitStd}, activation ${settings.activation}, seed ${settings.seed}`,
    )
    console.log(' epoch iteration  train acc  test acc')
  }
  const run = train(backend, split, settings, rng)
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) {
      for (const line of summaryLines(step.value, json, info.expectedTestAccuracy)) console.log(line)
      return 0
    }
    if (step.value.type === 'epoch') console.log(epochLine(step.value, json))
  }
})
