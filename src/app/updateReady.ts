/**
 * A new version of the app waiting to take over. The page never reloads by
 * itself: an open import preview, a usage-log analysis or a share-link
 * preview would be lost, so the person chooses when.
 */
let apply: (() => void) | null = null
const listeners = new Set<() => void>()

/** Called by the service-worker registration when a new version is installed and waiting. */
export function offerUpdate(reload: () => void): void {
  apply = reload
  for (const l of listeners) l()
}

/** For useSyncExternalStore: told when an update is offered. */
export const subscribeToUpdate = (l: () => void) => {
  listeners.add(l)
  return () => {
    listeners.delete(l)
  }
}

/** How to apply the waiting version; null while there is none. */
export const pendingUpdate = (): (() => void) | null => apply
