// The one place that decides which LabApi the UI talks to; nothing else can tell the editions apart.
import type { LabApi } from '../../src-worker/protocol'
import { createBrowserLab } from './browser-lab'
import { electronLab } from './electron-lab'

/** The lab: the desktop preload's bridge when present, else the engine in a Web Worker. Chosen once. */
export const lab: LabApi = electronLab() ?? createBrowserLab()
