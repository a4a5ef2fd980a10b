// The renderer's model of My digits: the kept list, where it is stored, the network's answers on it, and
// whether the next run trains with it. One store per lab; both Predict (keep) and the gallery read it.
import type { DigitBatch, LabApi, LabEvent, MyDigit } from '../../src-worker/protocol'
import { MAX_MY_DIGITS, myDigitsToSet } from '../../src-worker/data/my-digits'
import { errorDetail } from '../lab/error-detail'
import { ExternalStore } from '../store/external-store'

export interface Evaluation {
  /** by digit id */
  answers: Map<string, { predicted: number; confidence: number }>
  accuracy: number
  /** after which run, or on demand */
  when: 'run' | 'asked'
}

export type Problem = { kind: 'read' | 'write' | 'evaluate' | 'import'; detail: string } | { kind: 'full' }

export interface MyDigitsState {
  digits: MyDigit[]
  loaded: boolean
  /** what went wrong, worded by the panel; detail is the storage's or worker's own message */
  problem: Problem | null
  /** the digits on screen are not all stored (a save failed); they are kept here until one succeeds */
  unsaved: boolean
  evaluation: Evaluation | null
  evaluating: boolean
  /** the next run adds my digits to the training set */
  trainWithThem: boolean
  /** the last deleted digits, for Undo */
  removed: { digits: MyDigit[]; at: number }[] | null
}

let nextRequest = 1
let nextId = 0

export class MyDigitsStore extends ExternalStore<MyDigitsState> {
  private pending: number | null = null

  constructor(private readonly lab: LabApi) {
    super({ digits: [], loaded: false, problem: null, unsaved: false, evaluation: null, evaluating: false, trainWithThem: false, removed: null })
    lab.onEvent(this.onEvent)
    void this.load()
  }

  async load(): Promise<void> {
    try {
      const { digits, warning } = await this.lab.listMyDigits()
      this.set({ digits, loaded: true, problem: warning === null ? null : { kind: 'read', detail: warning } })
    } catch (error) {
      this.set({ loaded: true, problem: { kind: 'read', detail: errorDetail(error) } })
    }
  }

  /** Keeps a drawing (784 bytes) as digit `label`; false when the list is full. */
  keep(pixels: Uint8Array, label: number): boolean {
    if (this.state.digits.length >= MAX_MY_DIGITS) {
      this.set({ problem: { kind: 'full' } })
      return false
    }
    const id = `${Date.now().toString(36)}-${(nextId++).toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`
    void this.replace([...this.state.digits, { id, label, keptAt: new Date().toISOString(), pixels }])
    return true
  }

  relabel(id: string, label: number): void {
    void this.replace(this.state.digits.map((d) => (d.id === id ? { ...d, label } : d)))
  }

  remove(ids: readonly string[]): void {
    const gone = this.state.digits.filter((d) => ids.includes(d.id))
    if (gone.length === 0) return
    this.set({ removed: [{ digits: gone, at: Date.now() }] })
    void this.replace(this.state.digits.filter((d) => !ids.includes(d.id)))
  }

  undoRemove(): void {
    const last = this.state.removed?.[0]
    if (!last) return
    this.set({ removed: null })
    const have = new Set(this.state.digits.map((d) => d.id))
    void this.replace([...this.state.digits, ...last.digits.filter((d) => !have.has(d.id))].sort((a, b) => a.keptAt.localeCompare(b.keptAt)))
  }

  /** Adds imported digits (new ids where they clash); false when they do not all fit. */
  add(imported: readonly MyDigit[]): boolean {
    if (imported.length > MAX_MY_DIGITS - this.state.digits.length) {
      this.set({ problem: { kind: 'full' } })
      return false
    }
    const have = new Set(this.state.digits.map((d) => d.id))
    const fresh = imported.map((d) => (have.has(d.id) ? { ...d, id: `${d.id}-${(nextId++).toString(36)}` } : d))
    void this.replace([...this.state.digits, ...fresh])
    return true
  }

  /** An import that could not be read: the file's name and the reason. */
  importFailed(detail: string): void {
    this.set({ problem: { kind: 'import', detail } })
  }

  setTrainWithThem(on: boolean): void {
    this.set({ trainWithThem: on })
  }

  /** What the next run adds to its training set: my digits when the option is on and there are any. */
  trainingBatch(): DigitBatch | undefined {
    if (!this.state.trainWithThem || this.state.digits.length === 0) return undefined
    const { images, labels } = myDigitsToSet(this.state.digits)
    return { images, labels }
  }

  evaluate(when: Evaluation['when'] = 'asked'): void {
    if (this.state.digits.length === 0) return
    const id = nextRequest++
    this.pending = id
    this.evaluatedIds = this.state.digits.map((d) => d.id)
    this.evaluationWhen = when
    this.set({ evaluating: true })
    const { images, labels } = myDigitsToSet(this.state.digits)
    this.lab.evaluateDigits(id, { images, labels })
  }
  private evaluatedIds: string[] = []
  private evaluationWhen: Evaluation['when'] = 'asked'

  /** The list on screen is the truth; storage follows, and a failed write keeps it on screen, marked unsaved. */
  private async replace(digits: MyDigit[]): Promise<void> {
    this.set({ digits, evaluation: null })
    try {
      await this.lab.saveMyDigits(digits)
      if (this.state.digits === digits) this.set({ unsaved: false, problem: null })
    } catch (error) {
      this.set({ unsaved: true, problem: { kind: 'write', detail: errorDetail(error) } })
    }
  }

  private onEvent = (event: LabEvent): void => {
    if (event.type === 'digitsEvaluated' && event.requestId === this.pending) {
      this.pending = null
      const answers = new Map(this.evaluatedIds.map((id, i) => [id, { predicted: event.predicted[i]!, confidence: event.confidence[i]! }]))
      this.set({ evaluating: false, evaluation: { answers, accuracy: event.accuracy, when: this.evaluationWhen } })
    } else if (event.type === 'rejected' && event.command === 'evaluateDigits') {
      this.pending = null
      this.set({ evaluating: false, problem: { kind: 'evaluate', detail: event.message } })
    } else if (event.type === 'done' || event.type === 'modelLoaded') {
      this.evaluate('run') // after every run (and a loaded model): how it reads my handwriting
    }
  }
}

const stores = new WeakMap<LabApi, MyDigitsStore>()

/** The one store of a lab. */
export function myDigitsStoreFor(lab: LabApi): MyDigitsStore {
  let store = stores.get(lab)
  if (!store) stores.set(lab, (store = new MyDigitsStore(lab)))
  return store
}
