// The English catalogue, one file a pane or area (each helper of the UI owns its own file).
// Add a namespace here and in ../ko/index.ts; the types make the Korean one follow.
import { graph } from './graph'
import { shell } from './shell'

export const en = { shell, graph }
export type Catalogue = typeof en
