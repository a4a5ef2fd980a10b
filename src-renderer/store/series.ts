// The chart series the training store owns. Pure (no DOM, no Chart.js), so the logic is unit-tested.
// Every loss is kept in a growable Float32Array (4 bytes an iteration: 4 MB for 1,000,000), with a one-level
// summary (min, max, sum per block of BLOCK iterations) so that a chart asks for a per-pixel envelope of any
// range and gets it in O(pixels × BLOCK + range / BLOCK), whatever the run's length.

/** A chart point in Chart.js's internal format (parsing: false). */
export interface XY {
  x: number
  y: number
}

/** Iterations per summary block. */
export const BLOCK = 256

/** min / max / mean of each of `x.length` buckets; x is the bucket's first iteration. */
export interface Envelope {
  x: Float64Array
  /** iterations in each bucket */
  count: Uint32Array
  min: Float32Array
  max: Float32Array
  /** NaN losses (a diverged step) are left out of all three; a bucket of NaN only has NaN here */
  mean: Float64Array
}

/** A growable Float32Array with block summaries; values are only appended or cleared. */
export class SummedValues {
  private data = new Float32Array(1024)
  private n = 0
  private bMin = new Float32Array(8)
  private bMax = new Float32Array(8)
  private bSum = new Float64Array(8)
  private bCount = new Uint32Array(8)

  get length(): number {
    return this.n
  }

  at(i: number): number {
    return this.data[i]!
  }

  /** A view of the values held (no copy; valid until the next push). */
  values(): Float32Array {
    return this.data.subarray(0, this.n)
  }

  push(value: number): void {
    if (this.n === this.data.length) this.data = grow(this.data, this.data.length * 2)
    const i = this.n++
    this.data[i] = value
    const b = (i / BLOCK) | 0
    if (b >= this.bMin.length) {
      const size = this.bMin.length * 2
      this.bMin = grow(this.bMin, size)
      this.bMax = grow(this.bMax, size)
      this.bSum = grow(this.bSum, size)
      this.bCount = grow(this.bCount, size)
    }
    const v = this.data[i]! // as stored (float32)
    if (i % BLOCK === 0) {
      this.bMin[b] = Number.POSITIVE_INFINITY
      this.bMax[b] = Number.NEGATIVE_INFINITY
      this.bSum[b] = 0
      this.bCount[b] = 0
    }
    if (Number.isNaN(v)) return
    if (v < this.bMin[b]!) this.bMin[b] = v
    if (v > this.bMax[b]!) this.bMax[b] = v
    this.bSum[b]! += v
    this.bCount[b]! += 1
  }

  clear(): void {
    this.n = 0
  }

  /**
   * The envelope of [from, to) in `buckets` equal buckets (fewer when the range is shorter). Bucket k covers
   * [from + floor(k·len/buckets), from + floor((k+1)·len/buckets)).
   */
  envelope(from: number, to: number, buckets: number): Envelope {
    const lo = Math.max(0, Math.floor(from))
    const hi = Math.min(this.n, Math.ceil(to))
    const len = Math.max(0, hi - lo)
    const k = Math.max(0, Math.min(len, Math.floor(buckets)))
    const out: Envelope = { x: new Float64Array(k), count: new Uint32Array(k), min: new Float32Array(k), max: new Float32Array(k), mean: new Float64Array(k) }
    for (let j = 0; j < k; j++) {
      const s = lo + Math.floor((j * len) / k)
      const e = lo + Math.floor(((j + 1) * len) / k)
      let min = Number.POSITIVE_INFINITY
      let max = Number.NEGATIVE_INFINITY
      let sum = 0
      let count = 0
      let i = s
      while (i < e) {
        if (i % BLOCK === 0 && i + BLOCK <= e) {
          const b = i / BLOCK
          if (this.bCount[b]! > 0) {
            if (this.bMin[b]! < min) min = this.bMin[b]!
            if (this.bMax[b]! > max) max = this.bMax[b]!
            sum += this.bSum[b]!
            count += this.bCount[b]!
          }
          i += BLOCK
        } else {
          const v = this.data[i]!
          if (!Number.isNaN(v)) {
            if (v < min) min = v
            if (v > max) max = v
            sum += v
            count++
          }
          i++
        }
      }
      out.x[j] = s
      out.count[j] = e - s
      out.min[j] = count > 0 ? min : Number.NaN
      out.max[j] = count > 0 ? max : Number.NaN
      out.mean[j] = count > 0 ? sum / count : Number.NaN
    }
    return out
  }
}

function grow<T extends Float32Array | Float64Array | Uint32Array>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size)
  next.set(old)
  return next
}

/** Per-iteration loss (5.7.4's train_loss_list) plus its trailing moving average, both kept for every iteration. */
export class LossSeries {
  /** the loss of iteration i (0-based) */
  readonly raw = new SummedValues()
  /** the mean of the last `window` losses up to and including iteration i */
  readonly average = new SummedValues()
  private readonly ring: Float64Array
  private sum = 0

