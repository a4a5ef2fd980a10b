import { useEffect, useRef } from 'react'

/** A 28×28 image (784 values in [0, 1], white on black) drawn pixel for pixel and scaled up by CSS. */
export function DigitCanvas({ pixels, label, className = 'digit' }: { pixels: ArrayLike<number> | null; label: string; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    const image = ctx.createImageData(28, 28)
    for (let i = 0; i < 784; i++) {
      const v = Math.round(255 * Math.min(1, Math.max(0, pixels?.[i] ?? 0)))
      image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = v
      image.data[i * 4 + 3] = 255
    }
    ctx.putImageData(image, 0, 0)
  }, [pixels])
  return <canvas ref={canvas} className={className} width={28} height={28} role="img" aria-label={label} />
}
