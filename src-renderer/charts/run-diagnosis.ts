// "Learned nothing": a finished run whose test accuracy stayed near chance (0.1 for ten digits), with the
// likely cause read off its settings and losses. Pure, so it is unit-tested.
import type { RunRecord } from '../../src-worker/protocol'

export type NothingCause = 'diverged' | 'lrTooHigh' | 'lrTooLow' | 'tooShort' | 'unknown'

/** Accuracy at or under this counts as chance for 10 classes (0.1, with some noise). */
export const CHANCE_ACCURACY = 0.15

/** null when the run learned something; else the likely cause. `losses` are the run's (possibly fetched) losses. */
export function learnedNothing(run: Pick<RunRecord, 'settings' | 'summary'>, losses?: ArrayLike<number>): NothingCause | null {
  if (run.summary.testAccuracy > CHANCE_ACCURACY) return null
  const lr = run.settings.learningRate
  let bad = !Number.isFinite(run.summary.finalLoss) || run.summary.finalLoss > 10
  if (losses && !bad) {
    for (let i = 0; i < losses.length; i++) {
      const v = losses[i]!
      if (!Number.isFinite(v) || v > 10) {
        bad = true
        break
      }
    }
  }
  if (bad) return 'diverged'
  if (lr >= 1) return 'lrTooHigh'
  if (lr < 0.01) return 'lrTooLow'
  if (run.summary.iterations < 500) return 'tooShort'
  return 'unknown'
}
