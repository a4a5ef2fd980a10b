// 5.2.3 the chain-rule graph: t = x + y, z = t², so ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 2(x + y).
// Computed by the engine's AddLayer and SquareLayer; the graph pane only draws what this returns.
import { AddLayer } from '../../src-worker/layers/mul-add'
import { SquareLayer } from '../../src-worker/layers/square'

export function chainRule(x: number, y: number) {
  const addLayer = new AddLayer()
  const squareLayer = new SquareLayer()
  const t = addLayer.forward(x, y)
  const z = squareLayer.forward(t)
  const dz = 1
  const dt = squareLayer.backward(dz)
  const [dx, dy] = addLayer.backward(dt)
  return { t, z, dz, dt, dx, dy }
}
