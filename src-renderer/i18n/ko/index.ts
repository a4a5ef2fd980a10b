import type { Messages } from '../messages'
import type { Catalogue } from '../en'
import { graph } from './graph'
import { layers } from './layers'
import { shell } from './shell'
import { mydigits } from './mydigits'
import { step } from './step'
// issue 12 (finish): the Train, Predict and Inspect panes and the worker's messages
import { inspect } from './inspect'
import { messages } from './messages'
import { predict } from './predict'
import { train } from './train'
import { runs } from './runs' // issue #10
import { gradient } from './gradient' // issue #9 §4
import { data } from './data' // issue #13 §1

export const ko: Messages<Catalogue> = { shell, train, predict, inspect, messages, mydigits, step, runs, graph, layers, gradient, data }
