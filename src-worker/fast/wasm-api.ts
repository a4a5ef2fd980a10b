// The part of the WebAssembly JS API the fast path uses, typed here and read from globalThis: the same code
// then type-checks under the worker's WebWorker lib and under Node's types (which lack the WebAssembly
// values), and a host without WebAssembly at all gets `undefined` instead of a ReferenceError.

/** a compiled module, opaque to the host */
export type WasmModule = object

export interface WasmMemory {
  readonly buffer: ArrayBuffer
}

export interface WasmApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean
  compile(bytes: Uint8Array<ArrayBuffer>): Promise<WasmModule>
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object }
}

/** globalThis.WebAssembly, or undefined where the host has none */
export const wasmApi: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly
