// Every iteration's loss of one run, in one growable Float32Array: the single owner of a run's losses in a
// host (the recorder writes it; main's replay for a reloaded window reads it). 4 bytes per iteration, so a
// 1,000,000-iteration run is 4 MB, not the 8 MB (plus array overhead) of a number[]. Pure: no node:*, no DOM.

export class LossLog {
  private buffer: Float32Array
  private length = 0

  /** expected: the run's planned iterations; the buffer grows by doubling up to it (and past it if ever needed) */
  constructor(private readonly expected = 0) {
    this.buffer = new Float32Array(Math.min(Math.max(expected, 1), 1024))
  }

  /** how many iterations are filled, i.e. one past the highest iteration written */
  get count(): number {
    return this.length
  }

  /** Writes losses[k] as iteration firstIteration + k (by index, so a repeated chunk changes nothing). */
  set(firstIteration: number, losses: ArrayLike<number>): void {
    const end = firstIteration + losses.length
    if (end > this.buffer.length) this.grow(end)
    this.buffer.set(losses, firstIteration)
    // a gap (an iteration never reported) reads as NaN, never as a silent 0
    if (firstIteration > this.length) this.buffer.fill(Number.NaN, this.length, firstIteration)
    this.length = Math.max(this.length, end)
  }

  /** The losses so far, without copying (a view: later set() calls within capacity show through). */
  view(): Float32Array {
    return this.buffer.subarray(0, this.length)
  }

  private grow(end: number): void {
    let size = this.buffer.length
    while (size < end) size *= 2
    const target = this.expected >= end ? Math.min(size, this.expected) : size
    const grown = new Float32Array(target)
    grown.set(this.buffer.subarray(0, this.length))
    this.buffer = grown
  }
}
