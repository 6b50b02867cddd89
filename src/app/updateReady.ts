/**
 * A new version of the app waiting to take over. The page never reloads by
 * itself: an open import preview, a usage-log analysis or a share-link
 * preview would be lost, so the person chooses when.
 */
let apply: (() => void) | null = null
const listeners = new Set<() => void>()

/**
 * How long Reload waits for the new version to take over before reloading anyway. Taking
 * over takes about a second here; Chromium can park it for minutes when a request reaches
 * the old version as it hands over (seen in the browser test under load), and a reload
 * completes it, since the old version then controls no page.
 */
export const TAKEOVER_WAIT_MS = 3_000

/**
 * Called by the service-worker registration when a new version is installed and waiting.
 * `takeOver` asks it to take over, which reloads the page when it has; `reload` is the
 * fallback when it has not within TAKEOVER_WAIT_MS.
 */
export function offerUpdate(
  takeOver: () => void,
  reload: () => void = () => {
    window.location.reload()
  },
): void {
  apply = () => {
    takeOver()
    window.setTimeout(reload, TAKEOVER_WAIT_MS)
  }
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
