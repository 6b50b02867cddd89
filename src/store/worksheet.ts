import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { readPersisted, STORAGE_VERSION } from '../io/persisted'
import type { PersistedState } from '../io/persisted'
import { createCustomModelsSlice } from './customModels'
import { createCurrencySlice } from './currency'
import { createHistorySlice } from './history'
import { createScenarioEditsSlice } from './scenarioEdits'
import { createScenarioListSlice } from './scenarioList'
import type { WorksheetState } from './state'
import {
  browserStorage,
  CLOSED_TAB,
  flushWhenPageHides,
  restoreWorksheet,
  worksheetWriter,
} from './storage'
import { createStorageSafetySlice } from './storageSafety'

export type { WorksheetState } from './state'

export const STORAGE_KEY = 'gpt-image-budget'

/**
 * The worksheet store over `storage`, as a page load makes it: what was saved
 * is read and restored first, then the store is created from the slices with
 * it, and a notice about it if there is one, so the first paint shows both.
 * Every change is then saved back by the persist middleware, once typing
 * pauses or the page is hidden; `flushSaves` writes what is pending at once.
 */
export function createWorksheetStore(storage: Storage | null, now: Date = new Date()) {
  const restored = restoreWorksheet(storage, STORAGE_KEY, now)
  // Called on a save only, which needs a change to the state, so never while
  // the store is still being created.
  const writer = worksheetWriter(
    storage,
    () => {
      store.getState().reportSaveFailed()
    },
    () => store.getState().savesHeld || store.getState().otherTab !== null,
  )
  const store = create<WorksheetState>()(
    persist(
      (...a) => ({
        ...createHistorySlice(...a),
        ...createScenarioEditsSlice(...a),
        ...createScenarioListSlice(...a),
        ...createStorageSafetySlice(...a),
        ...createCustomModelsSlice(...a),
        ...createCurrencySlice(...a),
        // Restored over the slices' defaults (the example worksheet).
        ...restored.saved,
        storageNotice: restored.notice,
        saveRefused: restored.notice?.kind === 'saveFailed',
        savesHeld: restored.notice?.kind === 'unreadable' && restored.notice.keptAs === null,
      }),
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage: writer.storage,
        skipHydration: true,
        partialize: (s): PersistedState => ({
          scenarios: s.scenarios,
          activeId: s.activeId,
          staleAfterDays: s.staleAfterDays,
          compareExcluded: s.compareExcluded,
          baselineId: s.baselineId,
          showCosts: s.showCosts,
          preparedBy: s.preparedBy,
          customModels: s.customModels,
          currency: s.currency,
        }),
      },
    ),
  )
  // Closed while asking which version to keep: neither may be lost, and the other tab's
  // is saved already, so this tab's waits aside for the next page load to offer.
  const saveOnClose = () => {
    if (store.getState().otherTab !== null) {
      writer.keepPendingAside(`${CLOSED_TAB}${new Date().toISOString()}`)
    } else writer.flush()
  }
  flushWhenPageHides(writer.flush, saveOnClose)
  // Saves wait while another tab's worksheet is offered; keeping mine writes at once.
  store.subscribe((s, prev) => {
    if (prev.otherTab !== null && s.otherTab === null) writer.flush()
  })
  followOtherTabs(storage, store, writer)
  return Object.assign(store, { flushSaves: writer.flush, saveOnClose, stopSaving: writer.stop })
}

/**
 * Another tab saved the worksheet. With no unsaved edits here, this tab takes
 * it as it is (quietly: not saved back, or two tabs would echo forever); with
 * unsaved edits, the person is asked (otherTab), so neither tab's work is
 * lost unseen. Data this version cannot read is left to the tab that wrote it.
 */
function followOtherTabs(
  storage: Storage | null,
  store: { getState: () => WorksheetState; setState: (s: Partial<WorksheetState>) => void },
  writer: { hasPending: () => boolean; quietly: (change: () => void) => void },
) {
  if (typeof window === 'undefined' || storage === null) return
  window.addEventListener('storage', (e) => {
    if (e.storageArea !== storage || e.key !== STORAGE_KEY || e.newValue === null) return
    const read = readPersisted(e.newValue)
    if (!read.ok) return
    if (writer.hasPending() || store.getState().otherTab !== null) {
      store.setState({ otherTab: read.state })
      return
    }
    writer.quietly(() => {
      store.getState().adoptOtherTab(read.state)
    })
  })
}

export const useWorksheet = createWorksheetStore(browserStorage())
