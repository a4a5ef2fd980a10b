import { useT } from '../i18n'

/** The book's class, as printed (src-worker/layers/book-code.ts), beside its demo. */
export function BookCode({ name, code }: { name: string; code: string }) {
  const t = useT().layers
  return (
    <figure className="book-code-block">
      <figcaption>{t.code(name)}</figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  )
}
