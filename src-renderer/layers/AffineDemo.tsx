import { useState } from 'react'
import { BOOK_AFFINE, affineDemo } from '../../src-worker/layers/demos'
import { GraphSvg, type GraphNode } from '../graph/GraphSvg'
import { useT } from '../i18n'
import { LayerDemo } from './LayerDemo'
import { MatrixInput, gridText, parseGrid } from './fields'
import { MatrixView } from './MatrixView'

const NODES: GraphNode[] = [
  { id: 'X', x: 50, y: 50, label: 'X' },
  { id: 'W', x: 50, y: 170, label: 'W' },
  { id: 'dot', x: 250, y: 110, label: 'dot', op: true },
  { id: 'B', x: 420, y: 210, label: 'B', place: 'below' },
  { id: 'add', x: 470, y: 110, label: '+', op: true },
  { id: 'Y', x: 640, y: 110, label: 'Y' },
]

const initial = () => ({ X: gridText(BOOK_AFFINE.X), W: gridText(BOOK_AFFINE.W), B: gridText([BOOK_AFFINE.B]), dY: gridText(BOOK_AFFINE.dY) })

/** 5.6.1–5.6.2 the batch Affine layer with shapes on its graph, on the seed's X·W + B and dY. */
export function AffineDemo() {
  const t = useT().layers
  const a = t.affine
  const [text, setText] = useState(initial)
  const X = parseGrid(text.X)
  const W = parseGrid(text.W)
  const B = parseGrid(text.B)
  const dY = parseGrid(text.dY)
  const r = X && W && B && dY ? affineDemo(X, W, B[0]!, dY) : null
  const edit = (key: keyof typeof text) => (value: string[][]) => setText({ ...text, [key]: value })
  return (
    <LayerDemo id="affine" title={a.title} lead={a.lead} layer="Affine">
      <GraphSvg
        title={a.graph}
        width={700}
        height={250}
        nodes={NODES}
        edges={[
          { from: 'X', to: 'dot', forward: 'X (N,2)', backward: 'dX (N,2)' },
          { from: 'W', to: 'dot', forward: 'W (2,3)', backward: 'dW (2,3)' },
          { from: 'dot', to: 'add', forward: 'X·W (N,3)', backward: '(N,3)' },
          { from: 'B', to: 'add', forward: 'B (3)', backward: 'dB (3)' },
          { from: 'add', to: 'Y', forward: 'Y (N,3)', backward: 'dY (N,3)' },
        ]}
      />
      <ul className="formulas">
        <li>
          <code>dX (N,2) = dY (N,3) · Wᵀ (3,2)</code>
        </li>
        <li>
          <code>dW (2,3) = Xᵀ (2,N) · dY (N,3)</code>
        </li>
        <li>
          <code>dB (3) = np.sum(dY (N,3), axis=0)</code>
        </li>
      </ul>
      <p className="hint">{a.book}</p>
      <h4>{a.inputs}</h4>
      <div className="matrix-row">
        <MatrixInput id="affine-X" name="X" caption={`${a.X} (2,2)`} text={text.X} onChange={edit('X')} />
        <MatrixInput id="affine-W" name="W" caption={`${a.W} (2,3)`} text={text.W} onChange={edit('W')} />
        <MatrixInput id="affine-B" name="B" caption={`${a.B} (3)`} text={text.B} onChange={edit('B')} vector />
        <MatrixInput id="affine-dY" name="dY" caption={`${a.dY} (2,3)`} text={text.dY} onChange={edit('dY')} />
      </div>
      <button type="button" onClick={() => setText(initial())}>
        {a.reset}
      </button>
      <h4>{a.results}</h4>
      {r ? (
        <div className="matrix-row">
          <MatrixView label={`${a.XW} (2,3)`} testId="affine-XW" values={r.XW} />
          <MatrixView label={`${a.Y} (2,3)`} testId="affine-Y" values={r.Y} />
          <MatrixView label={`${a.dX} (2,2)`} testId="affine-dX" values={r.dX} />
          <MatrixView label={`${a.dW} (2,3)`} testId="affine-dW" values={r.dW} />
          <MatrixView label={`${a.dB} (3)`} testId="affine-dB" values={[r.dB]} />
        </div>
      ) : (
        <p className="hint">{t.waiting}</p>
      )}
    </LayerDemo>
  )
}
