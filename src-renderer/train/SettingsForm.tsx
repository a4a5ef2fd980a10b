import type { Activation } from '../../src-worker/protocol'
import { rangeText } from '../../src-worker/session/validate'
import { FIELDS, fieldError, normaliseNumberText, type SettingsText } from './settings-form'

/** The hyperparameters of 5.7.4 with inline errors naming the field, the range and the value. */
export function SettingsForm({ text, onChange, disabled }: { text: SettingsText; onChange: (text: SettingsText) => void; disabled: boolean }) {
  return (
    <fieldset className="settings" disabled={disabled}>
      <legend>Hyperparameters</legend>
      {FIELDS.map(({ field, label, hint }) => {
        const error = fieldError(field, text[field])
        const id = `setting-${field}`
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
              aria-invalid={error !== null}
              aria-describedby={`${id}-note`}
              data-testid={field === 'iterations' ? 'iterations-input' : undefined}
              onChange={(e) => onChange({ ...text, [field]: normaliseNumberText(e.target.value) })}
            />
            <small id={`${id}-note`} className={error ? 'error' : 'hint'} role={error ? 'alert' : undefined}>
              {error ?? rangeText(field)}
            </small>
          </div>
        )
      })}
      <div className="field">
        <label htmlFor="setting-activation">
          Hidden activation <code>5.5</code>
        </label>
        <select id="setting-activation" value={text.activation} onChange={(e) => onChange({ ...text, activation: e.target.value as Activation })}>
          <option value="relu">ReLU (the book)</option>
          <option value="sigmoid">Sigmoid</option>
        </select>
      </div>
    </fieldset>
  )
}
