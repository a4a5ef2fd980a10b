// The worker speaks English sentences that name fields by their code names ("start: hiddenSize must be an
// integer in [1, 1024], got 2000"). This turns them into the user's words in the current language: known
// sentences by code, range errors from their parameters, field names to their form labels.
import type { WorkerCommand } from '../../src-worker/protocol'
import type { Catalogue } from './en'
import type { Messages } from './messages'

type T = Messages<Catalogue>

type Command = WorkerCommand['type']
const FIELDS = ['hiddenSize', 'learningRate', 'batchSize', 'iterations', 'weightInitStd', 'seed', 'activation'] as const
type Field = (typeof FIELDS)[number]
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name)

const KNOWN: [RegExp, keyof T['messages']['reasons']][] = [
  [/^a run is already in progress/, 'runInProgress'],
  [/^the run is already paused/, 'alreadyPaused'],
  [/^no run is in progress/, 'noRun'],
  [/^no paused run/, 'noPausedRun'],
  [/^the gradient check takes seconds/, 'gradientBusy'],
  [/^no data is loaded/, 'noData'],
  [/^the network is not ready/, 'notReady'],
  [/^stop the run in progress before/, 'stopFirst'],
  [/^pause or stop the run before/, 'pauseFirst'],
  [/^pause the run to change its learning rate/, 'pauseForRate'],
  [/^there is no trained model to save yet/, 'nothingToSave'],
]

const RANGE = /^(\w+) must be (an integer|a finite number) in ([[(])([^,]+), ([^\]]+)\], got (.+)$/

/** Field code names in free text replaced by their labels ("hiddenSize" → "Hidden size"). */
export function withFieldLabels(t: T, text: string): string {
  return text.replace(/\b(hiddenSize|learningRate|batchSize|iterations|weightInitStd|activation)\b/g, (name) => t.train.fields[name as Field])
}

/** The problem in the worker's refusal of `command`, in the user's words (without the "what failed" title). */
export function workerReason(t: T, command: Command, message: string): string {
  // "start: …", "predict: pixels …": the refused command's own prefix says nothing the title does not
  const text = message.startsWith(`${command}: `) ? message.slice(command.length + 2) : message
  for (const [pattern, key] of KNOWN) if (pattern.test(text)) return t.messages.reasons[key]
  const float32 = /^weightInitStd (\S+) is below (\S+), float32’s smallest normal number/.exec(text)
  if (float32) return t.train.initStdBelowFloat32(t.train.fields.weightInitStd, float32[1]!, float32[2]!)
  const range = RANGE.exec(text)
  if (range && isField(range[1]!)) {
    const [, field, kind, open, min, max, got] = range
    return t.messages.range(t.train.fields[field as Field], t.train.range(kind === 'an integer', open === '(', min!, max!), got!)
  }
  const inFile = /^([^:\s][^:]*\.(?:json|gz|ubyte|idx\d?-ubyte)[^:]*): (.+)$/.exec(text)
  if (inFile) return t.messages.inFile(inFile[1]!, withFieldLabels(t, inFile[2]!))
  return withFieldLabels(t, text)
}

/** A refused command as one sentence: what could not be done, and why. */
export function refusalText(t: T, command: Command, message: string): string {
  const title = (t.messages.couldNot as Record<string, string>)[command] ?? t.messages.workerFailed
  return `${title}: ${workerReason(t, command, message)}`
}
