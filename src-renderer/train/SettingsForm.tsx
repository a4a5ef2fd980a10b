import type { Activation } from '../../src-worker/protocol'
import { LIMITS, WEIGHT_INIT_STD_MIN } from '../../src-worker/session/validate'
import { useI18n } from '../i18n'
import { FIELDS, fieldProblem, normaliseNumberText, type NumericField, type SettingsText } from './settings-form'

/**
 * The hyperparameters of 5.7.4 in a compact grid, with inline errors naming the field, the range and the
 * value. During a run every field is locked with the reason shown, except the learning rate while paused.
 */
export function SettingsForm({ text, onChange, state }: { text: SettingsText; onChange: (text: SettingsText) => void; state: 'idle' | 'running' | 'paused' }) {
  const { t, num } = useI18n()
  const busy = state !== 'idle'
  // 1.2e-38 (the init std's float32 floor) would format as "0"
  const bound = (value: number): string => (value !== 0 && Math.abs(value) < 1e-4 ? String(value) : num(value))
  const range = (field: NumericField): string => {
    const l = LIMITS[field]
    return t.train.range(l.integer, 'exclusiveMin' in l && l.exclusiveMin, bound(l.min), bound(l.max))
  }
  const problemText = (field: NumericField, problem: NonNullable<ReturnType<typeof fieldProblem>>): string => {
    const label = t.train.fields[field]
    if (problem.empty) return t.train.fieldEmpty(label, range(field))
    if (problem.belowFloat32) return t.train.initStdBelowFloat32(label, problem.got, bound(WEIGHT_INIT_STD_MIN))
    return t.train.fieldError(label, range(field), problem.got)
  }
  return (
    <fieldset className="settings" aria-describedby={busy ? 'settings-locked' : undefined}>
      <legend>{t.train.settings}</legend>
      <div className="settings-grid">
        {FIELDS.map(({ field, hint }) => {
          const problem = fieldProblem(field, text[field])
          const label = t.train.fields[field]
          const id = `setting-${field}`
          const editable = !busy || (field === 'learningRate' && state === 'paused')
          const error = problem ? problemText(field, problem) : null
          const note = error ?? (field === 'learningRate' && busy ? (state === 'paused' ? t.train.learningRatePaused : t.train.learningRateRunning) : range(field))
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>
                {label} <code>{hint}</code>
              </label>
              <input
                id={id}
                type="text"
                inputMode="decimal"
                spellCheck={false}
                value={text[field]}
                disabled={!editable}
                aria-invalid={error !== null}
                aria-describedby={`${id}-note`}
                data-testid={field === 'iterations' ? 'iterations-input' : `${field}-input`}
                onChange={(e) => onChange({ ...text, [field]: normaliseNumberText(e.target.value) })}
              />
              <small id={`${id}-note`} className={error ? 'error' : 'hint'} role={error ? 'alert' : undefined}>
                {note}
              </small>
            </div>
          )
        })}
        <div className="field">
          <label htmlFor="setting-activation">
            {t.train.fields.activation} <code>5.5</code>
          </label>
          <select id="setting-activation" value={text.activation} disabled={busy} onChange={(e) => onChange({ ...text, activation: e.target.value as Activation })}>
            <option value="relu">{t.train.activation.relu}</option>
            <option value="sigmoid">{t.train.activation.sigmoid}</option>
          </select>
        </div>
      </div>
      {busy && (
        <p id="settings-locked" className="hint locked" data-testid="settings-locked">
          {t.train.lockedWhileRunning}
        </p>
      )}
    </fieldset>
  )
}
