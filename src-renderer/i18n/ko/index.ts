import type { Messages } from '../messages'
import type { Catalogue } from '../en'
import { shell } from './shell'
import { runs } from './runs' // issue #10

export const ko: Messages<Catalogue> = { shell, runs }
