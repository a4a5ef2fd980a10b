// The chain-rule graph of 5.2.3 (figure 5-7): t = x + y, z = t², computed by the engine's AddLayer and
// SquareLayer. Backward from dz = 1: ∂z/∂t = 2t, then ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 2(x + y).
import { AddLayer } from '../../src-worker/layers/mul-add'
import { SquareLayer } from '../../src-worker/layers/square'
import type { OpNode } from './steps'

export interface ChainInputs {
  x: number
  y: number
}

export function chainRule({ x, y }: ChainInputs) {
  const addLayer = new AddLayer()
  const squareLayer = new SquareLayer()
  const t = addLayer.forward(x, y)
  const z = squareLayer.forward(t)
  const dz = 1
  const dt = squareLayer.backward(dz)
  const [dx, dy] = addLayer.backward(dt)
  return { t, z, dz, dt, dx, dy }
}

/** x = 1, y = 2: t = 3, z = 9, ∂z/∂x = ∂z/∂y = 6. */
export const CHAIN_START: ChainInputs = { x: 1, y: 2 }

/** The graph as the stepper reads it: the + node, then the **2 node. */
export const CHAIN_OPS: OpNode[] = [
  { id: 'add', op: 'add', inputs: ['x', 'y'], output: 'square' },
  { id: 'square', op: 'square', inputs: ['add'], output: 'z' },
]
