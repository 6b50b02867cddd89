import type { PersistedState } from '../io/persisted'
import type { Snapshot } from './drafts'
import { withStep } from './history'
import type { Slice, WorksheetState } from './state'

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
      /**
       * A tab was closed while asking whether to keep its unsaved edits or load another
       * tab's version: its worksheet was kept aside under `keptAs` (storage.ts).
       */
      kind: 'closedTab'
      keptAs: string
      worksheet: PersistedState
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
  /**
   * The worksheet another tab saved while this one had unsaved edits: this
   * tab's saves wait until the person picks one (nothing is lost unseen).
   */
  otherTab: PersistedState | null
  /**
   * Takes a worksheet another tab saved, when this tab has nothing unsaved.
   * One undo step, like every change to what is shown: Undo brings back what
   * this tab showed before (and saves it, so it reaches the other tab too).
   */
  adoptOtherTab: (theirs: PersistedState) => void
  /** Takes the other tab's worksheet; this tab's unsaved edits stay one Undo away. */
  loadOtherTab: () => void
  /** Keeps this tab's worksheet and saves it now, over the other tab's, which stays one Undo away. */
  keepMine: () => void
  /** Shows the worksheet a closed tab kept aside, as one undo step. */
  loadClosedTab: () => void
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
  otherTab: null,

  adoptOtherTab: (theirs) => {
    set(adopting(get(), theirs))
  },

  loadOtherTab: () => {
    const theirs = get().otherTab
    if (theirs === null) return
    set({ ...adopting(get(), theirs), otherTab: null })
  },

  keepMine: () => {
    const state = get()
    const theirs = state.otherTab
    if (theirs === null) return
    // Their worksheet becomes the step before mine, so Undo shows it again.
    // Setting this saves the worksheet (persist writes after every set); the
    // store flushes it at once (see createWorksheetStore).
    set({
      otherTab: null,
      past: withStep(state.past, {
        scenarios: theirs.scenarios,
        activeId: theirs.activeId,
        customModels: theirs.customModels ?? [],
        ...(theirs.currency && { currency: theirs.currency }),
      }),
      future: [],
      lastEditKey: null,
    })
  },

  loadClosedTab: () => {
    const notice = get().storageNotice
    if (notice?.kind !== 'closedTab') return
    set({ ...adopting(get(), notice.worksheet), storageNotice: null })
  },

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

/**
 * The state that shows another tab's saved worksheet here, recorded as one
 * undo step so nothing this tab showed is lost. This tab keeps editing the
 * scenario it was on when the other tab still has it: two tabs may look at
 * different scenarios of one worksheet.
 */
function adopting(mine: WorksheetState, theirs: PersistedState): Partial<WorksheetState> {
  const before: Snapshot = {
    scenarios: mine.scenarios,
    activeId: mine.activeId,
    customModels: mine.customModels,
    currency: mine.currency,
  }
  const activeId = theirs.scenarios.some((s) => s.id === mine.activeId)
    ? mine.activeId
    : theirs.activeId
  return {
    ...theirs,
    customModels: theirs.customModels ?? [],
    activeId,
    past: withStep(mine.past, before),
    future: [],
    lastEditKey: null,
  }
}
