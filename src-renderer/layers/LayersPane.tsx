import { useT } from '../i18n'
import { AffineDemo } from './AffineDemo'
import { ReluDemo } from './ReluDemo'
import { SigmoidDemo } from './SigmoidDemo'
import { SoftmaxDemo } from './SoftmaxDemo'

/** 5.5–5.6 the layers of the network, each on the book's example, computed by the engine's layer classes. */
export function LayersPane() {
  const t = useT().layers
  return (
    <>
      <h2>
        {t.title} <span className="book">{t.book}</span>
      </h2>
      <p className="lead">{t.lead}</p>
      <ReluDemo />
      <SigmoidDemo />
      <AffineDemo />
      <SoftmaxDemo />
    </>
  )
}
