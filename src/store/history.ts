import type { ScenarioDraft } from '../domain/draft'
import type { Snapshot } from './drafts'
import type { GetState, SetState, Slice } from './state'

const HISTORY_LIMIT = 200

export interface HistorySlice {
  past: Snapshot[]
  future: Snapshot[]
  /**
   * The open edit group: the field the last edit typed into. A further edit
   * with the same key joins the last undo step, as keystrokes in a spreadsheet
   * cell do; null when the next edit starts a step of its own.
   */
  lastEditKey: string | null
  undo: () => void
  redo: () => void
  /**
   * Closes the open edit group (tldraw's history `mark`): the next edit is an
   * undo step of its own even if it types into the same field again.
   */
  endEditGroup: () => void
}

/** `past` with `step` added as the latest undo step, the oldest dropped past the limit. */
export function withStep(past: readonly Snapshot[], step: Snapshot): Snapshot[] {
  return [...past, step].slice(-HISTORY_LIMIT)
}

/** One recorded edit: the scenario list just before and right after it, for callers that report on it. */
export interface EditStep {
  before: readonly ScenarioDraft[]
  after: readonly ScenarioDraft[]
}

/** Applies a change to the worksheet and records it for undo; see `recordEdits`. */
export type RecordEdit = (
  change: (s: Snapshot) => Snapshot,
  group?: string | null,
) => EditStep | null

/**
 * Every edit to the worksheet goes through the function this returns, so
 * that undo sees it. A change that returns its argument unchanged is not an
 * edit: nothing is recorded and the result is null. `group` names the field
 * being typed into (see `lastEditKey`); without one the edit is a step of its
 * own and closes any open group.
 */
export function recordEdits(set: SetState, get: GetState): RecordEdit {
  return (change, group = null) => {
    const state = get()
    const before: Snapshot = {
      scenarios: state.scenarios,
      activeId: state.activeId,
      customModels: state.customModels,
      currency: state.currency,
    }
    const after = change(before)
    if (after === before) return null
    const joins = group !== null && group === state.lastEditKey
    set({
      ...after,
      past: joins ? state.past : withStep(state.past, before),
      future: [],
      lastEditKey: group,
    })
    return { before: before.scenarios, after: after.scenarios }
  }
}

export const createHistorySlice: Slice<HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastEditKey: null,

  undo: () => {
    const { past, future, scenarios, activeId, customModels, currency } = get()
    const previous = past.at(-1)
    if (!previous) return
    set({
      ...previous,
      past: past.slice(0, -1),
      future: [{ scenarios, activeId, customModels, currency }, ...future],
      lastEditKey: null,
    })
  },

  redo: () => {
    const { past, future, scenarios, activeId, customModels, currency } = get()
    const next = future[0]
    if (!next) return
    set({
      ...next,
      past: [...past, { scenarios, activeId, customModels, currency }],
      future: future.slice(1),
      lastEditKey: null,
    })
  },

  endEditGroup: () => {
    // Every set is saved to storage: skip the write when no group is open.
    if (get().lastEditKey !== null) set({ lastEditKey: null })
  },
})
