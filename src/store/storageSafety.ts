import type { Slice } from './state'

/**
 * What the person must be told about the copy of their worksheet in this
 * browser. Facts only: the words are the StorageNotice component's.
 */
export type StorageNotice =
  | {
      /** Saved data this version cannot read (corrupt, newer, wrong shape), found on load. */
      kind: 'unreadable'
      /** Why, in a sentence: "It is not readable JSON." */
      reason: string
      /** The storage key of the untouched copy; null when the browser refused to store one. */
      keptAs: string | null
    }
  | {
      /** The browser refuses to store the worksheet (full, or disabled as in some private windows). */
      kind: 'saveFailed'
    }

/**
 * Keeping the saved worksheet safe: whether saving works, and what to tell
 * the person. The notice about reading storage is set when the store is
 * created (see createWorksheetStore), so it is there on the first paint.
 */
export interface StorageSafetySlice {
  storageNotice: StorageNotice | null
  /** True once the browser has refused a save: the worksheet lives in memory only. */
  saveRefused: boolean
  dismissStorageNotice: () => void
  /** Called by the storage when a save is refused; the worksheet keeps working in memory. */
  reportSaveFailed: () => void
}

export const createStorageSafetySlice: Slice<StorageSafetySlice> = (set, get) => ({
  storageNotice: null,
  saveRefused: false,

  dismissStorageNotice: () => {
    set({ storageNotice: null })
  },

  reportSaveFailed: () => {
    // Every change saves again and is refused again: tell once, so a dismissed
    // notice stays dismissed (and setting it here does not loop).
    if (get().saveRefused) return
    set({ saveRefused: true, storageNotice: { kind: 'saveFailed' } })
  },
})
