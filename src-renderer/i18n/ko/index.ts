import type { Messages } from '../messages'
import type { Catalogue } from '../en'
import { shell } from './shell'

export const ko: Messages<Catalogue> = { shell }
