import type { Params, TrainingBackend } from '../backend'
import type { Activation } from '../protocol'
import { ReferenceBackend } from '../reference-backend'

/**
 * The one place the CLI gets its training backend from, holding (a copy of) the given initial params.
 * For now the readable float64 reference; the fast path (src-worker/fast) plugs in here.
 */
export async function createBackend(params: Params, activation: Activation): Promise<TrainingBackend> {
  return new ReferenceBackend(params, activation)
}
