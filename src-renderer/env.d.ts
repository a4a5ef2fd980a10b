/// <reference types="vite/client" />
import type { LabApi } from '../src-worker/protocol'

declare global {
  interface Window {
    /** the desktop preload's bridge; absent in the browser edition */
    lab?: LabApi
  }
}
