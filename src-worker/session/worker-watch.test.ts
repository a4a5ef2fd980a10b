import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { LabEvent, TrainSettings } from '../protocol'
import { BOOK_SETTINGS } from './validate'
import { WorkerWatch } from './worker-watch'

const started = { type: 'started', settings: BOOK_SETTINGS as TrainSettings } as unknown as LabEvent
const progress = { type: 'progress', firstIteration: 0, losses: new Float32Array(1) } as unknown as LabEvent
const ev = (type: string) => ({ type }) as unknown as LabEvent

describe('a training worker that stops answering', () => {
  it('is overdue when a run goes and nothing comes for longer than the heartbeat', () => {
    const w = new WorkerWatch(1000, 500, 0)
    w.heard(started, 0)
    w.heard(progress, 900)
    assert.equal(w.overdue(1900), null, 'exactly the heartbeat since the last event is still fine')
    assert.match(w.overdue(1901) ?? '', /stopped answering \(nothing for 1 s\)/)
  })

  it('is never overdue for silence while idle or paused: nothing is owed then', () => {
    const idle = new WorkerWatch(1000, 500, 0)
    assert.equal(idle.overdue(1e9), null)
    const paused = new WorkerWatch(1000, 500, 0)
    paused.heard(started, 0)
    paused.heard(ev('paused'), 10)
    assert.equal(paused.overdue(1e9), null)
    paused.heard(ev('resumed'), 2000)
    assert.notEqual(paused.overdue(3001), null, 'resumed: the heartbeat counts again')
  })

  it('owes an answer to pause, resume and stop during a run, and an answer pays it', () => {
    const w = new WorkerWatch(60_000, 500, 0)
    w.heard(started, 0)
    w.sent('pause', 100)
    assert.equal(w.overdue(600), null)
    assert.match(w.overdue(601) ?? '', /nothing for 500 ms/)
    w.heard(ev('paused'), 650)
    assert.equal(w.overdue(700), null)
    w.sent('stop', 1000)
    w.heard(ev('done'), 1200)
    assert.equal(w.overdue(1e9), null, 'done: nothing owed, nothing going')
  })

  it('a predict or a stop outside a run owes nothing; a fresh worker starts clean', () => {
    const w = new WorkerWatch(1000, 500, 0)
    w.sent('stop', 0)
    w.sent('predict', 0)
    assert.equal(w.overdue(1e9), null)
    w.heard(started, 0)
    assert.notEqual(w.overdue(5000), null)
    w.reset(5000)
    assert.equal(w.overdue(1e9), null)
  })
})
