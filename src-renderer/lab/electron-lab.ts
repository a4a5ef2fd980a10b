import type { LabApi } from '../../src-worker/protocol'

/** The desktop edition's LabApi: the preload's bridge (src-main/preload), or undefined in a plain browser. */
export function electronLab(): LabApi | undefined {
  return window.lab
}
