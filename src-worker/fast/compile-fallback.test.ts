import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Random } from '../net/random'
import { initParams } from '../net/two-layer-net'
import { createFastBackend, fastBackendSupport } from './index'

// node --test runs each file in its own process, so replacing WebAssembly.compile here touches no other test.
// (Node's types declare no WebAssembly values, hence the cast.)
const wasm = (globalThis as unknown as { WebAssembly: { compile: (bytes: unknown) => Promise<unknown>; CompileError: new (message: string) => Error } }).WebAssembly
describe('fast path where the host refuses to compile WebAssembly (a CSP without wasm-unsafe-eval)', () => {
  it('falls back to the TypeScript backend and says why', async () => {
    const refusal = "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source"
    const original = wasm.compile
    wasm.compile = () => Promise.reject(new wasm.CompileError(refusal))
    try {
      const fast = await createFastBackend(initParams(784, 50, 10, 0.01, new Random(1)), 'relu')
      assert.equal(fast.name, 'ts-f32')
      assert.equal(fastBackendSupport().simd, true)
      assert.equal(fastBackendSupport().compileError, refusal)
    } finally {
      wasm.compile = original
    }
  })
})
