import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CRASH_WINDOW_MS, MAX_RELOADS, RendererRecovery, startOrExit } from './lifecycle'

function failureSpy() {
  const calls: string[] = []
  return {
    calls,
    on: { showError: (title: string, content: string) => calls.push(`error: ${title}: ${content.split('\n')[0]}`), exit: (code: number) => calls.push(`exit ${code}`), log: () => undefined },
  }
}

describe('starting the app', () => {
  it('a start that throws tells the user why and exits 1 (releasing the single-instance lock)', async () => {
    const { calls, on } = failureSpy()
    const ok = await startOrExit(() => {
      throw new Error('EACCES: permission denied, mkdir /home/u/.config/Backprop Lab/runs')
    }, on)
    assert.equal(ok, false)
    assert.deepEqual(calls, ['error: Backprop Lab could not start: EACCES: permission denied, mkdir /home/u/.config/Backprop Lab/runs', 'exit 1'])
  })
  it('a start that rejects later is caught the same way', async () => {
    const { calls, on } = failureSpy()
    await startOrExit(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      throw new Error('protocol app is already handled')
    }, on)
    assert.deepEqual(calls, ['error: Backprop Lab could not start: protocol app is already handled', 'exit 1'])
  })
  it('a start that works shows nothing and does not exit', async () => {
    const { calls, on } = failureSpy()
    assert.equal(await startOrExit(() => undefined, on), true)
    assert.deepEqual(calls, [])
  })
})

describe('after the renderer process is gone', () => {
  it('reloads a window that crashed, was killed or ran out of memory', () => {
    for (const reason of ['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed', 'integrity-failure']) {
      assert.deepEqual(new RendererRecovery().decide(reason), { action: 'reload' }, reason)
    }
  })
  it('does nothing for a clean exit (the window closing)', () => {
    assert.deepEqual(new RendererRecovery().decide('clean-exit'), { action: 'none' })
  })
  it(`asks the user after ${MAX_RELOADS} crashes within a minute instead of reloading in a loop`, () => {
    let t = 0
    const recovery = new RendererRecovery(() => t)
    for (let i = 0; i < MAX_RELOADS; i++) assert.equal(recovery.decide('crashed').action, 'reload')
    const ask = recovery.decide('oom')
    assert.equal(ask.action, 'ask')
    assert.match(ask.action === 'ask' ? ask.message : '', /stopped 4 times within a minute \(last: oom\).*Reload the window, or quit\?/)
    t += CRASH_WINDOW_MS
    assert.equal(recovery.decide('crashed').action, 'reload', 'crashes a minute apart reload again')
  })
})
