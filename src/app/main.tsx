// First, so every feature's stylesheet comes after the global one.
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { registerSW } from 'virtual:pwa-register'
import { App } from './App'
import { ErrorBoundary } from './ErrorBoundary'
import { offerUpdate } from './updateReady'
import { UpdatePrompt } from './UpdatePrompt'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
      <UpdatePrompt />
    </ErrorBoundary>
  </StrictMode>,
)

// Offline after the first visit, and installable. A new version waits until
// the person chooses Reload (registerType 'prompt'): reloading on its own lost
// open previews. In dev the plugin serves a no-op module, so nothing is cached.
const updateSW = registerSW({
  onNeedRefresh() {
    offerUpdate(() => {
      void updateSW(true)
    })
  },
})
