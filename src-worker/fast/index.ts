// The fast training path (issue 3): float32, sparse input, WebAssembly SIMD where the host has it and a
// plain-TypeScript fallback where it does not. Runs in a Node worker thread and in a browser Web Worker.
import type { Params, TrainingBackend } from '../net/backend'
import type { Activation } from '../protocol'
import { KERNEL_SIMD_BASE64 } from './generated/kernel-wasm'
import { TsBackend } from './ts-backend'
import type { WasmModule } from './wasm-api'
import { wasmApi } from './wasm-api'
import { WasmBackend } from './wasm-backend'

export { TsBackend } from './ts-backend'
export { WasmBackend } from './wasm-backend'

/** What the host offers the fast path, checked by WebAssembly.validate on a tiny module. */
export interface FastBackendSupport {
  /** WebAssembly with 128-bit SIMD (f32x4): the wasm kernel runs; else the TypeScript fallback */
  simd: boolean
  /**
   * why compiling the kernel failed although SIMD validates, e.g. a Content-Security-Policy without
   * 'wasm-unsafe-eval'; the fallback runs then. Set after the first createFastBackend.
   */
  compileError?: string
}

/** (module (func (result v128) v128.const i32x4 0 0 0 0)) */
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]

function validates(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return wasmApi !== undefined && wasmApi.validate(bytes)
  } catch {
    return false
  }
}

let support: FastBackendSupport | null = null

/** Detects, once, whether this host runs WebAssembly SIMD. */
export function fastBackendSupport(): FastBackendSupport {
  support ??= { simd: validates(Uint8Array.from(SIMD_PROBE)) }
  return support
}

export interface FastBackendOptions {
  /** 'auto' (default) and 'wasm-simd': the wasm kernel where SIMD is detected, else TypeScript; 'ts' forces the fallback */
  prefer?: 'auto' | 'wasm-simd' | 'ts'
}

let kernel: Promise<WasmModule> | null = null

/**
 * The fastest TrainingBackend this host runs, starting from a float32 copy of params (784-H-10, H ≤ 1024).
 * name: 'wasm-simd-f32' or 'ts-f32'.
 */
export async function createFastBackend(params: Params, activation: Activation, options: FastBackendOptions = {}): Promise<TrainingBackend> {
  const prefer = options.prefer ?? 'auto'
  const support = fastBackendSupport()
  if (prefer === 'ts' || !support.simd || support.compileError) return new TsBackend(params, activation)
  // compiled once per worker; validate() above said the host has WebAssembly
  kernel ??= wasmApi!.compile(decodeBase64(KERNEL_SIMD_BASE64))
  let module: WasmModule
  try {
    module = await kernel
  } catch (error) {
    support.compileError = error instanceof Error ? error.message : String(error)
    return new TsBackend(params, activation)
  }
  return new WasmBackend(module, params, activation)
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}
