// The English catalogue, one file a pane or area (each helper of the UI owns its own file).
// Add a namespace here and in ../ko/index.ts; the types make the Korean one follow.
import { shell } from './shell'
import { runs } from './runs' // issue #10

export const en = { shell, runs }
export type Catalogue = typeof en
