// A failed LabApi call's message for the user: without Electron's "Error invoking remote method 'lab:…': Error:"
// wrapper, which names the IPC channel, not the problem.

export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '')
}
