// The English catalogue, one file a pane or area (each helper of the UI owns its own file).
// Add a namespace here and in ../ko/index.ts; the types make the Korean one follow.
import { shell } from './shell'
import { mydigits } from './mydigits'
import { step } from './step'

export const en = { shell, mydigits, step }
export type Catalogue = typeof en
