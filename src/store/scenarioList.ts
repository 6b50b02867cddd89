import type { ScenarioDraft } from '../domain/draft'
import type { Scenario } from '../domain/model'
import { copyName, draftFromScenario, exampleSnapshot, newId, swapped } from './drafts'
import type { Snapshot } from './drafts'
import { recordEdits } from './history'
import type { Slice } from './state'

/**
 * The scenarios of the worksheet, which one is being edited, which are
 * compared and against which. Adding, removing and reordering scenarios is
 * undoable; choosing one to edit and what to compare is not (it changes the
 * view, not the work), but choosing one does close the open edit group.
 */
export interface ScenarioListSlice extends Snapshot {
  /** Warn when prices were checked more than this many days ago. */
  staleAfterDays: number
  /** Scenarios left out of the comparison (all are compared unless left out). */
  compareExcluded: string[]
  /** The scenario the comparison measures differences against; the first when unset. */
  baselineId: string | null
  selectScenario: (id: string) => void
  /** Adds a scenario (from a preset or a usage log) and makes it the active one. */
  addScenario: (scenario: Scenario, presetId?: string) => void
  duplicateScenario: (id: string) => void
  /** The last scenario cannot be deleted: the worksheet always shows one. */
  deleteScenario: (id: string) => void
  moveScenario: (id: string, delta: -1 | 1) => void
  /** Imported or shared scenarios: added after the person's own, or replacing them. */
  importScenarios: (scenarios: readonly Scenario[], mode: 'add' | 'replace') => void
  setCompared: (id: string, compared: boolean) => void
  setBaseline: (id: string) => void
  setStaleAfterDays: (days: number) => void
}

export const createScenarioListSlice: Slice<ScenarioListSlice> = (set, get) => {
  const record = recordEdits(set, get)

  return {
    ...exampleSnapshot(),
    staleAfterDays: 90,
    compareExcluded: [],
    baselineId: null,

    selectScenario: (id) => {
      // Closes the open edit group, as endEditGroup does, in the same write (each
      // write is saved): typing into a field, switching away and back, then typing
      // there again is two undo steps.
      set({ activeId: id, lastEditKey: null })
    },

    addScenario: (scenario, presetId) => {
      const draft = draftFromScenario(scenario, presetId)
      record((s) => ({ scenarios: [...s.scenarios, draft], activeId: draft.id }))
    },

    duplicateScenario: (id) => {
      record((s) => {
        const source = s.scenarios.find((d) => d.id === id)
        if (!source) return s
        const { id: _id, stages, ...rest } = source
        const copy: ScenarioDraft = {
          ...rest,
          name: copyName(
            source.name,
            s.scenarios.map((d) => d.name),
          ),
          id: newId(),
          stages: stages.map((st) => ({ ...st, id: newId() })),
        }
        const at = s.scenarios.indexOf(source) + 1
        return {
          scenarios: [...s.scenarios.slice(0, at), copy, ...s.scenarios.slice(at)],
          activeId: copy.id,
        }
      })
    },

    deleteScenario: (id) => {
      record((s) => {
        const at = s.scenarios.findIndex((d) => d.id === id)
        if (at < 0 || s.scenarios.length === 1) return s
        const scenarios = s.scenarios.filter((d) => d.id !== id)
        const neighbour = scenarios[Math.min(at, scenarios.length - 1)] as ScenarioDraft
        return { scenarios, activeId: s.activeId === id ? neighbour.id : s.activeId }
      })
    },

    moveScenario: (id, delta) => {
      record((s) => {
        const scenarios = swapped(
          s.scenarios,
          s.scenarios.findIndex((d) => d.id === id),
          delta,
        )
        return scenarios ? { ...s, scenarios } : s
      })
    },

    importScenarios: (scenarios, mode) => {
      if (scenarios.length === 0) return
      const drafts = scenarios.map((sc) => draftFromScenario(sc))
      record((s) => ({
        scenarios: mode === 'replace' ? drafts : [...s.scenarios, ...drafts],
        activeId: (drafts[0] as ScenarioDraft).id,
      }))
    },

    setCompared: (id, compared) => {
      const rest = get().compareExcluded.filter((x) => x !== id)
      set({ compareExcluded: compared ? rest : [...rest, id] })
    },

    setBaseline: (id) => {
      set({ baselineId: id })
    },

    setStaleAfterDays: (days) => {
      set({ staleAfterDays: days })
    },
  }
}
