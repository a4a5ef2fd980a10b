import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en, type Catalogue } from './en'
import { ko } from './ko'
import { isLanguage, systemLanguage, type Language, type Messages } from './messages'

export { LANGUAGES, type Language } from './messages'
export type T = Messages<Catalogue>

const CATALOGUES: Record<Language, T> = { en, ko }
const STORAGE_KEY = 'backprop-lab.language'

/** The saved choice, else the system's language; storage that refuses is the same as no choice. */
export function initialLanguage(system?: readonly string[]): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (isLanguage(saved)) return saved
  } catch {
    // storage denied: fall through to the system language
  }
  return systemLanguage(system?.length ? system : globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'])
}

export interface I18n {
  lang: Language
  t: T
  setLang(lang: Language): void
  /** Numbers in the language's own way (1,234.5 / 1,234.5; Intl decides). */
  num(value: number, options?: Intl.NumberFormatOptions): string
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children, initial, system }: { children: ReactNode; initial?: Language; system?: readonly string[] }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? initialLanguage(system))
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const value = useMemo<I18n>(() => {
    const formats = new Map<string, Intl.NumberFormat>()
    return {
      lang,
      t: CATALOGUES[lang],
      setLang(next) {
        try {
          globalThis.localStorage?.setItem(STORAGE_KEY, next)
        } catch {
          // not persisted; the switch still applies for this session
        }
        setLangState(next)
      },
      num(value, options) {
        const key = JSON.stringify(options ?? {})
        let format = formats.get(key)
        if (!format) formats.set(key, (format = new Intl.NumberFormat(lang, options)))
        return format.format(value)
      },
    }
  }, [lang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language's catalogue and helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside <I18nProvider>')
  return value
}

/** Shorthand for the catalogue alone: `const t = useT(); t.shell.title`. */
export function useT(): T {
  return useI18n().t
}
