// What a demo field holds: a finite decimal number, or why not (the pane names the field and says which).

import { isDecimal } from '../../src-worker/session/validate'

export type Parsed = { ok: true; value: number } | { ok: false; problem: 'empty' | 'notDecimal' | 'notFinite' }

/** NaN, Infinity, inf, 1e999: numbers, but none a layer can be shown on */
const NON_FINITE = /^[+-]?(nan|inf(inity)?)$/i

/** The engine's decimal rule (12, -0.5, .5, 1e-3, +3), plus the typographic minus −2 the pane itself prints. */
export function parseDecimal(text: string): Parsed {
  const s = text.trim().replace(/^\u2212/, '-')
  if (s === '') return { ok: false, problem: 'empty' }
  if (NON_FINITE.test(s)) return { ok: false, problem: 'notFinite' }
  if (!isDecimal(s)) return { ok: false, problem: 'notDecimal' }
  const value = Number(s)
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'notFinite' }
}
