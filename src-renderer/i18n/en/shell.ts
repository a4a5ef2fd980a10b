/** The lab's frame: header, tab list, language switch. */
export const shell = {
  title: 'Backprop Lab',
  subtitle: 'Chapter 5 of Deep Learning from Scratch: error backpropagation on MNIST',
  edition: { desktop: 'desktop edition', browser: 'browser edition' },
  panesLabel: 'Panes',
  language: 'Language',
  /** inside Electron with no preload bridge (src-renderer/lab/choose-lab.ts) */
  bridgeMissing: {
    title: "The desktop edition could not start",
    body: "Backprop Lab's bridge to its training worker (the preload script) did not load, so this window cannot train, predict or keep runs. Nothing has been lost: your runs and models are files in the app's data folder.",
    hint: "Reinstall Backprop Lab, or start it from a terminal to see the error it printed, and report it.",
  },
  panes: {
    train: 'Train',
    predict: 'Predict',
    gradient: 'Gradient check',
    graph: 'Computational graph',
    layers: 'Layers',
    step: 'One step',
    inspect: 'Inspect',
    runs: 'Runs',
  },
}
