// MNIST-style preprocessing of a hand drawing (LeCun et al.: "size normalized to fit in a 20×20 box while
// preserving aspect ratio … centered in a 28×28 image by computing the center of mass"). Pure: no DOM.

/** Side of the network's input image (28×28 = 784 inputs of TwoLayerNet). */
export const MNIST_SIDE = 28
/** Side of the box the digit's longer side is scaled to. */
export const DIGIT_BOX = 20

/** A grey image: width × height ink values in [0, 1], row-major (0 = background). */
export interface InkImage {
  width: number
  height: number
  ink: ArrayLike<number>
}

interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The smallest rectangle holding every pixel with ink > 0, or null for an empty image. */
export function inkBoundingBox(image: InkImage): Box | null {
  let left = image.width, right = -1, top = image.height, bottom = -1
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.ink[y * image.width + x]! > 0) {
        if (x < left) left = x
        if (x > right) right = x
        if (y < top) top = y
        if (y > bottom) bottom = y
      }
    }
  }
  return right < 0 ? null : { left, top, width: right - left + 1, height: bottom - top + 1 }
}

/**
 * Area-averaging weights from `from` source pixels onto `to` target pixels: target k covers the source span
 * [k·from/to, (k+1)·from/to) and averages each source pixel by the fraction of that span it covers.
 */
function areaWeights(from: number, to: number): { first: number; weights: number[] }[] {
  const span = from / to
  const result: { first: number; weights: number[] }[] = []
  for (let k = 0; k < to; k++) {
    const start = k * span
    const end = start + span
    const first = Math.floor(start)
    const weights: number[] = []
    for (let s = first; s < end && s < from; s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s)
      weights.push(overlap / span)
    }
    result.push({ first, weights })
  }
  return result
}

/** Resamples the box of `image` to w × h by area averaging, separably (rows first, then columns). */
function resample(image: InkImage, box: Box, w: number, h: number): Float64Array {
  const xs = areaWeights(box.width, w)
  const ys = areaWeights(box.height, h)
  const rows = new Float64Array(box.height * w)
  for (let y = 0; y < box.height; y++) {
    const base = (box.top + y) * image.width + box.left
    for (let x = 0; x < w; x++) {
      const { first, weights } = xs[x]!
      let sum = 0
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * image.ink[base + first + i]!
      rows[y * w + x] = sum
    }
  }
  const out = new Float64Array(w * h)
  for (let y = 0; y < h; y++) {
    const { first, weights } = ys[y]!
    for (let x = 0; x < w; x++) {
      let sum = 0
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * rows[(first + i) * w + x]!
      out[y * w + x] = sum
    }
  }
  return out
}

/** Centre of mass (x, y) of a w × h image in pixel-index coordinates (pixel i's centre is at i). */
export function centreOfMass(values: ArrayLike<number>, w: number, h: number): { x: number; y: number } {
  let mass = 0, mx = 0, my = 0
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = values[y * w + x]!
      mass += v
      mx += v * x
      my += v * y
    }
  }
  return mass === 0 ? { x: (w - 1) / 2, y: (h - 1) / 2 } : { x: mx / mass, y: my / mass }
}

/**
 * Turns a drawing into the 784 inputs the network was trained on: crop to the ink's bounding box, scale the
 * longer side to 20 px with area averaging (aspect ratio kept), and place it in 28×28 so that its centre of
 * mass lands on the centre pixel (integer shift, like MNIST). Values in [0, 1], white ink on black.
 * An image without ink gives all zeros.
 */
export function toMnistPixels(image: InkImage): Float32Array {
  if (image.ink.length !== image.width * image.height) {
    throw new RangeError(`toMnistPixels: a ${image.width}×${image.height} image needs ${image.width * image.height} values, got ${image.ink.length}`)
  }
  const out = new Float32Array(MNIST_SIDE * MNIST_SIDE)
  const box = inkBoundingBox(image)
  if (!box) return out
  const scale = DIGIT_BOX / Math.max(box.width, box.height)
  const w = Math.max(1, Math.min(DIGIT_BOX, Math.round(box.width * scale)))
  const h = Math.max(1, Math.min(DIGIT_BOX, Math.round(box.height * scale)))
  const small = resample(image, box, w, h)
  const com = centreOfMass(small, w, h)
  const centre = (MNIST_SIDE - 1) / 2
  const dx = Math.round(centre - com.x)
  const dy = Math.round(centre - com.y)
  for (let y = 0; y < h; y++) {
    const ty = y + dy
    if (ty < 0 || ty >= MNIST_SIDE) continue
    for (let x = 0; x < w; x++) {
      const tx = x + dx
      if (tx < 0 || tx >= MNIST_SIDE) continue
      out[ty * MNIST_SIDE + tx] = Math.min(1, Math.max(0, small[y * w + x]!))
    }
  }
  return out
}

/** Ink of an RGBA canvas drawn white on black: the red channel scaled to [0, 1]. */
export function inkFromRgba(rgba: ArrayLike<number>, width: number, height: number): InkImage {
  const ink = new Float32Array(width * height)
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4]! / 255
  return { width, height, ink }
}
