import type { PersistStorage } from 'zustand/middleware'
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
 * worksheet to work on; the original is left where it was.
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
  if (raw === null) return { saved: null, notice: null }
  const read = readPersisted(raw)
  if (read.ok) return { saved: read.state, notice: null }
  return {
    saved: null,
    notice: { kind: 'unreadable', reason: read.reason, keptAs: keepAside(storage, key, raw, now) },
  }
}

/**
 * The persist middleware's storage: it only writes. Reading happens once,
 * before the store exists (restoreWorksheet), so a notice about the saved
 * data is part of the store's first state and the store is never called
 * while it is being created.
 */
export function worksheetStorage(
  storage: Storage | null,
  onSaveFailed: () => void,
): PersistStorage<PersistedState> {
  return {
    getItem: () => null,
    setItem: (name, value) => {
      // JSON writes NaN as null; the typed text kept beside it restores it on load.
      try {
        if (storage === null) throw new Error('no storage')
        storage.setItem(name, JSON.stringify(value))
      } catch {
        onSaveFailed()
      }
    },
    removeItem: (name) => {
      storage?.removeItem(name)
    },
  }
}
