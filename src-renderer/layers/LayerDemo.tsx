import type { ReactNode } from 'react'
import { BOOK_CODE } from '../../src-worker/layers/book-code'
import { useT } from '../i18n'

/** One layer's demo: its title and lead, the live part, and beside it the book's class as printed (book-code.ts). */
export function LayerDemo({ id, title, lead, layer, children }: { id: string; title: string; lead: string; layer: keyof typeof BOOK_CODE; children: ReactNode }) {
  const t = useT().layers
  return (
    <section className="layer-demo" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="layer-grid">
        <div className="layer-main">
          <p className="lead">{lead}</p>
          {children}
        </div>
        <figure className="book-code-block">
          <figcaption>{t.code(layer)}</figcaption>
          <pre tabIndex={0}>
            <code>{BOOK_CODE[layer]}</code>
          </pre>
        </figure>
      </div>
    </section>
  )
}
