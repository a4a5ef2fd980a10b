import type { Messages } from '../messages'
import type { Catalogue } from '../en'
import { shell } from './shell'
import { mydigits } from './mydigits'
import { step } from './step'

export const ko: Messages<Catalogue> = { shell, mydigits, step }
