/**
 * The shape every translation must have: the English catalogue's keys, each a string where English has a
 * string and a function of the same parameters where English has one. A missing or extra key, or a
 * function with other parameters, is a type error, so `npm run typecheck` (the first step of `npm test`)
 * fails on an incomplete catalogue.
 */
export type Messages<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Messages<T[K]>
}

/** The languages the lab speaks, by BCP 47 tag. */
export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The language of the first preferred system language the lab speaks, else English. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}
