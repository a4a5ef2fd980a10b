// The order in which a computational graph is stepped (5.1–5.4): forward, node by node from left to right as
// the book's code calls the layers, then backward in exactly the reverse order. Pure: the pane draws from it.

export type Op = 'mul' | 'add' | 'square'

/** One operation node of a graph: which nodes feed it (in argument order) and which node it feeds. */
export interface OpNode {
  id: string
  op: Op
  inputs: string[]
  output: string
}

/** An edge, named as GraphSvg names it. */
export const edgeKey = (from: string, to: string): string => `${from}-${to}`

export interface Step {
  phase: 'forward' | 'backward'
  node: string
  op: Op
  /** the edges into the node, in argument order */
  inputs: string[]
  /** the edge out of the node */
  output: string
}

/**
 * Forward steps in dependency order (a node once everything it reads is computed; ties keep the listed
 * order, which is the book's left to right), then the backward steps in the reverse of that order.
 * Throws on a cycle or a node that can never be computed.
 */
export function graphSteps(ops: readonly OpNode[]): Step[] {
  const opIds = new Set(ops.map((o) => o.id))
  const done = new Set<string>()
  const order: OpNode[] = []
  while (order.length < ops.length) {
    const next = ops.find((o) => !done.has(o.id) && o.inputs.every((i) => !opIds.has(i) || done.has(i)))
    if (!next) throw new Error('graphSteps: the graph has a cycle')
    done.add(next.id)
    order.push(next)
  }
  const step = (o: OpNode, phase: Step['phase']): Step => ({
    phase,
    node: o.id,
    op: o.op,
    inputs: o.inputs.map((i) => edgeKey(i, o.id)),
    output: edgeKey(o.id, o.output),
  })
  return [...order.map((o) => step(o, 'forward')), ...[...order].reverse().map((o) => step(o, 'backward'))]
}

/** Which edges' values are known after the first `done` steps; the graph's inputs are known from the start. */
export function knownValues(ops: readonly OpNode[], steps: readonly Step[], done: number): { forward: Set<string>; backward: Set<string> } {
  const opIds = new Set(ops.map((o) => o.id))
  const forward = new Set(ops.flatMap((o) => o.inputs.filter((i) => !opIds.has(i)).map((i) => edgeKey(i, o.id))))
  const backward = new Set<string>()
  for (const s of steps.slice(0, Math.max(0, done))) {
    if (s.phase === 'forward') forward.add(s.output)
    else {
      backward.add(s.output) // the dout the node receives (1 at the graph's end)
      for (const e of s.inputs) backward.add(e)
    }
  }
  return { forward, backward }
}

/** How many of the steps are forward ones. */
export const forwardCount = (steps: readonly Step[]): number => steps.filter((s) => s.phase === 'forward').length

/** The words a step's local computation is said in (the graph namespace of the catalogue provides them). */
export interface StepWords {
  mulForward(x: string, y: string, out: string): string
  mulBackward(dout: string, x: string, y: string, dx: string, dy: string): string
  addForward(x: string, y: string, out: string): string
  addBackward(dout: string): string
  squareForward(x: string, out: string): string
  squareBackward(dout: string, x: string, dx: string): string
}

/** The local computation at a step's node, from the edges' values (forward and backward, by edge key). */
export function describeStep(
  step: Step,
  values: { forward: Record<string, number>; backward: Record<string, number> },
  words: StepWords,
  format: (n: number) => string,
): string {
  const value = (table: Record<string, number>, e: string | undefined) => table[e ?? ''] ?? Number.NaN
  // operands written out in a product or sum keep a negative in parentheses: (-2.5)², 1 · (-4); results do not
  const operand = (n: number) => (n < 0 ? `(${format(n)})` : format(n))
  const f = (e: string | undefined) => format(value(values.forward, e))
  const fo = (e: string | undefined) => operand(value(values.forward, e))
  const b = (e: string | undefined) => format(value(values.backward, e))
  const bo = (e: string | undefined) => operand(value(values.backward, e))
  const [x, y] = step.inputs
  if (step.phase === 'forward') {
    if (step.op === 'mul') return words.mulForward(fo(x), fo(y), f(step.output))
    if (step.op === 'add') return words.addForward(fo(x), fo(y), f(step.output))
    return words.squareForward(fo(x), f(step.output))
  }
  if (step.op === 'mul') return words.mulBackward(bo(step.output), fo(x), fo(y), b(x), b(y))
  if (step.op === 'add') return words.addBackward(b(step.output))
  return words.squareBackward(bo(step.output), fo(x), b(x))
}
