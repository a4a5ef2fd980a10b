import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { I18nProvider } from './i18n'
import { lab } from './lab'
import { TrainingStore } from './store/training-store'
import './styles.css'

// The store subscribes first, so it also receives the events the lab kept from before the UI existed.
const store = new TrainingStore((callback) => requestAnimationFrame(callback))
lab.onEvent(store.handle)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App lab={lab} store={store} />
    </I18nProvider>
  </StrictMode>,
)
