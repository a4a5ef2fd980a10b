import { useEffect, useRef } from 'react'

const TILE = 28
const GAP = 2

/**
 * W1 (784 × hidden, 5.7.2) as one 28×28 tile per hidden neuron: column j reshaped to the image it responds to.
 * Each tile is scaled by its own largest |w|: grey is 0, white positive, black negative.
 */
export function WeightTiles({ W1, hiddenSize }: { W1: Float32Array; hiddenSize: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const columns = Math.min(10, hiddenSize)
  const rows = Math.ceil(hiddenSize / columns)
  const width = columns * (TILE + GAP) - GAP
  const height = rows * (TILE + GAP) - GAP
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    const image = ctx.createImageData(width, height)
    for (let j = 0; j < hiddenSize; j++) {
      let max = 1e-12
      for (let p = 0; p < 784; p++) max = Math.max(max, Math.abs(W1[p * hiddenSize + j]!))
      const ox = (j % columns) * (TILE + GAP)
      const oy = Math.floor(j / columns) * (TILE + GAP)
      for (let p = 0; p < 784; p++) {
        const v = Math.round(127.5 + (127.5 * W1[p * hiddenSize + j]!) / max)
        const o = ((oy + Math.floor(p / TILE)) * width + ox + (p % TILE)) * 4
        image.data[o] = image.data[o + 1] = image.data[o + 2] = v
        image.data[o + 3] = 255
      }
    }
    ctx.putImageData(image, 0, 0)
  }, [W1, hiddenSize, columns, width, height])
  return (
    <canvas
      ref={canvas}
      className="tiles"
      style={{ width: Math.round(width * 1.6) }}
      width={width}
      height={height}
      role="img"
      aria-label={`The ${hiddenSize} columns of W1 as 28×28 images`}
      data-testid="weight-tiles"
    />
  )
}
