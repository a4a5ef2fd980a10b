// The app's start and its renderer's crashes, as decisions without Electron (issue 11 #9, #10), so plain
// Node tests cover them; main.ts only wires them to app, dialog and webContents.

export interface StartFailure {
  /** dialog.showErrorBox: works before and after 'ready', needs no window */
  showError(title: string, content: string): void
  /** app.exit: releases the single-instance lock, so the next launch is not silently swallowed */
  exit(code: number): void
  log(message: string): void
}

/**
 * Runs the app's start; if it throws or rejects, the user is told why and the process exits with 1.
 * Without this an exception became an unhandled rejection: no window, and a process that kept the
 * single-instance lock, so every later launch quit at once without a word.
 */
export async function startOrExit(start: () => void | Promise<void>, on: StartFailure): Promise<boolean> {
  try {
    await start()
    return true
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    on.log(`Backprop Lab could not start: ${error instanceof Error && error.stack ? error.stack : message}`)
    on.showError('Backprop Lab could not start', `${message}\n\nThe app will close. If this happens again, reinstall Backprop Lab or report it with this message.`)
    on.exit(1)
    return false
  }
}

/** Renderer crashes in this window of time count together. */
export const CRASH_WINDOW_MS = 60_000
/** Reloads allowed within CRASH_WINDOW_MS before the user is asked instead (a page that crashes on load would loop). */
export const MAX_RELOADS = 3

export type Recovery = { action: 'none' } | { action: 'reload' } | { action: 'ask'; message: string }

/**
 * What to do after 'render-process-gone': a page that crashed, was killed or ran out of memory is reloaded
 * (main then replays the lab's state to it); after MAX_RELOADS crashes in a minute the user decides.
 * 'clean-exit' is the window closing, not a crash.
 */
export class RendererRecovery {
  private crashes: number[] = []

  constructor(private readonly now: () => number = Date.now) {}

  decide(reason: string): Recovery {
    if (reason === 'clean-exit') return { action: 'none' }
    const t = this.now()
    this.crashes = this.crashes.filter((at) => t - at < CRASH_WINDOW_MS)
    this.crashes.push(t)
    if (this.crashes.length <= MAX_RELOADS) return { action: 'reload' }
    return {
      action: 'ask',
      message: `The Backprop Lab window stopped ${this.crashes.length} times within a minute (last: ${reason}). The training worker and your runs are safe. Reload the window, or quit?`,
    }
  }
}
