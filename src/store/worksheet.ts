import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { STORAGE_VERSION } from '../io/persisted'
import type { PersistedState } from '../io/persisted'
import { createHistorySlice } from './history'
import { createScenarioEditsSlice } from './scenarioEdits'
import { createScenarioListSlice } from './scenarioList'
import type { WorksheetState } from './state'
import { browserStorage, flushWhenPageHides, restoreWorksheet, worksheetWriter } from './storage'
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
    () => store.getState().savesHeld,
  )
  const store = create<WorksheetState>()(
    persist(
      (...a) => ({
        ...createHistorySlice(...a),
        ...createScenarioEditsSlice(...a),
        ...createScenarioListSlice(...a),
        ...createStorageSafetySlice(...a),
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
        }),
      },
    ),
  )
  flushWhenPageHides(writer.flush)
  return Object.assign(store, { flushSaves: writer.flush, stopSaving: writer.stop })
}

export const useWorksheet = createWorksheetStore(browserStorage())
