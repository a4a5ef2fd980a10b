// The engine's only source of randomness: seeded, so a seed and settings replay a run bit for bit.
// Never Math.random (the convnetjs counter-example in STYLE.md).

/** splitmix32: spreads a 32-bit seed into well-mixed words for the generator's state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0
  let z = state.s
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator), seeded through splitmix32.
 * Plays the part of np.random in the book: randn for the weights (5.7.2), choice for batches (5.7.4).
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d = 1
  private spareNormal: number | null = null

  /** seed: an unsigned 32-bit integer */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
      throw new RangeError(`seed must be an integer in [0, 4294967295], got ${seed}`)
    }
    const state = { s: seed | 0 }
    this.a = splitmix32(state)
    this.b = splitmix32(state)
    this.c = splitmix32(state)
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  /** a uniform unsigned 32-bit integer */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** a uniform double in [0, 1) with 53 random bits, like np.random.random_sample */
  random(): number {
    const high = this.nextUint32() >>> 5 // 27 bits
    const low = this.nextUint32() >>> 6 // 26 bits
    return (high * 67108864 + low) / 9007199254740992
  }

  /** one standard normal sample (Box–Muller; the second value of each pair is kept for the next call) */
  randn(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal
      this.spareNormal = null
      return z
    }
    const u1 = 1 - this.random() // (0, 1], so the log is finite
    const u2 = this.random()
    const r = Math.sqrt(-2 * Math.log(u1))
    this.spareNormal = r * Math.sin(2 * Math.PI * u2)
    return r * Math.cos(2 * Math.PI * u2)
  }

  /** np.random.choice(n, size): size indices in [0, n), drawn uniformly WITH replacement */
  choice(n: number, size: number): Int32Array {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`choice: n must be a positive integer, got ${n}`)
    const out = new Int32Array(size)
    for (let i = 0; i < size; i++) out[i] = Math.floor(this.random() * n)
    return out
  }
}
