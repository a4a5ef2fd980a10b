import { useState } from 'react'
import { BOOK_RELU_DOUT, BOOK_RELU_X, reluDemo } from '../../src-worker/layers/demos'
import { useT } from '../i18n'
import { LayerDemo } from './LayerDemo'
import { MatrixInput, gridText, parseGrid } from './fields'
import { MatrixView } from './MatrixView'

/** the seed's x as In [19] prints it, 1.0 and not 1 */
const BOOK_RELU_X_TEXT = BOOK_RELU_X.map((row) => row.map((v) => (Number.isInteger(v) ? v.toFixed(1) : String(v))))
const zeros = (m: number[][]) => m.map((row) => row.map(() => 0))

/** 5.5.1 the seed's x through Relu: its mask, out, and an edited dout sent back through the switch. */
export function ReluDemo() {
  const t = useT().layers
  const r = t.relu
  const [xText, setX] = useState(BOOK_RELU_X_TEXT)
  const [doutText, setDout] = useState(gridText(BOOK_RELU_DOUT))
  const x = parseGrid(xText)
  const dout = parseGrid(doutText)
  const forward = x && reluDemo(x, zeros(x))
  const both = x && dout && reluDemo(x, dout)
  return (
    <LayerDemo id="relu" title={r.title} lead={r.lead} layer="Relu">
      <div className="matrix-row">
        <MatrixInput id="relu-x" name="x" caption={r.x} text={xText} onChange={setX} />
        {forward ? (
          <>
            <MatrixView label={r.mask} testId="relu-mask" values={forward.mask.map((row) => row.map(Number))} format={(v) => (v ? 'True' : 'False')} />
            <MatrixView label={r.out} testId="relu-out" values={forward.out} blocked={forward.mask} />
          </>
        ) : (
          <p className="hint">{t.waiting}</p>
        )}
      </div>
      <div className="matrix-row">
        <MatrixInput id="relu-dout" name="dout" caption={r.dout} text={doutText} onChange={setDout} />
        {both ? <MatrixView label={r.dx} testId="relu-dx" values={both.dx} blocked={both.mask} upstream={dout} blockedLabel={r.blocked} /> : <p className="hint">{t.waiting}</p>}
      </div>
      <p className="hint">
        <s aria-hidden="true">7</s> 0 — {r.legend}
      </p>
    </LayerDemo>
  )
}
