import type { Params } from './backend'
import { Affine } from '../layers/affine'
import { Relu } from '../layers/relu'
import { Sigmoid } from '../layers/sigmoid'
import { SoftmaxWithLoss } from '../layers/softmax-with-loss'
import { Matrix } from '../math/matrix'
import { argmaxRows } from '../math/ops'
import { numericalGradient } from './numerical-gradient'
import type { Activation } from '../protocol'
import type { Random } from './random'

/** A layer of the net's ordered `layers` list. */
export interface Layer {
  forward(x: Matrix): Matrix
  backward(dout: Matrix): Matrix
}

/** 5.7.2 initial weights: W = weightInitStd · randn, b = 0. Draws W1 then W2 from rng, row-major. */
export function initParams(inputSize: number, hiddenSize: number, outputSize: number, weightInitStd: number, rng: Random): Params {
  const randn = (rows: number, cols: number) => {
    const m = new Matrix(rows, cols)
    for (let i = 0; i < m.data.length; i++) m.data[i] = weightInitStd * rng.randn()
    return m
  }
  const W1 = randn(inputSize, hiddenSize)
  const W2 = randn(hiddenSize, outputSize)
  return { W1, b1: new Matrix(1, hiddenSize), W2, b2: new Matrix(1, outputSize) }
}

/**
 * 5.7.2 the two-layer net: Affine1 → Relu1 (or Sigmoid1) → Affine2, then SoftmaxWithLoss.
 * x: one image per row; t: labels (class indices, one per row of x) rather than the book's one-hot rows.
 */
export class TwoLayerNet {
  readonly params: Params
  readonly layers: Layer[]
  readonly lastLayer = new SoftmaxWithLoss()

  constructor(inputSize: number, hiddenSize: number, outputSize: number, weightInitStd: number, activation: Activation, rng: Random)
  /** wraps existing params (held by reference, not copied) */
  constructor(params: Params, activation: Activation)
  constructor(...args: [number, number, number, number, Activation, Random] | [Params, Activation]) {
    const activation = args.length === 2 ? args[1] : args[4]
    this.params = args.length === 2 ? args[0] : initParams(args[0], args[1], args[2], args[3], args[5])
    this.layers = [
      new Affine(this.params.W1, this.params.b1), //            Affine1
      activation === 'relu' ? new Relu() : new Sigmoid(), //     Relu1
      new Affine(this.params.W2, this.params.b2), //            Affine2
    ]
  }

  /** the scores before softmax (the book's predict) */
  predict(x: Matrix): Matrix {
    for (const layer of this.layers) x = layer.forward(x)
    return x
  }

  loss(x: Matrix, t: Uint8Array): number {
    const y = this.predict(x)
    return this.lastLayer.forward(y, t)
  }

  accuracy(x: Matrix, t: Uint8Array): number {
    const y = argmaxRows(this.predict(x))
    let correct = 0
    for (let i = 0; i < y.length; i++) if (y[i] === t[i]) correct++
    return correct / x.rows
  }

  /** 4.5 gradient by central differences: slow, the oracle for gradient(). onProgress(done, total) after each element */
  numericalGradient(x: Matrix, t: Uint8Array, onProgress?: (done: number, total: number) => void): Params {
    const lossW = () => this.loss(x, t)
    const { W1, b1, W2, b2 } = this.params
    const total = W1.data.length + b1.data.length + W2.data.length + b2.data.length
    let done = 0
    const onElement = onProgress && (() => onProgress(++done, total))
    return {
      W1: numericalGradient(lossW, W1, onElement),
      b1: numericalGradient(lossW, b1, onElement),
      W2: numericalGradient(lossW, W2, onElement),
      b2: numericalGradient(lossW, b2, onElement),
    }
  }

  /** 5.7.2 gradient by backprop: forward, then every layer's backward in reverse order */
  gradient(x: Matrix, t: Uint8Array): Params {
    this.loss(x, t) //                                 forward
    let dout = this.lastLayer.backward(1) //          backward
    for (const layer of [...this.layers].reverse()) dout = layer.backward(dout)
    const affine1 = this.layers[0] as Affine
    const affine2 = this.layers[2] as Affine
    return { W1: affine1.dW!, b1: affine1.db!, W2: affine2.dW!, b2: affine2.db! }
  }
}
