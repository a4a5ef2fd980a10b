// The Train pane's form model: text per field, parsed with the engine's own LIMITS so the inline hint
// and the worker's check say the same thing. Pure (no DOM).
import type { Activation, TrainSettings } from '../../src-worker/protocol'
import { BOOK_SETTINGS, checkNumber, LIMITS, parseDecimal, rangeText, WEIGHT_INIT_STD_MIN } from '../../src-worker/session/validate'

export type NumericField = keyof typeof LIMITS
export type SettingsText = Record<NumericField, string> & { activation: Activation }

/** Fields in form order, with the book's name for each. */
export const FIELDS: { field: NumericField; label: string; hint: string }[] = [
  { field: 'hiddenSize', label: 'Hidden size', hint: 'hidden_size' },
  { field: 'learningRate', label: 'Learning rate', hint: 'learning_rate' },
  { field: 'batchSize', label: 'Batch size', hint: 'batch_size' },
  { field: 'iterations', label: 'Iterations', hint: 'iters_num' },
  { field: 'weightInitStd', label: 'Init std', hint: 'weight_init_std' },
  { field: 'seed', label: 'Seed', hint: 'np.random.seed' },
]

/** The book's settings (5.7.4) as form text. */
export function bookText(): SettingsText {
  const text = {} as SettingsText
  for (const { field } of FIELDS) text[field] = String(BOOK_SETTINGS[field])
  text.activation = BOOK_SETTINGS.activation
  return text
}

/** The problem with one field's text, naming the field, the range and the value; null when it is fine. */
export function fieldError(field: NumericField, text: string): string | null {
  const trimmed = text.trim()
  const value = trimmed === '' ? Number.NaN : parseDecimal(trimmed)
  if (typeof value === 'string' || Number.isNaN(value)) return `${field} must be ${rangeText(field)}, got ${trimmed === '' ? 'nothing' : JSON.stringify(trimmed)}`
  try {
    checkNumber(field, value)
    return null
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * What is wrong with one field's text, for the catalogue to word: empty, or the text that is out of range
 * (belowFloat32: an init std too small for the network's float32 weights, which has its own reason); null when fine.
 */
export function fieldProblem(field: NumericField, text: string): { empty: true } | { empty: false; got: string; belowFloat32?: true } | null {
  if (fieldError(field, text) === null) return null
  const trimmed = text.trim()
  if (trimmed === '') return { empty: true }
  const value = parseDecimal(trimmed)
  const belowFloat32 = field === 'weightInitStd' && typeof value === 'number' && value > 0 && value < WEIGHT_INIT_STD_MIN
  return belowFloat32 ? { empty: false, got: trimmed, belowFloat32 } : { empty: false, got: trimmed }
}

/** The settings as form text (a loaded model's, shown in the form). */
export function textOf(settings: TrainSettings): SettingsText {
  const text = {} as SettingsText
  for (const { field } of FIELDS) text[field] = String(settings[field])
  text.activation = settings.activation
  return text
}

/** Settings from valid text, or the errors by field. */
export function parseSettingsText(text: SettingsText): { settings: TrainSettings } | { errors: Partial<Record<NumericField, string>> } {
  const errors: Partial<Record<NumericField, string>> = {}
  for (const { field } of FIELDS) {
    const error = fieldError(field, text[field])
    if (error) errors[field] = error
  }
  if (Object.keys(errors).length > 0) return { errors }
  const settings = { activation: text.activation } as TrainSettings
  for (const { field } of FIELDS) settings[field] = parseDecimal(text[field]) as number // fieldError checked it is a number
  return { settings }
}

/** 1e4 → "10,000"-style grouping for integers; other numbers as they are. */
export function groupDigits(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n)
}

/** Accepts "10,000" or "10 000" as 10000 in the iterations field, like the book's 10,000 reads. */
export function normaliseNumberText(text: string): string {
  return /^\s*\d{1,3}([, ]\d{3})+\s*$/.test(text) ? text.replace(/[, ]/g, '') : text
}
