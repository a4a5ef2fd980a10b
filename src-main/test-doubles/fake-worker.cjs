// TEST DOUBLE of the training worker (src-worker/node/entry-node.ts), not of Electron.
// Speaks the LabEvent protocol with made-up numbers so the host's own logic (relay, buffering,
// double-start guard, requests, faults) can be tested without training. workerData.crash:
// 'throwAfterProgress' throws after the first progress chunk; 'exitAfterProgress' exits with code 3;
// 'exitOnLoadIdx' exits with code 4 on a loadIdx; 'hangAfterProgress' stays alive and silent after the first chunk. loadIdx answers like the real session: 'datasetLoaded'
// (kind 'idx', trainSize = the train images' byte count, name from that file) or, for an empty file, 'rejected'.
const { parentPort, workerData } = require('node:worker_threads')

const dataset = { kind: 'default', name: 'fake digits', trainSize: 100, testSize: 20, expectedTestAccuracy: 0.9 }
const opts = workerData || {}
let run

parentPort.postMessage({ type: 'ready', dataset, backend: 'fake' })

function slice() {
  if (!run || run.paused) return
  const n = Math.min(10, run.settings.iterations - run.next)
  const losses = new Float32Array(n).map((_, k) => 2.3 / (1 + run.next + k))
  parentPort.postMessage({ type: 'progress', firstIteration: run.next, losses }, [losses.buffer])
  run.next += n
  if (opts.crash === 'throwAfterProgress') throw new Error('simulated crash in the fake worker')
  if (opts.crash === 'exitAfterProgress') process.exit(3)
  if (opts.crash === 'hangAfterProgress') return // alive, but never another word: a worker stuck in a loop
  if (run.next % 50 === 0) parentPort.postMessage({ type: 'epoch', epoch: run.next / 50, iteration: run.next - 1, trainAccuracy: 0.5, testAccuracy: 0.4 })
  if (run.next >= run.settings.iterations || run.stopRequested) return finish(run.stopRequested ? 'stopped' : 'completed')
  setTimeout(slice, 1)
}

function finish(reason) {
  const summary = { iterations: run.next, seed: run.settings.seed, finalLoss: 0.1, trainAccuracy: 0.5, testAccuracy: 0.4, msPerIteration: 0.1, totalSeconds: 0.01 }
  run = undefined
  parentPort.postMessage({ type: 'done', reason, summary })
}

parentPort.on('message', (command) => {
  switch (command.type) {
    case 'start':
      if (run) return parentPort.postMessage({ type: 'rejected', command: 'start', message: 'a run is already in progress' })
      run = { settings: command.settings, next: 0, paused: false, stopRequested: false }
      parentPort.postMessage({ type: 'started', settings: command.settings, dataset, iterationsPerEpoch: 50, backend: 'fake' })
      parentPort.postMessage({ type: 'epoch', epoch: 0, iteration: 0, trainAccuracy: 0.1, testAccuracy: 0.1 })
      return setTimeout(slice, 1)
    case 'pause':
      if (run) { run.paused = true; parentPort.postMessage({ type: 'paused', iteration: run.next }) }
      return
    case 'resume':
      if (run) { run.paused = false; parentPort.postMessage({ type: 'resumed', iteration: run.next }); setTimeout(slice, 1) }
      return
    case 'stop':
      if (run) { run.stopRequested = true; if (run.paused) finish('stopped') }
      return
    case 'useDefaultData':
      return parentPort.postMessage({ type: 'datasetLoaded', dataset })
    case 'loadIdx': {
      if (opts.crash === 'exitOnLoadIdx') process.exit(4)
      const images = command.files.trainImages
      if (!(images.bytes instanceof Uint8Array) || images.bytes.length === 0) {
        return parentPort.postMessage({ type: 'rejected', command: 'loadIdx', message: `${images.name}: the file is empty` })
      }
      const idx = { kind: 'idx', name: `fake IDX from ${images.name}`, trainSize: images.bytes.length, testSize: 20, expectedTestAccuracy: 0.97 }
      return parentPort.postMessage({ type: 'datasetLoaded', dataset: idx })
    }
    case 'exportModel':
      return parentPort.postMessage({ type: 'model', model: { format: 'fake-model' } })
    default:
      return parentPort.postMessage({ type: 'rejected', command: command.type, message: `the fake worker does not do ${command.type}` })
  }
})
