// The one place that decides which LabApi the UI talks to; nothing else can tell the editions apart.
import { createBrowserLab } from './browser-lab'
import { chooseLab, type LabChoice } from './choose-lab'
import { electronLab } from './electron-lab'

export type { LabChoice } from './choose-lab'

/** Chosen once, at start. */
export const labChoice: LabChoice = chooseLab(electronLab(), navigator.userAgent, createBrowserLab)
