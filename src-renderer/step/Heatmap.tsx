import { useEffect, useRef } from 'react'
import type { StepMatrix } from '../../src-worker/protocol'
import { gradientSize } from '../../src-worker/step/one-step'


/** Diverging colour: positive blue, negative orange, zero the background grey; |v| / scale sets the strength. */
function paint(data: Uint8ClampedArray, at: number, v: number, scale: number): void {
  const s = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0
  const [r, g, b] = v >= 0 ? [0, 114, 178] : [213, 94, 0]
  data[at] = Math.round(128 + (r - 128) * s)
  data[at + 1] = Math.round(128 + (g - 128) * s)
  data[at + 2] = Math.round(128 + (b - 128) * s)
  data[at + 3] = 255
}

/** An entry of a matrix to outline (the Gradient pane's largest difference). */
export interface MarkedCell {
  row: number
  col: number
}

/** A ring around one cell of a canvas of width × height, at least 8 px across however small the cell is. */
function CellMark({ x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  const style = { left: `${((x + 0.5) / width) * 100}%`, top: `${((y + 0.5) / height) * 100}%`, width: `max(8px, ${100 / width}%)`, height: `max(8px, ${100 / height}%)` }
  return <div className="heatmap-mark" style={style} aria-hidden="true" />
}

/** A matrix as one pixel per entry, scaled up by CSS; a highlighted row is outlined. Blocked entries (mask) are black. */
export function Heatmap({ matrix, label, highlightRow, blocked, scale, mark }: { matrix: StepMatrix; label: string; highlightRow?: number; blocked?: readonly boolean[]; scale?: number; mark?: MarkedCell }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [rows, cols] = matrix.shape.length === 1 ? [1, matrix.shape[0]!] : [matrix.shape[0]!, matrix.shape[1]!]
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    const image = ctx.createImageData(cols, rows)
    const s = scale ?? gradientSize(matrix.values).maxAbs
    matrix.values.forEach((v, i) => {
      if (blocked?.[i]) image.data.set([0, 0, 0, 255], i * 4)
      else paint(image.data, i * 4, v, s)
    })
    ctx.putImageData(image, 0, 0)
  }, [matrix, rows, cols, blocked, scale])
  const height = Math.min(320, Math.max(24, rows * Math.max(2, Math.floor(480 / Math.max(cols, 1)))))
  return (
    <div className="heatmap-wrap">
      <canvas ref={canvas} className="heatmap" width={cols} height={rows} role="img" aria-label={label} style={{ aspectRatio: `${cols} / ${rows}`, maxHeight: height }} />
      {highlightRow !== undefined && rows > 1 && <div className="heatmap-row" style={{ top: `${(highlightRow / rows) * 100}%`, height: `${100 / rows}%` }} aria-hidden="true" />}
      {mark && <CellMark x={mark.col} y={mark.row} width={cols} height={rows} />}
    </div>
  )
}

/** A 784×H matrix as H tiles of 28×28 (one per hidden unit), all on one colour scale; mark (pixel row, unit col) outlined. */
export function Tiles({ matrix, label, mark }: { matrix: StepMatrix; label: string; mark?: MarkedCell }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const hidden = matrix.shape[1]!
  const perRow = Math.min(10, hidden)
  const tileRows = Math.ceil(hidden / perRow)
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    const w = perRow * 29 - 1
    const h = tileRows * 29 - 1
    const image = ctx.createImageData(w, h)
    const s = gradientSize(matrix.values).maxAbs
    for (let j = 0; j < hidden; j++) {
      const ox = (j % perRow) * 29
      const oy = Math.floor(j / perRow) * 29
      for (let p = 0; p < 784; p++) paint(image.data, ((oy + Math.floor(p / 28)) * w + ox + (p % 28)) * 4, matrix.values[p * hidden + j]!, s)
    }
    ctx.putImageData(image, 0, 0)
  }, [matrix, hidden, perRow, tileRows])
  const tiles = <canvas ref={canvas} className="tiles" width={perRow * 29 - 1} height={tileRows * 29 - 1} role="img" aria-label={label} />
  if (!mark) return tiles
  const x = (mark.col % perRow) * 29 + (mark.row % 28)
  const y = Math.floor(mark.col / perRow) * 29 + Math.floor(mark.row / 28)
  return (
    <div className="heatmap-wrap">
      {tiles}
      <CellMark x={x} y={y} width={perRow * 29 - 1} height={tileRows * 29 - 1} />
    </div>
  )
}
