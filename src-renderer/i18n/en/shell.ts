/** The lab's frame: header, tab list, language switch. */
export const shell = {
  title: 'Backprop Lab',
  subtitle: 'Chapter 5 of Deep Learning from Scratch: error backpropagation on MNIST',
  edition: { desktop: 'desktop edition', browser: 'browser edition' },
  panesLabel: 'Panes',
  language: 'Language',
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
