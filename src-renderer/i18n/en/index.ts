// The English catalogue, one file a pane or area (each helper of the UI owns its own file).
// Add a namespace here and in ../ko/index.ts; the types make the Korean one follow.
import { shell } from './shell'

export const en = { shell }
export type Catalogue = typeof en
