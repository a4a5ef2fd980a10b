// What the Gradient pane shows, kept outside the component so it survives switching tabs mid-check:
// a pure reducer over the worker's events (unit-tested) and one small store per LabApi.
import type { Activation, LabApi, LabEvent } from '../../src-worker/protocol'

/** A finished check: the gradientChecked event without its type. */
export type GradientResult = Omit<Extract<LabEvent, { type: 'gradientChecked' }>, 'type'>

export interface GradientCheckState {
  /** a check under way: done of total numerical derivatives (total 0 until the first progress event) */
  running: { activation: Activation; done: number; total: number } | null
  /** the last finished check; null while a new one runs, so an old verdict is never shown as the new one's */
  result: GradientResult | null
  /** the result a running check replaces, given back if the check is refused or the worker fails */
  previous: GradientResult | null
  /** why the last request ended without a result: a worker refusal (its message) or a failure (its reason) */
  problem: { kind: 'rejected'; message: string } | { kind: 'failed'; reason: string } | null
}

export const IDLE: GradientCheckState = { running: null, result: null, previous: null, problem: null }

/** The user asked for a check (the pane sends checkGradient right after). */
export type GradientRequest = { type: 'requested'; activation: Activation }

export function reduceGradientCheck(state: GradientCheckState, input: LabEvent | GradientRequest): GradientCheckState {
  switch (input.type) {
    case 'requested':
      return { running: { activation: input.activation, done: 0, total: 0 }, result: null, previous: state.result ?? state.previous, problem: null }
    case 'gradientProgress':
      if (!state.running || input.done < state.running.done) return state
      return { ...state, running: { activation: input.activation, done: input.done, total: input.total } }
    case 'gradientChecked': {
      const { type: _type, ...result } = input
      return { running: null, result, previous: null, problem: null }
    }
    case 'rejected':
      if (input.command !== 'checkGradient') return state
      return { running: null, result: state.result ?? state.previous, previous: null, problem: { kind: 'rejected', message: input.message } }
    case 'failed':
      // a run failing is the Train pane's news; it matters here only when it ended our check (the worker died)
      if (!state.running) return state
      return { running: null, result: state.previous, previous: null, problem: { kind: 'failed', reason: input.reason } }
    default:
      return state
  }
}

/** One check at a time: request() refuses while one runs, so a double click sends one command. */
export class GradientCheckStore {
  private state = IDLE
  private readonly listeners = new Set<() => void>()

  constructor(private readonly lab: LabApi) {
    lab.onEvent((event) => this.apply(event))
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): GradientCheckState => this.state

  /** starts a check unless one is running; true when it did */
  request(activation: Activation): boolean {
    if (this.state.running) return false
    this.apply({ type: 'requested', activation })
    this.lab.checkGradient(activation)
    return true
  }

  private apply(input: LabEvent | GradientRequest): void {
    const next = reduceGradientCheck(this.state, input)
    if (next === this.state) return
    this.state = next
    for (const listener of this.listeners) listener()
  }
}

const stores = new WeakMap<LabApi, GradientCheckStore>()

/** The lab's one gradient-check store, created (and subscribed to its events) on first use. */
export function gradientCheckStore(lab: LabApi): GradientCheckStore {
  let store = stores.get(lab)
  if (!store) stores.set(lab, (store = new GradientCheckStore(lab)))
  return store
}
