import { useState } from 'react'
import type { LabApi } from '../../src-worker/protocol'
import { pixelsToBytes } from '../../src-worker/data/my-digits'
import { useI18n } from '../i18n'
import { myDigitsStoreFor } from './my-digits-store'

/** "Keep this drawing as 0 … 9": one press stores the preprocessed 28×28 input with the label pressed. */
export function KeepDigit({ lab, pixels }: { lab: LabApi; pixels: Float32Array | null }) {
  const { t, num } = useI18n()
  const [said, setSaid] = useState('')
  const ink = pixels !== null && pixels.some((v) => v > 0)
  const keep = (digit: number): void => {
    if (!pixels || !ink) return setSaid(t.mydigits.nothingToKeep)
    const store = myDigitsStoreFor(lab)
    if (store.keep(pixelsToBytes(pixels), digit)) setSaid(t.mydigits.kept(digit, num(store.getSnapshot().digits.length)))
  }
  return (
    <div className="keep-digit" role="group" aria-labelledby="keep-digit-label">
      <span id="keep-digit-label">{t.mydigits.keepLabel}</span>
      <div className="keep-buttons">
        {Array.from({ length: 10 }, (_, d) => (
          <button key={d} disabled={!ink} aria-label={t.mydigits.keepAs(d)} data-testid={`keep-as-${d}`} onClick={() => keep(d)}>
            {d}
          </button>
        ))}
      </div>
      <p className="hint" aria-live="polite" data-testid="keep-status">
        {said}
      </p>
    </div>
  )
}
