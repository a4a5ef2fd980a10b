// The demos' inputs: text fields that name themselves in their inline error, alone or as a matrix grid.
import { useT } from '../i18n'
import { parseDecimal } from './parse-decimal'

/** The inline error for a field's text, naming the field; null when it holds a finite decimal number. */
export function useFieldError(): (field: string, text: string) => string | null {
  const t = useT().layers
  return (field, text) => {
    const parsed = parseDecimal(text)
    if (parsed.ok) return null
    if (parsed.problem === 'empty') return t.empty(field)
    return (parsed.problem === 'notFinite' ? t.notFinite : t.notDecimal)(field, JSON.stringify(text))
  }
}

/** Every cell's number, or null while any cell is not one. */
export function parseGrid(text: string[][]): number[][] | null {
  const values = text.map((row) => row.map((cell) => parseDecimal(cell)))
  return values.every((row) => row.every((p) => p.ok)) ? values.map((row) => row.map((p) => (p.ok ? p.value : 0))) : null
}

export const gridText = (values: readonly (readonly number[])[]): string[][] => values.map((row) => row.map(String))

/** One number with a visible label; its error sits under it and names it. */
export function NumberField({ id, label, name, text, onChange }: { id: string; label: string; name: string; text: string; onChange: (text: string) => void }) {
  const error = useFieldError()(name, text)
  return (
    <label className="layer-field">
      {label}
      <input
        type="text"
        inputMode="decimal"
        id={id}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
    </label>
  )
}

/**
 * A matrix (or, with vector, one row named B[j]) of fields under a caption, each cell labelled by its numpy
 * name, x[0][1]; the errors of all its cells are listed under the grid.
 */
export function MatrixInput({ id, name, caption, text, onChange, vector }: { id: string; name: string; caption: string; text: string[][]; onChange: (text: string[][]) => void; vector?: boolean }) {
  const errorOf = useFieldError()
  const cellName = (i: number, j: number) => (vector ? `${name}[${j}]` : `${name}[${i}][${j}]`)
  const errors = text.flatMap((row, i) => row.map((cell, j) => ({ i, j, error: errorOf(cellName(i, j), cell) }))).filter((e) => e.error)
  const edit = (i: number, j: number, value: string) => onChange(text.map((row, r) => (r === i ? row.map((c, k) => (k === j ? value : c)) : row)))
  return (
    <fieldset className="matrix-input" data-testid={`${id}-input`}>
      <legend>{caption}</legend>
      <div className="matrix-grid" style={{ gridTemplateColumns: `repeat(${text[0]?.length ?? 1}, 7ch)` }}>
        {text.map((row, i) =>
          row.map((cell, j) => {
            const bad = errors.some((e) => e.i === i && e.j === j)
            return (
              <input
                key={`${i}-${j}`}
                type="text"
                inputMode="decimal"
                aria-label={cellName(i, j)}
                value={cell}
                aria-invalid={bad}
                aria-describedby={bad ? `${id}-${i}-${j}-error` : undefined}
                onChange={(e) => edit(i, j, e.target.value)}
              />
            )
          }),
        )}
      </div>
      {errors.map(({ i, j, error }) => (
        <small key={`${i}-${j}`} id={`${id}-${i}-${j}-error`} className="error" role="alert">
          {error}
        </small>
      ))}
    </fieldset>
  )
}
