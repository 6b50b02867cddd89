// First, so every feature's stylesheet comes after the global one.
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { registerSW } from 'virtual:pwa-register'
import { App } from './App'
import { ErrorBoundary } from './ErrorBoundary'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
)

// Offline after the first visit, and installable. autoUpdate: a new version
// reloads the page once it is cached; the worksheet lives in localStorage.
// In dev the plugin serves a no-op module, so nothing is cached while editing.
registerSW()
