import { useEffect, useRef } from 'react'

/**
 * Hidden neuron `unit`'s 784 weights (W1's column, sent as tile `unit`) as a 28×28 grey image: 0 grey, + white, − black.
 * Every tile shares one scale (the inspection's tileScale, worked out in the worker): beyond ±scale is clipped.
 */
function TileCanvas({ W1, unit, scale, className, label }: { W1: Float32Array; unit: number; scale: number; className: string; label?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    const image = ctx.createImageData(28, 28)
    for (let p = 0; p < 784; p++) {
      const w = Math.max(-1, Math.min(1, W1[unit * 784 + p]! / scale))
      const v = Math.round(127.5 + 127.5 * w)
      image.data[p * 4] = image.data[p * 4 + 1] = image.data[p * 4 + 2] = v
      image.data[p * 4 + 3] = 255
    }
    ctx.putImageData(image, 0, 0)
  }, [W1, unit, scale])
  return label ? <canvas ref={canvas} className={className} width={28} height={28} role="img" aria-label={label} /> : <canvas ref={canvas} className={className} width={28} height={28} aria-hidden="true" />
}

/**
 * W1 (784 × hidden, 5.7.2) as one 28×28 tile per hidden neuron, each a button that enlarges it.
 * W1 arrives as hidden tiles of 784 (session-views.w1Tiles).
 */
export function WeightTiles({
  W1, scale, hiddenSize, selected, onSelect, label, tileLabel,
}: { W1: Float32Array; scale: number; hiddenSize: number; selected: number | null; onSelect: (unit: number | null) => void; label: string; tileLabel: (unit: number) => string }) {
  return (
    <ul className="tiles" aria-label={label} data-testid="weight-tiles" data-scale={scale}>
      {Array.from({ length: hiddenSize }, (_, unit) => (
        <li key={unit}>
          <button className="tile" aria-pressed={selected === unit} aria-label={tileLabel(unit)} onClick={() => onSelect(selected === unit ? null : unit)}>
            <TileCanvas W1={W1} unit={unit} scale={scale} className="tile-canvas" />
          </button>
        </li>
      ))}
    </ul>
  )
}

/** One tile large, on the same shared scale. */
export function EnlargedTile({ W1, scale, unit, label }: { W1: Float32Array; scale: number; unit: number; label: string }) {
  return <TileCanvas W1={W1} unit={unit} scale={scale} className="tile-large" label={label} />
}
