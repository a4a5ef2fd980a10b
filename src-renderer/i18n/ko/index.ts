import type { Messages } from '../messages'
import type { Catalogue } from '../en'
import { graph } from './graph'
import { shell } from './shell'

export const ko: Messages<Catalogue> = { shell, graph }
