import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { BridgeMissing } from './BridgeMissing'
import { I18nProvider } from './i18n'
import { labChoice } from './lab'
import { TrainingStore } from './store/training-store'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

if (labChoice.ok) {
  const lab = labChoice.lab
  // The store subscribes first, so it also receives the events the lab kept from before the UI existed.
  const store = new TrainingStore((callback) => requestAnimationFrame(callback))
  lab.onEvent(store.handle)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider system={lab.systemLanguages}>
        <App lab={lab} store={store} />
      </I18nProvider>
    </StrictMode>,
  )
} else {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <BridgeMissing />
      </I18nProvider>
    </StrictMode>,
  )
}
