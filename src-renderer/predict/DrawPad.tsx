import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react'
import { inkFromRgba, type InkImage } from './to-mnist-pixels'

const SIZE = 280
/** stroke widths relative to the pad: normal turns a digit drawn across most of the pad ~2–3 px wide in 28×28 */
export const BRUSHES = { thin: 14, normal: 22, thick: 32 } as const
export type Brush = keyof typeof BRUSHES
/** how far one arrow key moves the keyboard pen, in pad pixels (Shift: a quarter) */
const KEY_STEP = 14
const HISTORY = 50

export interface DrawPadHandle {
  clear(): void
  undo(): void
  redo(): void
  /** the pad holds ink */
  hasInk(): boolean
  read: ReadInk
}

/** Reads the pad's current ink; called only when a prediction is actually sent. */
export type ReadInk = () => InkImage

interface Props {
  onInk: (read: ReadInk, since: number) => void
  /** whether undo and redo have anything to do, after every change */
  onHistory: (canUndo: boolean, canRedo: boolean) => void
  label: string
  brush: Brush
}

/**
 * A white-on-black drawing surface for mouse, touch and pen (pointer events) and for the keyboard (arrow keys
 * move a pen, Space lowers or lifts it, Delete clears). Each stroke is one undo step. Reports every change at
 * once with the event's time; the listener decides when to read the ink.
 */
export const DrawPad = forwardRef<DrawPadHandle, Props>(function DrawPad({ onInk, onHistory, label, brush }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  const onInkRef = useRef(onInk)
  onInkRef.current = onInk
  const brushRef = useRef(brush)
  brushRef.current = brush
  const undoStack = useRef<ImageData[]>([])
  const redoStack = useRef<ImageData[]>([])
  const inked = useRef(false)
  const [pen, setPen] = useState<{ x: number; y: number; down: boolean } | null>(null)

  const context = (): CanvasRenderingContext2D | null => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null
  const history = (): void => onHistory(undoStack.current.length > 0, redoStack.current.length > 0)

  const paintBlack = (): void => {
    const ctx = context()
    if (!ctx) return
    ctx.fillStyle = '#000'
    ctx.fillRect(0, 0, SIZE, SIZE)
  }
  const snapshot = (): ImageData | null => context()?.getImageData(0, 0, SIZE, SIZE) ?? null
  const hasInkNow = (): boolean => {
    const data = snapshot()?.data
    if (!data) return false
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 0) return true
    return false
  }
  /** one undo step: the picture before this stroke */
  const beginStroke = (): void => {
    const before = snapshot()
    if (!before) return
    undoStack.current.push(before)
    if (undoStack.current.length > HISTORY) undoStack.current.shift()
    redoStack.current = []
    history()
  }
  const restore = (from: ImageData[], to: ImageData[]): void => {
    const image = from.pop()
    const now = snapshot()
    if (!image || !now) return
    to.push(now)
    context()?.putImageData(image, 0, 0)
    inked.current = hasInkNow()
    history()
    report(performance.now())
  }

  const read: ReadInk = () => {
    const ctx = context()
    return ctx ? inkFromRgba(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE) : { width: 0, height: 0, ink: [] }
  }
  const report = (since: number): void => onInkRef.current(read, since)

  useImperativeHandle(ref, () => ({
    clear() {
      if (inked.current) beginStroke()
      paintBlack()
      inked.current = false
      report(performance.now())
    },
    undo: () => restore(undoStack.current, redoStack.current),
    redo: () => restore(redoStack.current, undoStack.current),
    hasInk: () => inked.current,
    read,
  }))
  useEffect(paintBlack, [])

  const point = (e: PointerEvent | React.PointerEvent): { x: number; y: number } => {
    const rect = canvas.current!.getBoundingClientRect()
    return { x: ((e.clientX - rect.left) * SIZE) / rect.width, y: ((e.clientY - rect.top) * SIZE) / rect.height }
  }

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }): void => {
    const ctx = context()
    if (!ctx) return
    ctx.strokeStyle = '#fff'
    ctx.lineWidth = BRUSHES[brushRef.current]
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
    inked.current = true
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

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    const current = pen ?? { x: SIZE / 2, y: SIZE / 2, down: false }
    const step = e.shiftKey ? KEY_STEP / 4 : KEY_STEP
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
    const move = moves[e.key]
    if (move) {
      e.preventDefault()
      const next = { x: Math.min(SIZE - 4, Math.max(4, current.x + move[0])), y: Math.min(SIZE - 4, Math.max(4, current.y + move[1])), down: current.down }
      if (next.down) {
        stroke(current, next)
        report(e.timeStamp)
      }
      setPen(next)
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault()
      const down = !current.down
      if (down) {
        beginStroke()
        stroke(current, current)
        report(e.timeStamp)
      }
      setPen({ ...current, down })
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault()
      if (inked.current) beginStroke()
      paintBlack()
      inked.current = false
      report(e.timeStamp)
    }
  }

  return (
    <div className="pad-frame">
      <canvas
        ref={canvas}
        className="draw-pad"
        width={SIZE}
        height={SIZE}
        tabIndex={0}
        role="application"
        aria-label={label}
        data-testid="draw-canvas"
        onKeyDown={onKeyDown}
        onFocus={() => setPen((p) => p ?? { x: SIZE / 2, y: SIZE / 2, down: false })}
        onBlur={() => setPen(null)}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          beginStroke()
          const p = point(e)
          last.current = p
          stroke(p, p)
          report(e.timeStamp)
        }}
        onPointerUp={() => (last.current = null)}
        onPointerCancel={() => (last.current = null)}
      />
      {pen && (
        <span
          className={`pen-cursor${pen.down ? ' down' : ''}`}
          aria-hidden="true"
          style={{ left: `${(pen.x / SIZE) * 100}%`, top: `${(pen.y / SIZE) * 100}%`, width: BRUSHES[brush], height: BRUSHES[brush] }}
        />
      )}
    </div>
  )
})
