/** n grey 28×28 digits kept as bytes (0 = background, 255 = ink), scaled to [0, 1] only when a batch is gathered. */
export interface DigitSet {
  /** n × 784 bytes, row-major per image */
  images: Uint8Array
  /** n labels, each 0–9 */
  labels: Uint8Array
  count: number
}

/** A train/test split plus what the UI says about it. */
export interface Split {
  train: DigitSet
  test: DigitSet
}

export const PIXELS = 784
export const CLASSES = 10
