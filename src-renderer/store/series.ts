// The chart series the training store owns. Pure (no DOM, no Chart.js), so the logic is unit-tested;
// the arrays are handed to Chart.js once and then only grown or emptied in place.

/** A chart point in Chart.js's internal format (parsing: false). */
export interface XY {
  x: number
  y: number
}

/** Per-iteration loss (5.7.4's train_loss_list) plus its trailing moving average. */
export class LossSeries {
  /** x = 0-based iteration, y = mini-batch loss */
  readonly raw: XY[] = []
  /** x = iteration, y = mean of the last `window` losses up to and including x */
  readonly average: XY[] = []
  private readonly ring: Float64Array
  private sum = 0

  constructor(readonly window = 100) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`)
    this.ring = new Float64Array(window)
  }

  /** The iteration the next loss is expected at. */
  get nextIteration(): number {
    return this.raw.length === 0 ? 0 : this.raw[this.raw.length - 1]!.x + 1
  }

  /**
   * Appends losses[k] as iteration firstIteration + k. Iterations already held are skipped, so a repeated
   * chunk is harmless; one bulk push per array keeps Chart.js's array hooks to one call per chunk.
   */
  append(firstIteration: number, losses: ArrayLike<number>): number {
    const skip = Math.max(0, this.nextIteration - firstIteration)
    const raw: XY[] = []
    const average: XY[] = []
    for (let k = skip; k < losses.length; k++) {
      const x = firstIteration + k
      const y = losses[k]!
      const n = this.raw.length + raw.length
      const slot = n % this.window
      if (n >= this.window) this.sum -= this.ring[slot]!
      this.ring[slot] = y
      this.sum += y
      raw.push({ x, y })
      average.push({ x, y: this.sum / Math.min(n + 1, this.window) })
    }
    if (raw.length > 0) {
      this.raw.push(...raw)
      this.average.push(...average)
    }
    return raw.length
  }

  /** Empties both arrays in place (Chart.js keeps the same references). */
  clear(): void {
    this.raw.length = 0
    this.average.length = 0
    this.sum = 0
    this.ring.fill(0)
  }
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

/** "1 min 05 s" / "12 s" / "—": short enough for a status line. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${String(s % 60).padStart(2, '0')} s` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`
}
