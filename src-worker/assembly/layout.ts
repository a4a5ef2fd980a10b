// Where everything lives in the kernel's linear memory. No allocation per step: every buffer is laid out
// here once (params at init, the rest when the resident set or the batch capacity changes).
//
//   [ W1 784×Hp | b1 Hp | W2ᵀ 10×Hp | b2 16 ]  params, fixed for the instance
//   [ sparse images: start, offsets, values | labels ]  the resident training set, encoded once
//   [ batch scratch for up to batchCap rows ]  indices, t, z, y, gradients of W2/b
//   [ the batch's columns, COLUMN_ROWS rows ]  for the W1 update (columns.ts)
//   [ staging for 1000 images + labels     ]  raw chunks from the host, to encode
//   [ a second sparse set                   ]  the set last evaluated that is not the training set
//
// Hp = hidden size rounded up to a multiple of 4 (one f32x4 lane group); the padding lanes hold 0.

/** input pixels per image (28×28) */
export const D: i32 = 784
/** output classes */
export const C: i32 = 10

export let H: i32 = 0
export let Hp: i32 = 0
/** bytes per row of W1, W2ᵀ and z (Hp floats) */
export let rowBytes: i32 = 0
export let useRelu: bool = true
/** ⌈2³² / rowBytes⌉: (k·rowBytes · rowInverse) >> 32 = k exactly for every pixel k < 784 */
export let rowInverse: u64 = 0
/** end of the params: where the resident set starts */
let paramsEnd: usize = 0

export let W1: usize = 0
export let b1: usize = 0
export let W2T: usize = 0
export let b2: usize = 0

/** the resident training set, kept sparse: image i's lit pixels are entries setStart[i]..setStart[i+1] */
export let setStart: usize = 0
/** per lit pixel k: k × rowBytes, the byte offset of W1's row k */
export let setOff: usize = 0
/** per lit pixel: x = byte / 255 */
export let setVal: usize = 0
export let labels: usize = 0
export let setCount: i32 = 0

export let batchCap: i32 = 0
/** batch indices into the resident set, written by the host before step() */
export let batchIdx: usize = 0
/** t: the batch's labels */
export let t: usize = 0
/** z = activation(x·W1 + b1), B×Hp; overwritten by −lr·dh in backward */
export let z: usize = 0
/** softmax output y, B×10; overwritten by dout in backward */
export let y: usize = 0
export let dW2T: usize = 0
export let db1: usize = 0
export let db2: usize = 0
/** one word readAheadBatch (kernel.ts) stores what it read to, so that no optimizer drops the reads */
export let readAheadSink: usize = 0
/** batch rows per pass of the W1 update: bounds the column buffer whatever the batch size */
export const COLUMN_ROWS: i32 = 128
/** per pixel p: how many of the pass's batch rows light it */
export let colCount: usize = 0
/** per pixel p, COLUMN_ROWS entries of 8 bytes from p × COLUMN_ROWS × 8: [u32 address of a row of z][f32 x] */
export let colEntries: usize = 0
/** room for STAGE images and labels copied in by the host, to be encoded into a set */
export let stageImages: usize = 0
export let stageLabels: usize = 0
export const STAGE: i32 = 1000
/** a second set kept sparse the same way: the last set accuracy() was asked about that is not the training set */
export let evStart: usize = 0
export let evOff: usize = 0
export let evVal: usize = 0
export let evLabels: usize = 0
export let evCount: i32 = 0

function align16(p: usize): usize {
  return (p + 15) & ~(<usize>15)
}

function ensureMemory(end: usize): bool {
  const have = <usize>memory.size() << 16
  if (end <= have) return true
  const pages = <i32>((end - have + 0xffff) >> 16)
  return memory.grow(pages) >= 0
}

/** Lays out the params for a 784-hidden-10 net and zeroes them. Returns false if memory can't grow. */
export function layoutParams(hidden: i32, relu: bool): bool {
  H = hidden
  Hp = (hidden + 3) & ~3
  rowBytes = Hp << 2
  rowInverse = ((<u64>1 << 32) + <u64>rowBytes - 1) / <u64>rowBytes
  useRelu = relu
  W1 = align16(__heap_base)
  b1 = W1 + <usize>(D * rowBytes)
  W2T = b1 + <usize>rowBytes
  b2 = W2T + <usize>(C * rowBytes)
  paramsEnd = b2 + 64
  if (!ensureMemory(paramsEnd)) return false
  memory.fill(W1, 0, paramsEnd - W1)
  return true
}

/** Lays out a resident set of count images with nnz lit pixels in all, and scratch for batches of up to cap rows. */
export function layoutData(count: i32, nnz: i32, cap: i32): bool {
  setCount = count
  batchCap = cap
  setStart = paramsEnd
  setOff = align16(setStart + <usize>((count + 1) << 2))
  setVal = setOff + (<usize>nnz << 2)
  labels = setVal + (<usize>nnz << 2)
  batchIdx = align16(labels + <usize>count)
  t = batchIdx + <usize>(cap << 2)
  z = align16(t + <usize>(cap << 2))
  y = z + <usize>cap * rowBytes
  dW2T = align16(y + <usize>cap * C * 4)
  db1 = dW2T + <usize>(C * rowBytes)
  db2 = db1 + <usize>rowBytes
  readAheadSink = db2 + 64
  colCount = readAheadSink + 16
  colEntries = align16(colCount + <usize>(D << 2))
  stageImages = colEntries + <usize>(D * COLUMN_ROWS * 8)
  stageLabels = stageImages + <usize>(STAGE * D)
  return layoutEvalSet(0, 0)
}

/** Lays out the second set (count images, nnz lit pixels) after the staging area; layoutData drops it. */
export function layoutEvalSet(count: i32, nnz: i32): bool {
  evCount = count
  evStart = align16(stageLabels + <usize>STAGE)
  evOff = align16(evStart + <usize>((count + 1) << 2))
  evVal = evOff + (<usize>nnz << 2)
  evLabels = evVal + (<usize>nnz << 2)
  return ensureMemory(evLabels + <usize>count)
}
