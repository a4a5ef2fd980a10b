// A computational graph (5.1) as SVG: forward values above each edge, backward derivatives below it.
import { formatNumber } from './format-number'

export interface GraphNode {
  id: string
  x: number
  y: number
  /** '×' / '+' for a node, or the name of an input or output */
  label: string
  op?: boolean
  /** where an input's or output's name sits relative to its point; default: outside, left or right */
  place?: 'below'
}

export interface GraphEdge {
  from: string
  to: string
  /** null while not yet computed: nothing is drawn; a string (e.g. a shape, "(N,2)") is drawn as it is */
  forward: number | string | null
  backward: number | string | null
}

/** The node a step lights, and in which pass. */
export interface LitNode {
  id: string
  phase: 'forward' | 'backward'
}

/** Draws nodes and edges; each edge's forward value sits above it, its derivative (dL/d·) below. */
export function GraphSvg({
  title,
  width,
  height,
  nodes,
  edges,
  lit,
}: {
  title: string
  width: number
  height: number
  nodes: GraphNode[]
  edges: GraphEdge[]
  lit?: LitNode | null
}) {
  const at = new Map(nodes.map((n) => [n.id, n]))
  const radius = 22
  return (
    <svg className="graph" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = at.get(e.from)!
        const b = at.get(e.to)!
        const len = Math.hypot(b.x - a.x, b.y - a.y)
        const ux = (b.x - a.x) / len
        const uy = (b.y - a.y) / len
        const x1 = a.x + (a.op ? radius * ux : 0)
        const y1 = a.y + (a.op ? radius * uy : 0)
        const x2 = b.x - (b.op ? radius * ux : 0)
        const y2 = b.y - (b.op ? radius * uy : 0)
        const mx = (x1 + x2) / 2
        const my = (y1 + y2) / 2
        // labels sit on either side of the edge, along its normal (above/below a flat edge, left/right of a steep one)
        const nx = -uy
        const ny = ux
        const steep = Math.abs(nx) > 0.5
        const d = 8
        const near = lit && (lit.id === e.from || lit.id === e.to)
        return (
          <g key={`${e.from}-${e.to}`}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} className={near ? `edge lit-${lit.phase}` : 'edge'} markerEnd="url(#arrow)" />
            {e.forward !== null && (
            <text
              x={mx - nx * d}
              y={my - ny * d - 2}
              className="forward"
              textAnchor={steep ? 'end' : 'middle'}
              data-edge={`${e.from}-${e.to}`}
              data-kind="forward"
            >
              {typeof e.forward === 'number' ? formatNumber(e.forward) : e.forward}
            </text>
            )}
            {e.backward !== null && (
            <text
              x={mx + nx * d}
              y={my + ny * d + 14}
              className="backward"
              textAnchor={steep ? 'start' : 'middle'}
              data-edge={`${e.from}-${e.to}`}
              data-kind="backward"
            >
              {typeof e.backward === 'number' ? formatNumber(e.backward) : e.backward}
            </text>
            )}
          </g>
        )
      })}
      {nodes.map((n) =>
        n.op ? (
          <g key={n.id} data-node={n.id} data-lit={lit?.id === n.id ? lit.phase : undefined}>
            <circle cx={n.x} cy={n.y} r={radius} className={lit?.id === n.id ? `node lit-${lit.phase}` : 'node'} />
            <text x={n.x} y={n.y + 7} textAnchor="middle" className={n.label.length > 1 ? 'node-label small' : 'node-label'}>
              {n.label}
            </text>
          </g>
        ) : (
          <text
            key={n.id}
            x={n.place === 'below' ? n.x : n.x + (n.x < width / 2 ? -6 : 6)}
            y={n.place === 'below' ? n.y + 20 : n.y + 5}
            textAnchor={n.place === 'below' ? 'middle' : n.x < width / 2 ? 'end' : 'start'}
            className="io-label"
          >
            {n.label}
          </text>
        ),
      )}
    </svg>
  )
}
