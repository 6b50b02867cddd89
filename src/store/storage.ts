import type { PersistStorage, StorageValue } from 'zustand/middleware'
import { readPersisted } from '../io/persisted'
import type { PersistedState } from '../io/persisted'
import type { StorageNotice } from './storageSafety'

/** The worksheet as found in storage: what to start from, and what to tell the person. */
export interface Restored {
  /** The saved worksheet; null when there is none or it cannot be read (the example is shown). */
  saved: PersistedState | null
  notice: StorageNotice | null
}

/**
 * The browser's local storage, or null where the browser refuses it: with
 * site data blocked, merely reading `window.localStorage` throws.
 */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * Copies unreadable saved data under a key of its own, once: if a copy with
 * the same value is already kept aside (a reload, a second tab), that copy's
 * key is returned and nothing is written. Null when the browser refuses the
 * copy (storage full).
 */
function keepAside(storage: Storage, key: string, raw: string, now: Date): string | null {
  const prefix = `${key}:kept-aside:`
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k?.startsWith(prefix) && storage.getItem(k) === raw) return k
  }
  const copyKey = `${prefix}${now.toISOString()}`
  try {
    storage.setItem(copyKey, raw)
    return copyKey
  } catch {
    return null
  }
}

/**
 * Reads what was saved under `key`, once, before the store is created: the
 * one place saved data enters the app. Data it cannot read is kept aside
 * (never overwritten unseen) and comes back as a notice, with the example
 * worksheet to work on; the original is left where it was. When even the
 * copy is refused, the notice carries the data itself, so the person can
 * still download it, and saving waits until they decide.
 */
export function restoreWorksheet(storage: Storage | null, key: string, now: Date): Restored {
  // A browser that will not even read its storage will not save either: say so now.
  const refused: Restored = { saved: null, notice: { kind: 'saveFailed' } }
  if (storage === null) return refused
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch {
    return refused
  }
  if (raw === null) return { saved: null, notice: closedTabNotice(storage, key) }
  const read = readPersisted(raw)
  if (read.ok) {
    const { renamed } = read
    return {
      saved: read.state,
      notice: renamed.length > 0 ? { kind: 'renamed', renamed } : closedTabNotice(storage, key),
    }
  }
  const keptAs = keepAside(storage, key, raw, now)
  return {
    saved: null,
    notice:
      keptAs === null
        ? { kind: 'unreadable', reason: read.reason, keptAs: null, raw }
        : { kind: 'unreadable', reason: read.reason, keptAs },
  }
}

/**
 * Where a tab keeps its unsaved worksheet when it is closed while asking whether to keep it
 * or load another tab's version (see keepPendingAside): the question had no answer, so
 * neither version may be dropped.
 */
export const CLOSED_TAB = ':closed-tab:'

/** The oldest worksheet a closed tab kept aside, as a notice; null when there is none. */
function closedTabNotice(storage: Storage, key: string): StorageNotice | null {
  const prefix = `${key}${CLOSED_TAB}`
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k?.startsWith(prefix)) keys.push(k)
  }
  for (const k of keys.sort()) {
    const raw = storage.getItem(k)
    const read = raw === null ? null : readPersisted(raw)
    if (read?.ok) return { kind: 'closedTab', keptAs: k, worksheet: read.state }
  }
  return null
}

