// The fast path's WebAssembly kernel (AssemblyScript, f32x4 SIMD): one SGD step of the book's TwoLayerNet
// 784-H-10 (5.7.4) on a resident training set, and accuracy over any set. The host (src-worker/fast/wasm-
// backend.ts) writes params, images and batch indices straight into linear memory at the pointers below.
import { backwardAndUpdate } from './backward'
import { clearColumns } from './columns'
import { canFileColumns, encodeRow, hiddenRow, scoresRow, softmaxRow } from './forward'
import * as L from './layout'

/** Lays out and zeroes the params of a 784-hidden-10 net; relu = 0 means Sigmoid. 0 if memory can't grow. */
export function init(hidden: i32, relu: i32): i32 {
  return L.layoutParams(hidden, relu != 0) ? 1 : 0
}

/** Makes room for a resident set of count images with nnz lit pixels in all and batches of up to cap rows. */
export function reserve(count: i32, nnz: i32, cap: i32): i32 {
  return L.layoutData(count, nnz, cap) ? 1 : 0
}

export function paddedHidden(): i32 { return L.Hp }
export function ptrW1(): usize { return L.W1 }
export function ptrB1(): usize { return L.b1 }
export function ptrW2T(): usize { return L.W2T }
export function ptrB2(): usize { return L.b2 }
export function ptrBatch(): usize { return L.batchIdx }
export function ptrStageImages(): usize { return L.stageImages }
export function ptrStageLabels(): usize { return L.stageLabels }
export function stageCapacity(): i32 { return L.STAGE }

/** Makes room for the second set: count images with nnz lit pixels in all. 0 if memory can't grow. */
export function reserveEvalSet(count: i32, nnz: i32): i32 {
  return L.layoutEvalSet(count, nnz) ? 1 : 0
}

/**
 * Appends the count staged images (and labels) as images first..first+count−1 of set slot 0 (the training
 * set) or 1 (the second set): x kept sparse, once, so a batch is gathered by index alone.
 */
export function encodeStaged(slot: i32, first: i32, count: i32): void {
  const start = slot == 0 ? L.setStart : L.evStart, off = slot == 0 ? L.setOff : L.evOff
  const val = slot == 0 ? L.setVal : L.evVal, labels = slot == 0 ? L.labels : L.evLabels
  let at = first == 0 ? 0 : load<i32>(start + (<usize>first << 2))
  for (let i = 0; i < count; i++) {
    store<i32>(start + (<usize>(first + i) << 2), at)
    at = encodeRow(L.stageImages + <usize>i * L.D, off, val, at)
    store<u8>(labels + <usize>(first + i), load<u8>(L.stageLabels + <usize>i))
  }
  store<i32>(start + (<usize>(first + count) << 2), at)
}

/**
 * Reads one word per 64 bytes of every batch row's sparse pixels, back to back, so that their cache misses
 * overlap: the resident set (~10 MB) doesn't stay in L2, and inside the forward pass each row's misses
 * would stall its sums one row at a time. WebAssembly has no prefetch instruction, so the words are xor-ed
 * and stored, which no optimizer may drop.
 */
function readAheadBatch(batchSize: i32): void {
  let seen: u32 = 0
  for (let n = 0; n < batchSize; n++) {
    const i = <usize>load<i32>(L.batchIdx + (<usize>n << 2))
    for (let e = <usize>load<i32>(L.setStart + (i << 2)) << 2, end = <usize>load<i32>(L.setStart + (i << 2), 4) << 2; e < end; e += 64) {
      seen ^= load<u32>(L.setOff + e) ^ load<u32>(L.setVal + e)
    }
  }
  store<u32>(L.readAheadSink, seen)
}

/**
 * network.loss(x_batch, t_batch) over the batch at ptrBatch(): forward through every layer, keeping z and y.
 * With fileColumns, the batch's lit pixels are also filed under their columns for the W1 update.
 */
function forwardLoss(batchSize: i32, fileColumns: bool): f32 {
  if (fileColumns) clearColumns()
  let sum: f32 = 0
  for (let n = 0; n < batchSize; n++) {
    const i = <usize>load<i32>(L.batchIdx + (<usize>n << 2)) // batch_mask[n]
    const z = L.z + <usize>n * L.rowBytes
    hiddenRow(L.setOff, L.setVal, load<i32>(L.setStart + (i << 2)), load<i32>(L.setStart + (i << 2), 4), z, fileColumns)
    const a = L.y + <usize>(n * L.C * 4)
    const label = <i32>load<u8>(L.labels + i) //                t_batch[n]
    store<i32>(L.t + (<usize>n << 2), label)
    sum += softmaxRow(a, scoresRow(z, a), label)
  }
  return sum / <f32>batchSize
}

/**
 * One iteration of 5.7.4 on the batch whose indices the host wrote at ptrBatch():
 * grad = network.gradient(x_batch, t_batch); params −= lr·grad; return network.loss(x_batch, t_batch).
 */
export function step(batchSize: i32, learningRate: f32): f32 {
  readAheadBatch(batchSize)
  const filed = batchSize <= L.COLUMN_ROWS && canFileColumns() // else updateW1 files them, a pass at a time
  forwardLoss(batchSize, filed)
  backwardAndUpdate(batchSize, learningRate, filed)
  return forwardLoss(batchSize, false)
}

/** network.loss on the batch at ptrBatch() without training */
export function loss(batchSize: i32): f32 {
  readAheadBatch(batchSize)
  return forwardLoss(batchSize, false)
}

/** argmax of the scores a = predict(x) for the hidden row z (np.argmax(y, axis=1), first maximum wins) */
function classify(z: usize): i32 {
  const a = L.y
  scoresRow(z, a)
  let best = 0
  for (let c = 1; c < L.C; c++) if (load<f32>(a + (<usize>c << 2)) > load<f32>(a + (<usize>best << 2))) best = c
  return best
}

/** How many images of set slot 0 (the training set) or 1 (the second set) the net classifies right */
export function correct(slot: i32): i32 {
  const start = slot == 0 ? L.setStart : L.evStart, off = slot == 0 ? L.setOff : L.evOff
  const val = slot == 0 ? L.setVal : L.evVal, labels = slot == 0 ? L.labels : L.evLabels
  const count = slot == 0 ? L.setCount : L.evCount
  let right = 0
  for (let i = 0; i < count; i++) {
    hiddenRow(off, val, load<i32>(start + (<usize>i << 2)), load<i32>(start + (<usize>i << 2), 4), L.z, false)
    if (classify(L.z) == <i32>load<u8>(labels + <usize>i)) right++
  }
  return right
}
