import type { LabApi } from '../../src-worker/protocol'

export type LabChoice = { ok: true; lab: LabApi } | { ok: false; problem: 'preload-missing' }

/**
 * The desktop preload's bridge when present; else, in a plain browser, the engine in a Web Worker. Inside
 * Electron without the bridge, the preload failed to load or threw: that is said, not papered over with the
 * browser edition (whose data is not in the desktop package, and which would keep nothing on disk).
 */
export function chooseLab(bridge: LabApi | undefined, userAgent: string, browserLab: () => LabApi): LabChoice {
  if (bridge) return { ok: true, lab: bridge }
  if (/\bElectron\//.test(userAgent)) return { ok: false, problem: 'preload-missing' }
  return { ok: true, lab: browserLab() }
}
