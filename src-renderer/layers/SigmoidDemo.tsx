import { useState } from 'react'
import { sigmoidDemo } from '../../src-worker/layers/demos'
import { formatSmall } from '../graph/format-number'
import { GraphSvg, type GraphNode } from '../graph/GraphSvg'
import { useT } from '../i18n'
import { LayerDemo } from './LayerDemo'
import { NumberField } from './fields'
import { formatShort, formatValue } from './MatrixView'
import { parseDecimal } from './parse-decimal'

const FOUR_NODES: GraphNode[] = [
  { id: 'x', x: 40, y: 70, label: 'x' },
  { id: 'minus1', x: 130, y: 170, label: '−1', place: 'below' },
  { id: 'mul', x: 150, y: 70, label: '×', op: true },
  { id: 'exp', x: 300, y: 70, label: 'exp', op: true },
  { id: 'one', x: 430, y: 170, label: '1', place: 'below' },
  { id: 'add', x: 450, y: 70, label: '+', op: true },
  { id: 'div', x: 610, y: 70, label: '/', op: true },
  { id: 'y', x: 720, y: 70, label: 'y' },
]
const ONE_NODE: GraphNode[] = [
  { id: 'x', x: 40, y: 50, label: 'x' },
  { id: 'sigmoid', x: 300, y: 50, label: 'σ', op: true },
  { id: 'y', x: 560, y: 50, label: 'y' },
]
/** an edge label: 4 significant digits, so neighbouring labels do not run into each other; the table has 6 */
const short = (v: number | null) => (v === null ? null : formatShort(v, 4))
/** the book's local derivatives, steps 1 to 4 */
const LOCAL = ['−y²', '1', 'exp(−x)', '−1']

/** 5.5.2 the sigmoid's four-node graph at an edited x and dout, then the one node it simplifies to. */
export function SigmoidDemo() {
  const t = useT().layers
  const s = t.sigmoid
  const [xText, setX] = useState('1')
  const [doutText, setDout] = useState('1')
  const x = parseDecimal(xText)
  const dout = parseDecimal(doutText)
  const d = x.ok && dout.ok ? sigmoidDemo(x.value, dout.value) : null
  const g = d?.graph
  return (
    <LayerDemo id="sigmoid" title={s.title} lead={s.lead} layer="Sigmoid">
      <div className="graph-inputs">
        <NumberField id="sigmoid-x" label={s.x} name="x" text={xText} onChange={setX} />
        <NumberField id="sigmoid-dout" label={s.dout} name="dout" text={doutText} onChange={setDout} />
      </div>
      {d && g ? (
        <>
          <GraphSvg
            title={s.graph(formatValue(d.y), formatValue(d.fourStep))}
            width={760}
            height={200}
            nodes={FOUR_NODES}
            edges={[
              { from: 'x', to: 'mul', forward: short(x.ok ? x.value : null), backward: short(g.dx) },
              { from: 'minus1', to: 'mul', forward: '-1', backward: null },
              { from: 'mul', to: 'exp', forward: short(g.negX), backward: short(g.dNegX) },
              { from: 'exp', to: 'add', forward: short(g.expNegX), backward: short(g.dExpNegX) },
              { from: 'one', to: 'add', forward: '1', backward: null },
              { from: 'add', to: 'div', forward: short(g.onePlus), backward: short(g.dOnePlus) },
              { from: 'div', to: 'y', forward: short(g.y), backward: short(dout.ok ? dout.value : null) },
            ]}
          />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={s.table}>
            <table className="layer-table nowrap" data-testid="sigmoid-steps">
              <caption>{s.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.step}</th>
                  <th scope="col">{s.forward}</th>
                  <th scope="col">{s.upstream}</th>
                  <th scope="col">{s.local}</th>
                  <th scope="col">{s.downstream}</th>
                </tr>
              </thead>
              <tbody>
                {d.nodes.map((n, i) => (
                  <tr key={n.op} data-node={n.op}>
                    <td>
                      {i + 1} · {n.op}
                    </td>
                    <td>{formatShort(n.forward)}</td>
                    <td>{formatShort(n.dout)}</td>
                    <td>
                      {LOCAL[i]} = {formatShort(n.local)}
                    </td>
                    <td data-value={String(n.downstream)}>{formatShort(n.downstream)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{s.simplified}</p>
          <GraphSvg
            title={s.simpleGraph(formatValue(d.y), formatValue(d.simplified))}
            width={600}
            height={110}
            nodes={ONE_NODE}
            edges={[
              { from: 'x', to: 'sigmoid', forward: short(x.ok ? x.value : null), backward: short(d.simplified) },
              { from: 'sigmoid', to: 'y', forward: short(d.y), backward: short(dout.ok ? dout.value : null) },
            ]}
          />
          <dl className="equality" data-testid="sigmoid-equality">
            <div>
              <dt>{s.fourStep}</dt>
              <dd data-testid="sigmoid-four">{formatValue(d.fourStep)}</dd>
            </div>
            <div>
              <dt>{s.oneNode}</dt>
              <dd data-testid="sigmoid-one">{formatValue(d.simplified)}</dd>
            </div>
            <div>
              <dt>{s.difference}</dt>
              <dd>{formatSmall(Math.abs(d.fourStep - d.simplified))}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="hint">{t.waiting}</p>
      )}
    </LayerDemo>
  )
}
