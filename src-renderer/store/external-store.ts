// The shape React's useSyncExternalStore reads: subscribe, an immutable snapshot, and a set() that replaces
// it and tells every listener. The renderer's small stores (downloads, My digits) extend it.

export class ExternalStore<S extends object> {
  private readonly listeners = new Set<() => void>()

  constructor(protected state: S) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): S => this.state

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }
}
