// The drawing Predict last read, preprocessed to MNIST's 28×28 (0..1), for the Step pane to train on.
// Module state like the Train pane's draft: it outlives the pane (switching tabs unmounts it), not a reload.

type Listener = () => void

/** One shared slot: the latest non-empty drawing, or null once the pad is cleared. */
export class DrawingSlot {
  private pixels: Float32Array | null = null
  private readonly listeners = new Set<Listener>()

  get = (): Float32Array | null => this.pixels

  /** Keeps a copy of what the pad shows; an empty pad (all zero) clears the slot. */
  set(pixels: Float32Array | null): void {
    const next = pixels && pixels.some((v) => v > 0) ? Float32Array.from(pixels) : null
    if (next === null && this.pixels === null) return
    this.pixels = next
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export const lastDrawing = new DrawingSlot()
