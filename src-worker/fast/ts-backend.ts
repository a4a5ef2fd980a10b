// The fast path in plain TypeScript, for hosts without WebAssembly SIMD: the kernel's algorithm on
// Float32Arrays (sparse x, fused bias + activation, no dx for Affine1, W1 updated in place), no SIMD.
import type { Params, TrainingBackend } from '../net/backend'
import type { DigitSet } from '../data/digits'
import { CLASSES as C, PIXELS as D } from '../data/digits'
import type { Activation } from '../protocol'
import type { ParamsF32 } from './params-f32'
import { checkBatch, checkLearningRate, hiddenSizeOf, readParams, writeParams } from './params-f32'
import { PredictCopy } from './predict'

/** TrainingBackend 'ts-f32': float32 buffers allocated once per batch capacity, nothing per step. */
export class TsBackend implements TrainingBackend {
  readonly name = 'ts-f32'
  private readonly p: ParamsF32
  private readonly H: number
  private readonly relu: boolean
  private readonly dW2T: Float32Array
  private readonly db1: Float32Array
  private readonly db2 = new Float32Array(C)
  private readonly a = new Float32Array(C)
  private capacity = 0
  private t = new Uint8Array(0)
  private rowStart = new Int32Array(0)
  private xOff = new Int32Array(0) // k·H for each lit pixel k: W1's row
  private xVal = new Float32Array(0) // x = byte / 255
  private z = new Float32Array(0) // activation(x·W1 + b1), then −lr·dh
  private y = new Float32Array(0) // softmax, then dout
  private readonly predictor: PredictCopy

  constructor(params: Params, readonly activation: Activation) {
    const H = (this.H = hiddenSizeOf(params))
    this.relu = activation === 'relu'
    this.p = { W1: new Float32Array(D * H), b1: new Float32Array(H), W2T: new Float32Array(C * H), b2: new Float32Array(C), hidden: H, stride: H }
    this.dW2T = new Float32Array(C * H)
    this.db1 = new Float32Array(H)
    this.predictor = new PredictCopy(() => this.getParams(), activation)
    this.setParams(params)
  }

  /** 5.7.4: grad = gradient(x_batch, t_batch); params −= lr·grad; return loss(x_batch, t_batch) */
  step(set: DigitSet, batch: Int32Array, learningRate: number): number {
    checkBatch(batch, set.count)
    checkLearningRate(learningRate)
    this.gather(set, batch)
    this.predictor.stale()
    this.forward(batch.length)
    this.backwardAndUpdate(batch.length, learningRate)
    return this.forward(batch.length)
  }

  /** network.loss(x_batch, t_batch) without training */
  loss(set: DigitSet, batch: Int32Array): number {
    checkBatch(batch, set.count)
    this.gather(set, batch)
    return this.forward(batch.length)
  }

  accuracy(set: DigitSet): number {
    if (set.count === 0) return NaN
    if (this.capacity < 1) this.reserve(1)
    const { a } = this
    let right = 0
    for (let i = 0; i < set.count; i++) {
      this.rowStart[1] = this.gatherRow(set.images, i * D, 0)
      this.hiddenRow(0)
      this.scoresRow(0, a, 0)
      let best = 0
      for (let c = 1; c < C; c++) if (a[c] > a[best]) best = c // np.argmax(y, axis=1)
      if (best === set.labels[i]) right++
    }
    return right / set.count
  }

  predict(x: Float32Array, n: number): Float64Array {
    return this.predictor.predict(x, n)
  }

  getParams(): Params {
    return readParams(this.p)
  }

  setParams(params: Params): void {
    writeParams(params, this.p)
    this.predictor.stale()
  }

  private reserve(capacity: number): void {
    this.capacity = capacity
    this.t = new Uint8Array(capacity)
    this.rowStart = new Int32Array(capacity + 1)
    this.xOff = new Int32Array(capacity * D)
    this.xVal = new Float32Array(capacity * D)
    this.z = new Float32Array(capacity * this.H)
    this.y = new Float32Array(capacity * C)
  }

  /** x_batch, t_batch = x_train[batch_mask], t_train[batch_mask], x kept sparse */
  private gather(set: DigitSet, batch: Int32Array): void {
    if (batch.length > this.capacity) this.reserve(Math.max(batch.length, 128))
    let at = 0
    for (let n = 0; n < batch.length; n++) {
      this.rowStart[n] = at
      at = this.gatherRow(set.images, batch[n] * D, at)
      this.t[n] = set.labels[batch[n]]
    }
    this.rowStart[batch.length] = at
  }