/** The text kept aside under `key`, or null when it is gone or storage is refused. */
export function readKeptAside(key: string): string | null {
  try {
    return browserStorage()?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Deletes a kept-aside copy, on the person's word. */
export function deleteKeptAside(key: string): void {
  try {
    browserStorage()?.removeItem(key)
  } catch {
    // Storage that refuses even this has nothing we could have deleted.
  }
}

/** How long typing must pause before the worksheet is written (issue 15: off the keystroke path). */
export const SAVE_DELAY_MS = 400

/** The persist middleware's storage, plus a way to write what is pending now. */
export interface WorksheetWriter {
  storage: PersistStorage<PersistedState>
  /** Writes the pending state at once, if any: on pagehide, when hidden, and in tests. */
  flush: () => void
  /** Drops what is pending and writes nothing more, for good (the crash screen's fresh start). */
  stop: () => void
  /** True while a change waits to be written: this tab has edits no other tab has seen. */
  hasPending: () => boolean
  /** Runs `change` without saving what it sets: adopting another tab's save must not echo it back. */
  quietly: (change: () => void) => void
  /**
   * Writes the pending state under the worksheet's key plus `suffix` instead of the key
   * itself, and drops it: a tab closing while saves are held keeps its edits this way.
   */
  keepPendingAside: (suffix: string) => void
}

/**
 * The persist middleware's storage: it only writes, and only once typing
 * pauses. Reading happens once, before the store exists (restoreWorksheet),
 * so a notice about the saved data is part of the store's first state and
 * the store is never called while it is being created.
 *
 * Zustand calls setItem on every change; serialising the whole worksheet on
 * every keystroke cost frames, so the latest state waits `delayMs` and is
 * written then, or at once when the page is hidden or closed (pagehide and
 * visibilitychange are the last events a closing tab reliably gets).
 * `held()` true means the original must not be overwritten yet: the pending
 * state waits until it turns false.
 */
export function worksheetWriter(
  storage: Storage | null,
  onSaveFailed: () => void,
  held: () => boolean,
  delayMs: number = SAVE_DELAY_MS,
): WorksheetWriter {
  let pending: { name: string; value: StorageValue<PersistedState> } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let quiet = false

  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (stopped || pending === null || held()) return
    const { name, value } = pending
    pending = null
    // JSON writes NaN as null; the typed text kept beside it restores it on load.
    try {
      if (storage === null) throw new Error('no storage')
      storage.setItem(name, JSON.stringify(value))
    } catch {
      onSaveFailed()
    }
  }

  return {
    flush,
    stop: () => {
      stopped = true
      pending = null
    },
    hasPending: () => pending !== null,
    keepPendingAside: (suffix) => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      if (stopped || pending === null) return
      const { name, value } = pending
      pending = null
      try {
        storage?.setItem(`${name}${suffix}`, JSON.stringify(value))
      } catch {
        // Storage that refuses the copy is full: there is nowhere left to keep it.
      }
    },
    quietly: (change) => {
      quiet = true
      try {
        change()
      } finally {
        quiet = false
      }
    },
    storage: {
      getItem: () => null,
      setItem: (name, value) => {
        if (quiet) return
        pending = { name, value }
        if (timer !== null) clearTimeout(timer)
        timer = setTimeout(flush, delayMs)
      },
      removeItem: (name) => {
        pending = null
        storage?.removeItem(name)
      },
    },
  }
}

/**
 * Writes pending saves when the page is hidden or closed; returns how to stop. `onClose`
 * runs instead of `flush` when the page goes away (pagehide), not merely out of sight.
 */
export function flushWhenPageHides(flush: () => void, onClose: () => void = flush): () => void {
  if (typeof window === 'undefined') return () => undefined
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', onClose)
  document.addEventListener('visibilitychange', onHidden)
  return () => {
    window.removeEventListener('pagehide', onClose)
    document.removeEventListener('visibilitychange', onHidden)
  }
}

/**
 * The crash screen's way out: moves what is saved under `key` aside (once, as
 * on load) and removes it, so the next load starts from the example instead
 * of crashing again. Returns the kept-aside key; null when there was nothing
 * saved, or when the copy was refused and the original was therefore left.
 */
export function setAsideForFreshStart(
  storage: Storage | null,
  key: string,
  now: Date,
): { keptAs: string | null; raw: string | null } {
  if (storage === null) return { keptAs: null, raw: null }
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch {
    return { keptAs: null, raw: null }
  }
  if (raw === null) return { keptAs: null, raw: null }
  const keptAs = keepAside(storage, key, raw, now)
  if (keptAs !== null) storage.removeItem(key)
  return { keptAs, raw }
}
