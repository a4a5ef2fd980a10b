// A computed matrix as the book prints an array, one table row per matrix row.
import { formatNumber } from '../graph/format-number'

/** ∞ and −∞ as such (a loss can be infinite); anything finite as formatNumber prints it. */
export const formatValue = (v: number): string => (Number.isFinite(v) || Number.isNaN(v) ? formatNumber(v) : v > 0 ? '∞' : '−∞')

/** A value in a crowded place (a graph edge, a table cell): `digits` significant digits, trailing zeros dropped. */
export const formatShort = (v: number, digits = 6): string => (Number.isFinite(v) ? formatValue(Number(v.toPrecision(digits))) : formatValue(v))

export function MatrixView({
  label,
  values,
  testId,
  blocked,
  blockedLabel,
  upstream,
  format = formatValue,
}: {
  label: string
  values: readonly (readonly number[])[]
  testId: string
  /** entries the ReLU switch blocks: drawn struck out, with blockedLabel read out */
  blocked?: readonly (readonly boolean[])[]
  blockedLabel?: (upstream: string) => string
  /** what arrived at each blocked entry, struck out beside its 0 */
  upstream?: readonly (readonly number[])[]
  /** how a cell reads; numbers by default */
  format?: (v: number) => string
}) {
  return (
    <figure className="matrix-view">
      <figcaption>{label}</figcaption>
      <table className="matrix" data-testid={testId}>
        <tbody>
          {values.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => {
                const off = blocked?.[i]?.[j] === true
                return (
                  <td key={j} data-value={String(v)} data-blocked={off || undefined} className={off ? 'blocked' : undefined}>
                    {off && upstream && <s aria-hidden="true">{formatValue(upstream[i]![j]!)}</s>}
                    {format(v)}
                    {off && blockedLabel && <span className="visually-hidden"> ({blockedLabel(formatValue(upstream?.[i]?.[j] ?? v))})</span>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
