// First, so every feature's stylesheet comes after the global one.
import './styles.css'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ErrorBoundary } from './ErrorBoundary'
import { offerUpdate } from './updateReady'
import { UpdatePrompt } from './UpdatePrompt'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// A transition, so React renders the first screen in slices of a few milliseconds and the
// page answers a tap between them. Rendered in one go it was the longest task of the load on
// a phone (Lighthouse counted it whole in total blocking time); it paints at the same moment.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
        <UpdatePrompt />
      </ErrorBoundary>
    </StrictMode>,
  )
})

// Offline after the first visit, and installable. A new version waits until
// the person chooses Reload (registerType 'prompt'): reloading on its own lost
// open previews. In dev the plugin serves a no-op module, so nothing is cached.
// Registered once the page has loaded and the browser is idle: the worker's script and its
// precache of every chunk are no part of the first screen, and would compete with it for the
// network and the CPU while the first screen still renders.
function registerServiceWorker() {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const updateSW = registerSW({
      onNeedRefresh() {
        offerUpdate(() => {
          void updateSW(true)
        })
      },
    })
  })
}
function whenIdle() {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(registerServiceWorker, { timeout: 5_000 })
  // Safari has no requestIdleCallback.
  else window.setTimeout(registerServiceWorker, 1_000)
}
if (document.readyState === 'complete') whenIdle()
else window.addEventListener('load', whenIdle, { once: true })
