// Whether the pane around a component is the one on screen. Train and Runs stay mounted once opened (their
// charts are costly to make, 30–50 ms each); while another pane shows they are hidden, and a chart there
// holds its redraws until its pane shows again.
import { createContext, useContext } from 'react'

export const PaneShown = createContext(true)

/** true when this component's pane is the one shown (or it is in no kept pane) */
export function usePaneShown(): boolean {
  return useContext(PaneShown)
}
