/**
 * The softmax output (5.5.3 / 5.6.3) as a bar per digit 0–9; the argmax is highlighted.
 * names: what each label means when not a digit (Fashion-MNIST's classes, issue 13 §1), shown beside it.
 */
export function ProbabilityBars({ probabilities, label, muted = false, names = null }: { probabilities: number[] | null; label: string; muted?: boolean; names?: readonly string[] | null }) {
  const best = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : -1
  return (
    <ol className={`bars${muted ? ' muted' : ''}${names ? ' named' : ''}`} aria-label={label} data-testid="probabilities">
      {Array.from({ length: 10 }, (_, digit) => {
        const p = probabilities?.[digit] ?? 0
        return (
          <li key={digit} className={digit === best ? 'best' : undefined} data-probability={probabilities ? String(p) : undefined}>
            <span className="bar-digit">{names ? `${digit} ${names[digit] ?? ''}` : digit}</span>
            <span className="bar-track">
              <span className="bar-fill" style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="bar-value">{probabilities ? `${(p * 100).toFixed(1)} %` : '—'}</span>
          </li>
        )
      })}
    </ol>
  )
}
