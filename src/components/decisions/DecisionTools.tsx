import { lazy, Suspense } from 'react'
import './decisions.css'

// The tools sit below the worksheet and bring the decision functions with them
// (about 13 KB gzip): loaded after first paint, the worksheet paints without them.
const DecisionPanels = lazy(() => import('./DecisionPanels'))

/** Decision tools for the active scenario: checks, budget cap, quotas, models, sensitivity, uncertainty. */
export function DecisionTools() {
  return (
    <section className="decisions" aria-labelledby="decisions-h" id="decisions">
      <h2 id="decisions-h">Decision tools</h2>
      <Suspense fallback={<p className="card muted">Loading decision tools…</p>}>
        <DecisionPanels />
      </Suspense>
    </section>
  )
}
