import { useT } from './i18n'

/** The whole window when the desktop preload did not load: what broke, that nothing is lost, what to do. */
export function BridgeMissing() {
  const t = useT()
  return (
    <main className="bridge-missing" role="alert" data-testid="bridge-missing">
      <h1>{t.shell.bridgeMissing.title}</h1>
      <p>{t.shell.bridgeMissing.body}</p>
      <p>{t.shell.bridgeMissing.hint}</p>
    </main>
  )
}