  constructor(readonly window = 100) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`)
    this.ring = new Float64Array(window)
  }

  /** iterations held */
  get length(): number {
    return this.raw.length
  }

  /** The iteration the next loss is expected at. */
  get nextIteration(): number {
    return this.raw.length
  }

  /**
   * Appends losses[k] as iteration firstIteration + k, one value at a time (no spread: a chunk of any size
   * is fine). Iterations already held are skipped, so a repeated chunk is harmless. Returns how many were added.
   */
  append(firstIteration: number, losses: ArrayLike<number>): number {
    // a gap (never sent by the engine) is held as NaN, so iteration i stays at index i
    while (this.raw.length < firstIteration) this.push(Number.NaN)
    const skip = Math.max(0, this.nextIteration - firstIteration)
    for (let k = skip; k < losses.length; k++) this.push(losses[k]!)
    return Math.max(0, losses.length - skip)
  }

  private push(y: number): void {
    {
      const n = this.raw.length
      const slot = n % this.window
      if (n >= this.window) this.sum -= this.ring[slot]!
      // a NaN loss would poison the running sum for good: it counts as 0 in the average
      const v = Number.isFinite(y) ? y : 0
      this.ring[slot] = v
      this.sum += v
      this.raw.push(y)
      this.average.push(this.sum / Math.min(n + 1, this.window))
    }
  }

  /** Empties both series. */
  clear(): void {
    this.raw.clear()
    this.average.clear()
    this.sum = 0
    this.ring.fill(0)
  }
}

/**
 * What a chart draws for [from, to) at `pixels` width: every iteration when there are at most two per pixel,
 * else one min/max/mean point per pixel. `lower`/`upper` are the band, `line` the moving average.
 */
export function chartPoints(series: LossSeries, from: number, to: number, pixels: number): { lower: XY[]; upper: XY[]; line: XY[]; perPoint: number } {
  const lo = Math.max(0, Math.floor(from))
  const hi = Math.min(series.length, Math.ceil(to))
  const len = Math.max(0, hi - lo)
  const buckets = len <= 2 * pixels ? len : Math.max(1, Math.floor(pixels))
  const raw = series.raw.envelope(lo, hi, buckets)
  const avg = series.average.envelope(lo, hi, buckets)
  const lower: XY[] = new Array(raw.x.length)
  const upper: XY[] = new Array(raw.x.length)
  const line: XY[] = new Array(raw.x.length)
  for (let j = 0; j < raw.x.length; j++) {
    const x = raw.x[j]! + (raw.count[j]! - 1) / 2
    lower[j] = { x, y: raw.min[j]! }
    upper[j] = { x, y: raw.max[j]! }
    line[j] = { x, y: avg.mean[j]! }
  }
  return { lower, upper, line, perPoint: buckets === 0 ? 0 : len / buckets }
}

/** Iterations per second over a sliding time window, and the time left at that pace. */
export class Throughput {
  private samples: { iteration: number; ms: number }[] = []

  constructor(private readonly windowMs = 3000) {}

  /** Records that `iteration` iterations were done at time `ms`. */
  sample(iteration: number, ms: number): void {
    this.samples.push({ iteration, ms })
    while (this.samples.length > 2 && ms - this.samples[1]!.ms > this.windowMs) this.samples.shift()
  }

  /** null until two samples at least 100 ms apart exist */
  get perSecond(): number | null {
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    if (!first || !last || last.ms - first.ms < 100) return null
    return ((last.iteration - first.iteration) * 1000) / (last.ms - first.ms)
  }

  /** seconds left for `remaining` iterations, or null when the pace is unknown or zero */
  etaSeconds(remaining: number): number | null {
    const rate = this.perSecond
    return rate && rate > 0 ? remaining / rate : null
  }

  reset(): void {
    this.samples = []
  }
}

/** How a language writes a short duration (the catalogue's train.duration). */
export interface DurationWords {
  s(s: string): string
  minS(min: string, s: string): string
  hMin(h: string, min: string): string
}
const SHORT_UNITS: DurationWords = { s: (s) => `${s} s`, minS: (m, s) => `${m} min ${s} s`, hMin: (h, m) => `${h} h ${m} min` }

/** "1 min 05 s" / "12 s" / "—": short enough for a status line; `words` gives another language's units. */
export function formatDuration(seconds: number | null, words: DurationWords = SHORT_UNITS): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  if (s < 60) return words.s(String(s))
  const m = Math.floor(s / 60)
  return m < 60 ? words.minS(String(m), String(s % 60).padStart(2, '0')) : words.hMin(String(Math.floor(m / 60)), String(m % 60).padStart(2, '0'))
}