  private gatherRow(images: Uint8Array, from: number, at: number): number {
    const { xOff, xVal, H } = this
    for (let k = 0; k < D; k++) {
      const px = images[from + k]
      if (px !== 0) {
        xOff[at] = k * H
        xVal[at++] = px / 255
      }
    }
    return at
  }

  /** the book's loss: mean over rows of −log softmax(a)_t, keeping z and y = softmax(a) */
  private forward(batchSize: number): number {
    const { y } = this
    let sum = 0
    for (let n = 0; n < batchSize; n++) {
      this.hiddenRow(n)
      const max = this.scoresRow(n, y, n * C)
      const shifted = y[n * C + this.t[n]] - max
      let total = 0
      for (let c = n * C; c < n * C + C; c++) total += y[c] = Math.exp(y[c] - max) // softmax, shifted by the max (3.5.2)
      for (let c = n * C; c < n * C + C; c++) y[c] /= total
      sum += Math.log(total) - shifted //                                   −log y_t = log Σ exp(a − max) − (a_t − max)
    }
    return sum / batchSize
  }

  /** z = activation(x·W1 + b1) for row n, over the lit pixels only (Affine1 → Relu1 / Sigmoid1) */
  private hiddenRow(n: number): void {
    const { W1, b1 } = this.p, { xOff, xVal, z, H } = this
    const first = this.rowStart[n], last = this.rowStart[n + 1], out = n * H
    const act = (h: number) => (this.relu ? Math.max(0, h) : 1 / (1 + Math.exp(-h))) // Relu1 / Sigmoid1
    let j = 0
    // four units at a time, so the sums stay in registers (JS has no SIMD); each is rounded to float32 once
    for (; j + 4 <= H; j += 4) {
      let h0 = b1[j], h1 = b1[j + 1], h2 = b1[j + 2], h3 = b1[j + 3]
      for (let e = first; e < last; e++) {
        const xk = xVal[e], w = xOff[e] + j
        h0 += xk * W1[w] //                                          np.dot(x, W1) + b1
        h1 += xk * W1[w + 1]
        h2 += xk * W1[w + 2]
        h3 += xk * W1[w + 3]
      }
      z[out + j] = act(h0)
      z[out + j + 1] = act(h1)
      z[out + j + 2] = act(h2)
      z[out + j + 3] = act(h3)
    }
    for (; j < H; j++) {
      let h = b1[j]
      for (let e = first; e < last; e++) h += xVal[e] * W1[xOff[e] + j]
      z[out + j] = act(h)
    }
  }

  /** a = z·W2 + b2 for row n into a[at..at+10) (Affine2.forward); returns max a */
  private scoresRow(n: number, a: Float32Array, at: number): number {
    const { W2T, b2 } = this.p, { z, H } = this
    let max = -Infinity
    for (let c = 0; c < C; c++) {
      let s = 0
      for (let j = 0; j < H; j++) s += z[n * H + j] * W2T[c * H + j]
      a[at + c] = s + b2[c]
      max = Math.max(max, a[at + c])
    }
    return max
  }

  private backwardAndUpdate(batchSize: number, lr: number): void {
    const { W1, b1, W2T, b2 } = this.p, { dW2T, db1, db2, xOff, xVal, z, y, H } = this
    dW2T.fill(0), db1.fill(0), db2.fill(0)
    for (let n = 0; n < batchSize; n++) {
      for (let c = 0; c < C; c++) db2[c] += y[n * C + c] = (y[n * C + c] - (c === this.t[n] ? 1 : 0)) / batchSize // dout = (y − t) / N
      for (let j = 0; j < H; j++) {
        const zj = z[n * H + j]
        let dz = 0
        for (let c = 0; c < C; c++) {
          dW2T[c * H + j] += y[n * C + c] * zj //                   dW2 = np.dot(z.T, dout)
          dz += y[n * C + c] * W2T[c * H + j] //                     dz = np.dot(dout, W2.T)
        }
        const dh = this.relu ? (zj > 0 ? dz : 0) : dz * zj * (1 - zj) // Relu / Sigmoid backward
        db1[j] += dh //                                               db1 = np.sum(dh, axis=0)
        z[n * H + j] = -lr * dh
      }
    }
    for (let n = 0; n < batchSize; n++) {
      for (let e = this.rowStart[n]; e < this.rowStart[n + 1]; e++) {
        const xk = xVal[e], w = xOff[e]
        for (let j = 0; j < H; j++) W1[w + j] += xk * z[n * H + j] //   W1 −= lr · np.dot(x.T, dh), lit rows only
      }
    }
    for (let j = 0; j < H; j++) b1[j] -= lr * db1[j]
    for (let i = 0; i < C * H; i++) W2T[i] -= lr * dW2T[i]
    for (let c = 0; c < C; c++) b2[c] -= lr * db2[c]
  }
}
