// The fast path on the WebAssembly SIMD kernel (src-worker/assembly/): the host side. It owns one kernel
// instance, encodes the training set into its memory once, writes each batch's indices and reads the loss.
import type { Params, TrainingBackend } from '../net/backend'
import type { DigitSet } from '../data/digits'
import { PIXELS } from '../data/digits'
import type { Activation } from '../protocol'
import type { ParamsF32 } from './params-f32'
import { checkBatch, checkLearningRate, hiddenSizeOf, readParams, writeParams } from './params-f32'
import { PredictCopy } from './predict'
import type { WasmMemory, WasmModule } from './wasm-api'
import { wasmApi } from './wasm-api'

/** The kernel's exports (src-worker/assembly/kernel.ts); pointers are byte offsets into memory. */
interface Kernel {
  memory: WasmMemory
  init(hidden: number, relu: number): number
  reserve(count: number, nnz: number, cap: number): number
  paddedHidden(): number
  ptrW1(): number
  ptrB1(): number
  ptrW2T(): number
  ptrB2(): number
  ptrBatch(): number
  ptrStageImages(): number
  ptrStageLabels(): number
  stageCapacity(): number
  reserveEvalSet(count: number, nnz: number): number
  encodeStaged(slot: number, first: number, count: number): void
  step(batchSize: number, learningRate: number): number
  loss(batchSize: number): number
  correct(slot: number): number
}

/** batches smaller than this still get room for this many rows, so a run rarely re-lays out memory */
const MIN_BATCH_CAPACITY = 128

/** TrainingBackend 'wasm-simd-f32' on the f32x4 kernel. */
export class WasmBackend implements TrainingBackend {
  readonly name = 'wasm-simd-f32'
  private readonly k: Kernel
  private readonly hidden: number
  /** the training set, encoded in the kernel's memory (slot 0) */
  private resident: DigitSet | null = null
  /** the last other set accuracy() was asked about, encoded too (slot 1): the test set, in a run */
  private evaluated: DigitSet | null = null
  /** lit pixels in the resident set */
  private nnz = 0
  private capacity = 0
  private i32 = new Int32Array(0)
  private u8 = new Uint8Array(0)
  private readonly predictor: PredictCopy

  /** module: the compiled kernel; params are copied (as float32) */
  constructor(module: WasmModule, params: Params, readonly activation: Activation) {
    this.hidden = hiddenSizeOf(params)
    this.k = new wasmApi!.Instance(module, {}).exports as Kernel
    if (!this.k.init(this.hidden, activation === 'relu' ? 1 : 0)) throw new RangeError('fast path: out of WebAssembly memory for the params')
    this.layout(0, 0, MIN_BATCH_CAPACITY)
    this.predictor = new PredictCopy(() => this.getParams(), activation)
    this.setParams(params)
  }

  /** 5.7.4 one iteration in the kernel: gradient, params −= lr·grad, then the loss on the same batch */
  step(set: DigitSet, batch: Int32Array, learningRate: number): number {
    checkBatch(batch, set.count)
    checkLearningRate(learningRate)
    this.prepare(set, batch)
    this.predictor.stale()
    return this.k.step(batch.length, learningRate)
  }

  /** network.loss(x_batch, t_batch) without training (used by the agreement tests) */
  loss(set: DigitSet, batch: Int32Array): number {
    checkBatch(batch, set.count)
    this.prepare(set, batch)
    return this.k.loss(batch.length)
  }

  /** over the training set or, encoded once on first use, another set (the test set) */
  accuracy(set: DigitSet): number {
    if (set.count === 0) return NaN
    if (set === this.resident) return this.k.correct(0) / set.count
    if (set !== this.evaluated) {
      this.evaluated = null
      if (!this.k.reserveEvalSet(set.count, countLit(set))) {
        throw new RangeError(`fast path: out of WebAssembly memory for an evaluation set of ${set.count} digits`)
      }
      this.refreshViews()
      this.forEachStagedChunk(set, (first, count) => this.k.encodeStaged(1, first, count))
      this.evaluated = set
    }
    return this.k.correct(1) / set.count
  }

  /** the kernel's linear memory: params, the encoded sets, scratch; bytes */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength
  }

  predict(x: Float32Array, n: number): Float64Array {
    return this.predictor.predict(x, n)
  }

  getParams(): Params {
    return readParams(this.views())
  }

  setParams(params: Params): void {
    writeParams(params, this.views())
    this.predictor.stale()
  }

  /** writes the batch indices into the kernel, first making set resident if it is not */
  private prepare(set: DigitSet, batch: Int32Array): void {
    if (set !== this.resident) this.makeResident(set, batch.length)
    if (batch.length > this.capacity) this.layout(set.count, this.nnz, batch.length)
    this.i32.set(batch, this.k.ptrBatch() >> 2)
  }

  /** encodes set into the kernel's memory, sparsely, once: every step reads it there until another set is trained on */
  private makeResident(set: DigitSet, batchSize: number): void {
    this.resident = null
    const total = countLit(set)
    this.layout(set.count, total, Math.max(batchSize, this.capacity))
    this.forEachStagedChunk(set, (first, count) => this.k.encodeStaged(0, first, count))
    this.nnz = total
    this.resident = set
  }

  /** copies set into the staging area 1,000 digits at a time, calling use after each copy (to encode it) */
  private forEachStagedChunk(set: DigitSet, use: (first: number, count: number) => void): void {
    const chunk = this.k.stageCapacity()
    for (let first = 0; first < set.count; first += chunk) {
      const end = Math.min(set.count, first + chunk)
      this.u8.set(set.images.subarray(first * PIXELS, end * PIXELS), this.k.ptrStageImages())
      this.u8.set(set.labels.subarray(first, end), this.k.ptrStageLabels())
      use(first, end - first)
    }
  }

  private layout(count: number, nnz: number, capacity: number): void {
    if (!this.k.reserve(count, nnz, capacity)) {
      throw new RangeError(`fast path: out of WebAssembly memory for ${count} digits and batches of ${capacity}`)
    }
    this.capacity = capacity
    this.evaluated = null // its region moved with the staging area
    this.refreshViews()
  }

  /** growing the memory detaches the old buffer: take fresh views */
  private refreshViews(): void {
    this.i32 = new Int32Array(this.k.memory.buffer)
    this.u8 = new Uint8Array(this.k.memory.buffer)
  }

  private views(): ParamsF32 {
    const buffer = this.k.memory.buffer, stride = this.k.paddedHidden()
    return {
      W1: new Float32Array(buffer, this.k.ptrW1(), PIXELS * stride),
      b1: new Float32Array(buffer, this.k.ptrB1(), stride),
      W2T: new Float32Array(buffer, this.k.ptrW2T(), 10 * stride),
      b2: new Float32Array(buffer, this.k.ptrB2(), 10),
      hidden: this.hidden,
      stride,
    }
  }
}

/** lit (nonzero) pixels of set */
function countLit(set: DigitSet): number {
  let total = 0
  for (let p = 0; p < set.count * PIXELS; p++) if (set.images[p] !== 0) total++
  return total
}
