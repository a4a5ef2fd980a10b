// The Runs pane's small preferences (overlay selection, chart options) in localStorage. A storage that
// throws (blocked, private mode) or holds junk is the same as no preference: nothing here can break the pane.
const PREFIX = 'backprop-lab:runs-pref:'

export function readPref<T>(key: string, fallback: T): T {
  try {
    const text = globalThis.localStorage?.getItem(PREFIX + key)
    if (!text) return fallback
    const value: unknown = JSON.parse(text)
    if (typeof fallback === 'object' && fallback !== null && !Array.isArray(fallback)) {
      return value && typeof value === 'object' && !Array.isArray(value) ? ({ ...fallback, ...value } as T) : fallback
    }
    return Array.isArray(fallback) === Array.isArray(value) ? (value as T) : fallback
  } catch {
    return fallback
  }
}

export function writePref(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // not persisted; the choice still applies until the page closes
  }
}
