import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { inkFromRgba, type InkImage } from './to-mnist-pixels'

const SIZE = 280
/** stroke width relative to the pad: a digit drawn across most of the pad ends up ~2–3 px wide in 28×28 */
const LINE_WIDTH = 24

export interface DrawPadHandle {
  clear(): void
}

/** Reads the pad's current ink; called only when a prediction is actually sent. */
export type ReadInk = () => InkImage

/**
 * A white-on-black drawing surface for mouse, touch and pen (pointer events). Reports every change at once
 * with the pointer event's time (Chrome already aligns pointermove to frames); the listener decides when
 * to read the ink.
 */
export const DrawPad = forwardRef<DrawPadHandle, { onInk: (read: ReadInk, since: number) => void; label: string }>(function DrawPad({ onInk, label }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  const onInkRef = useRef(onInk)
  onInkRef.current = onInk

  const context = (): CanvasRenderingContext2D | null => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null

  const clear = (): void => {
    const ctx = context()
    if (!ctx) return
    ctx.fillStyle = '#000'
    ctx.fillRect(0, 0, SIZE, SIZE)
  }
  useImperativeHandle(ref, () => ({ clear }), [])
  useEffect(clear, [])

  const read: ReadInk = () => {
    const ctx = context()
    return ctx ? inkFromRgba(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE) : { width: 0, height: 0, ink: [] }
  }
  const report = (since: number): void => onInkRef.current(read, since)

  const point = (e: PointerEvent | React.PointerEvent): { x: number; y: number } => {
    const rect = canvas.current!.getBoundingClientRect()
    return { x: ((e.clientX - rect.left) * SIZE) / rect.width, y: ((e.clientY - rect.top) * SIZE) / rect.height }
  }

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }): void => {
    const ctx = context()
    if (!ctx) return
    ctx.strokeStyle = '#fff'
    ctx.lineWidth = LINE_WIDTH
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
  }

  // Moves: 'pointerrawupdate' where the browser has it (Chromium, secure contexts) is delivered as soon as
  // the input arrives instead of aligned to the next frame, which cuts the drawing → prediction latency.
  useEffect(() => {
    const el = canvas.current
    if (!el) return
    const move = (e: PointerEvent): void => {
      if (!last.current) return
      const events = e.getCoalescedEvents?.() ?? []
      for (const ev of events.length > 0 ? events : [e]) {
        const p = point(ev)
        stroke(last.current, p)
        last.current = p
      }
      report(e.timeStamp)
    }
    const type = 'onpointerrawupdate' in el ? 'pointerrawupdate' : 'pointermove'
    el.addEventListener(type, move as EventListener)
    return () => el.removeEventListener(type, move as EventListener)
    // the handlers only read refs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <canvas
      ref={canvas}
      className="draw-pad"
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label={label}
      data-testid="draw-canvas"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        const p = point(e)
        last.current = p
        stroke(p, p)
        report(e.timeStamp)
      }}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  )
})
