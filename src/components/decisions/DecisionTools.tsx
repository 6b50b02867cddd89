import './decisions.css'

// The tools sit below the worksheet and bring the decision functions with them
// (about 13 KB gzip): loaded after first paint with this whole section (App mounts it
// lazily), the worksheet paints without them.
import DecisionPanels from './DecisionPanels'

/** Decision tools for the active scenario: checks, budget cap, quotas, models, sensitivity, uncertainty. */
export function DecisionTools() {
  return (
    <section className="decisions" aria-labelledby="decisions-h" id="decisions">
      <h2 id="decisions-h">Decision tools</h2>
      <DecisionPanels />
    </section>
  )
}
