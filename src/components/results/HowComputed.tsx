import { Suspense, lazy, useState } from 'react'
import './results.css'

// Opened by few and long: its code loads when it is opened, not with the first paint.
const Workings = lazy(() => import('./HowComputedWorkings').then((m) => ({ default: m.Workings })))

/** The formula with this scenario's own numbers in it, so every figure can be checked by hand. */
export function HowComputed() {
  const [open, setOpen] = useState(false)
  return (
    <details
      className="card how"
      onToggle={(e) => {
        setOpen(e.currentTarget.open)
      }}
    >
      <summary>
        <h2>How this is computed</h2>
      </summary>
      {/* Only worked out while open: it is long, and typing should not wait for it. */}
      {open && (
        <Suspense fallback={<p className="muted">Working it out…</p>}>
          <Workings />
        </Suspense>
      )}
    </details>
  )
}
