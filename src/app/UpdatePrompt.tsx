import { useSyncExternalStore } from 'react'
import { pendingUpdate, subscribeToUpdate } from './updateReady'

/** Says a new version is waiting, and applies it only when the person chooses Reload. */
export function UpdatePrompt() {
  const reload = useSyncExternalStore(subscribeToUpdate, pendingUpdate, () => null)
  if (reload === null) return null
  return (
    <div className="banner" role="status">
      <p>A new version is ready. Reload to use it; your worksheet is kept.</p>
      <button type="button" onClick={reload}>
        Reload
      </button>
    </div>
  )
}
