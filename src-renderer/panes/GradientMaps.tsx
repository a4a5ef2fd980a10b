import { useMemo } from 'react'
import type { Activation, GradientDiffMap, ParamName, StepMatrix } from '../../src-worker/protocol'
import { formatSmall } from '../graph/format-number'
import type { T } from '../i18n'
import { Heatmap, Tiles, type MarkedCell } from '../step/Heatmap'

/** the maps' colour scale spans this many decades below each map's largest difference */
const DECADES = 4

/** One map on a log scale: log₁₀(d / (max·10⁻⁴)) clipped at 0, so the largest is full blue and exact zeros grey. */
function logScaled(map: GradientDiffMap): { matrix: StepMatrix; max: number; mark: MarkedCell } {
  let max = 0
  let at = 0
  map.values.forEach((v, i) => {
    if (v > max) [max, at] = [v, i]
  })
  const floor = max * 10 ** -DECADES
  const values = Array.from(map.values, (v) => (max > 0 && v > floor ? Math.log10(v / floor) : 0))
  return { matrix: { shape: [map.rows, map.cols], values }, max, mark: { row: Math.floor(at / map.cols), col: at % map.cols } }
}

/** The four maps of |numerical − backprop|: W1 as 50 tiles of 28×28, b1, W2 and b2 as heatmaps. */
export function DiffMaps({ maps, activation, t }: { maps: Record<ParamName, GradientDiffMap>; activation: Activation; t: T }) {
  const g = t.gradient
  const scaled = useMemo(() => ({ W1: logScaled(maps.W1), b1: logScaled(maps.b1), W2: logScaled(maps.W2), b2: logScaled(maps.b2) }), [maps])
  const caption = (name: ParamName) => g.mapCaption(name, `${maps[name].rows} × ${maps[name].cols}`, formatSmall(scaled[name].max))
  return (
    <section className="grad-maps" aria-label={g.mapsTitle} data-testid="grad-maps">
      <h3>{g.mapsTitle}</h3>
      <p className="hint">
        {g.mapsLegend} {g.W1Zeros}
        {activation === 'relu' ? ` ${g.deadUnits}` : ''}
      </p>
      <div className="grad-map-grid">
        <figure className="grad-map grad-map-W1">
          <Tiles matrix={scaled.W1.matrix} label={g.mapLabel('W1')} mark={scaled.W1.mark} />
          <figcaption>
            {caption('W1')}: {g.W1Tiles}
          </figcaption>
        </figure>
        <div className="grad-map-side">
          {(['b1', 'W2', 'b2'] as const).map((name) => (
            <figure key={name} className={`grad-map grad-map-${name}`}>
              <Heatmap matrix={scaled[name].matrix} label={g.mapLabel(name)} scale={DECADES} mark={scaled[name].mark} />
              <figcaption>{caption(name)}</figcaption>
            </figure>
          ))}
        </div>
      </div>
    </section>
  )
}
