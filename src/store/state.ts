import type { StateCreator } from 'zustand'
import type { CustomModelsSlice } from './customModels'
import type { CurrencySlice } from './currency'
import type { HistorySlice } from './history'
import type { ScenarioEditsSlice } from './scenarioEdits'
import type { ScenarioListSlice } from './scenarioList'
import type { StorageSafetySlice } from './storageSafety'

/** The whole worksheet store: its slices, combined once in worksheet.ts. */
export type WorksheetState = HistorySlice &
  CustomModelsSlice &
  CurrencySlice &
  ScenarioEditsSlice &
  ScenarioListSlice &
  StorageSafetySlice

/**
 * One slice of the store, after zustand's slices guide: a function of the
 * combined store's `set` and `get` returning its own part. The persist
 * middleware wraps the combined store only, so it is named here once.
 */
export type Slice<T> = StateCreator<WorksheetState, [['zustand/persist', unknown]], [], T>

/** Sets part of the state; what every slice's `set` is. */
export type SetState = Parameters<Slice<unknown>>[0]
export type GetState = Parameters<Slice<unknown>>[1]
