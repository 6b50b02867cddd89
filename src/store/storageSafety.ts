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
      /** The storage key of the untouched copy. */
      keptAs: string
    }
  | {
      kind: 'unreadable'
      reason: string
      /**
       * The browser refused to store a copy (storage full): the original is
       * left under the worksheet's key, saving waits (savesHeld), and the data
       * itself is here so the person can download it.
       */
      keptAs: null
      raw: string
    }
  | {
      /** The browser refuses to store the worksheet (full, or disabled as in some private windows). */
      kind: 'saveFailed'
    }
  | {
      /** Saved scenarios that shared a name, renumbered on load (io/persisted.ts). */
      kind: 'renamed'
      renamed: { from: string; to: string }[]
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
  /**
   * True while unreadable saved data that could not be copied aside is still
   * under the worksheet's key: edits stay in memory so they never overwrite it.
   */
  savesHeld: boolean
  dismissStorageNotice: () => void
  /** Called by the storage when a save is refused; the worksheet keeps working in memory. */
  reportSaveFailed: () => void
  /** The person's word that the unreadable data may be replaced: saving starts again. */
  saveOverUnreadable: () => void
}

export const createStorageSafetySlice: Slice<StorageSafetySlice> = (set, get) => ({
  storageNotice: null,
  saveRefused: false,
  savesHeld: false,

  dismissStorageNotice: () => {
    set({ storageNotice: null })
  },

  reportSaveFailed: () => {
    // Every change saves again and is refused again: tell once, so a dismissed
    // notice stays dismissed (and setting it here does not loop).
    if (get().saveRefused) return
    set({ saveRefused: true, storageNotice: { kind: 'saveFailed' } })
  },

  saveOverUnreadable: () => {
    // This change is itself saved (persist writes after every set), so the
    // worksheet on screen replaces the unreadable data now, not at the next edit.
    set({ savesHeld: false, storageNotice: null })
  },
})
