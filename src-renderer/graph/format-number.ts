/**
 * Shows a float64 result the way the book prints it: 12 significant digits, trailing zeros dropped, so
 * 3.3000000000000003 reads 3.3 and 715.0000000000001 reads 715. Non-finite values read as "—".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const rounded = Number(value.toPrecision(12))
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** A gradient-check difference in the book's style: 2.38e-13. */
export function formatSmall(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (value === 0) return '0'
  return value.toExponential(2)
}

/** A number as an operand in a written-out computation: negatives in parentheses, so (-2.5)² and 1 · (-4) read right. */
export function formatOperand(value: number): string {
  const text = formatNumber(value)
  return text.startsWith('-') ? `(${text})` : text
}
