import { useEffect } from 'react'

/**
 * Runs `create` once per mount in a task of its own after the first paint (the next frame, then a timer), and
 * its cleanup on unmount. A chart's creation (Chart.js's first layout and draw, 20–30 ms) then stays out of
 * the click that opened its pane: the pane is on screen at once, and each chart is one short task.
 */
export function useAfterPaint(create: () => () => void): void {
  useEffect(() => {
    let stop: (() => void) | undefined
    let soon: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (soon = setTimeout(() => (stop = create()), 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(soon)
      stop?.()
    }
    // once per mount: what create reads, it reads when it runs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
