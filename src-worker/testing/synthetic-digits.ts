// Seeded stand-in digits for tests: separable by construction, so a short run must learn them.
import type { DigitSet, Split } from '../data/digits'
import { CLASSES, PIXELS } from '../data/digits'
import { Random } from '../net/random'

/**
 * count images; image n has label n % 10 and lights image rows 2·label … 2·label + 2 (a bar per class)
 * at 150–255, plus ~5 % speckle elsewhere, so classes overlap in pixels but stay linearly separable.
 */
export function syntheticDigits(count: number, seed: number): DigitSet {
  const rng = new Random(seed)
  const images = new Uint8Array(count * PIXELS)
  const labels = new Uint8Array(count)
  for (let n = 0; n < count; n++) {
    const label = n % CLASSES
    labels[n] = label
    for (let p = 0; p < PIXELS; p++) {
      const row = Math.floor(p / 28)
      const onBar = row >= 2 * label + 2 && row < 2 * label + 5
      if (onBar) images[n * PIXELS + p] = 150 + Math.floor(rng.random() * 106)
      else if (rng.random() < 0.05) images[n * PIXELS + p] = Math.floor(rng.random() * 256)
    }
  }
  return { images, labels, count }
}

/** a train/test pair drawn with different seeds */
export function syntheticSplit(trainCount: number, testCount: number, seed = 7): Split {
  return { train: syntheticDigits(trainCount, seed), test: syntheticDigits(testCount, seed + 1) }
}
