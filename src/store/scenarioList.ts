import { comparedIds, MAX_COMPARED } from '../domain/compareSet'
import type { ShowCosts } from '../domain/compareSet'
import type { ScenarioDraft } from '../domain/draft'
import type { Scenario } from '../domain/model'
import { uniqueScenarioName, uniqueScenarioNames } from '../domain/scenarioNames'
import { draftFromScenario, exampleSnapshot, newId, swapped } from './drafts'
import type { Snapshot } from './drafts'
import { recordEdits } from './history'
import type { Slice } from './state'
import { presetScenario, USE_CASE_PRESET_IDS } from '../presets/useCases'
import { builtInLabels, COMPARE_DEFAULTS, PREPARED_BY_MAX } from '../io/persisted'
import { mergeCustomModels } from '../domain/customModels'
import type { CustomModel } from '../domain/customModels'

/**
 * The scenarios of the worksheet, which one is being edited, which are
 * compared and against which. Names stay unique (domain/scenarioNames.ts):
 * a scenario added, duplicated or imported under a name in use is numbered
 * "Name (2)" and so on. Adding, removing and reordering scenarios is
 * undoable; choosing one to edit and what to compare is not (it changes the
 * view, not the work), but choosing one does close the open edit group.
 */
export interface ScenarioListSlice extends Snapshot {
  /** Warn when prices were checked more than this many days ago. */
  staleAfterDays: number
  /**
   * Scenarios left out of the comparison: the others are compared, the first
   * `MAX_COMPARED` of them (see `comparedIds`).
   */
  compareExcluded: string[]
  /** The scenario the comparison measures differences against; the first when unset. */
  baselineId: string | null
  /** What the comparison's costs are expressed in. */
  showCosts: ShowCosts
  /** The printed memo's "Prepared by" line; empty leaves it out. */
  preparedBy: string
  selectScenario: (id: string) => void
  /** Adds a scenario (from a preset or a usage log) and makes it the active one. */
  addScenario: (scenario: Scenario, presetId?: string) => void
  duplicateScenario: (id: string) => void
  /** The last scenario cannot be deleted: the worksheet always shows one. */
  deleteScenario: (id: string) => void
  moveScenario: (id: string, delta: -1 | 1) => void
  /**
   * Imported or shared scenarios: added after the person's own, or replacing them.
   * The custom models they came with join the worksheet's (never replacing one),
   * in the same undo step.
   */
  importScenarios: (
    scenarios: readonly Scenario[],
    mode: 'add' | 'replace',
    models?: readonly CustomModel[],
  ) => void
  /**
   * Ticks or unticks a scenario for the comparison. False when ticking is
   * refused because `MAX_COMPARED` are compared already.
   */
  setCompared: (id: string, compared: boolean) => boolean
  /**
   * Adds the use-case presets the worksheet lacks (one undo step) and compares
   * every preset, leaving out other scenarios if the cap requires it.
   */
  compareAllPresets: () => void
  setShowCosts: (show: ShowCosts) => void
  setPreparedBy: (name: string) => void
  setBaseline: (id: string) => void
  setStaleAfterDays: (days: number) => void
}

const namesOf = (drafts: readonly ScenarioDraft[]): Set<string> =>
  new Set(drafts.map((d) => d.name))

export const createScenarioListSlice: Slice<ScenarioListSlice> = (set, get) => {
  const record = recordEdits(set, get)

  return {
    ...exampleSnapshot(),
    staleAfterDays: 90,
    ...COMPARE_DEFAULTS,

    selectScenario: (id) => {
      // Closes the open edit group, as endEditGroup does, in the same write (each
      // write is saved): typing into a field, switching away and back, then typing
      // there again is two undo steps.
      set({ activeId: id, lastEditKey: null })
    },

    addScenario: (scenario, presetId) => {
      record((s) => {
        const name = uniqueScenarioName(scenario.name, namesOf(s.scenarios))
        const draft = draftFromScenario({ ...scenario, name }, presetId)
        return { scenarios: [...s.scenarios, draft], activeId: draft.id }
      })
    },

    duplicateScenario: (id) => {
      record((s) => {
        const source = s.scenarios.find((d) => d.id === id)
        if (!source) return s
        const { id: _id, stages, ...rest } = source
        const copy: ScenarioDraft = {
          ...rest,
          name: uniqueScenarioName(source.name, namesOf(s.scenarios)),
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

    importScenarios: (scenarios, mode, models = []) => {
      if (scenarios.length === 0) return
      record((s) => {
        const kept = mode === 'replace' ? [] : s.scenarios
        const names = uniqueScenarioNames(
          scenarios.map((sc) => sc.name),
          namesOf(kept),
        )
        const merged = mergeCustomModels(s.customModels ?? [], models, builtInLabels())
        const drafts = scenarios.map((sc, i) =>
          draftFromScenario({
            ...sc,
            name: names[i] ?? sc.name,
            modelId: merged.idMap.get(sc.modelId) ?? sc.modelId,
          }),
        )
        return {
          scenarios: [...kept, ...drafts],
          activeId: (drafts[0] as ScenarioDraft).id,
          customModels: merged.models,
        }
      })
    },

    setCompared: (id, compared) => {
      const { scenarios, compareExcluded } = get()
      const current = comparedIds(
        scenarios.map((d) => d.id),
        compareExcluded,
      )
      if (compared) {
        if (current.includes(id)) return true
        if (current.length >= MAX_COMPARED) return false
        set({ compareExcluded: compareExcluded.filter((x) => x !== id) })
        return true
      }
      // Everything not shown as compared is left out by name, so unticking one
      // never slides a scenario beyond the cap into the comparison.
      const keep = new Set(current.filter((x) => x !== id))
      set({ compareExcluded: scenarios.map((d) => d.id).filter((x) => !keep.has(x)) })
      return true
    },

    compareAllPresets: () => {
      const have = new Set(get().scenarios.map((d) => d.presetId))
      const missing = USE_CASE_PRESET_IDS.filter((p) => !have.has(p))
      if (missing.length > 0) {
        record((s) => {
          const presets = missing.map((p) => presetScenario(p))
          const names = uniqueScenarioNames(
            presets.map((sc) => sc.name),
            namesOf(s.scenarios),
          )
          const added = presets.map((sc, i) =>
            draftFromScenario({ ...sc, name: names[i] ?? sc.name }, missing[i]),
          )
          return { ...s, scenarios: [...s.scenarios, ...added] }
        })
      }
      const { scenarios } = get()
      const presetIds = new Set<string>()
      for (const p of USE_CASE_PRESET_IDS) {
        const first = scenarios.find((d) => d.presetId === p)
        if (first) presetIds.add(first.id)
      }
      // Presets first; then the other scenarios already compared, while room is left.
      const others = comparedIds(
        scenarios.map((d) => d.id),
        get().compareExcluded,
      ).filter((id) => !presetIds.has(id))
      const keep = new Set([...presetIds, ...others.slice(0, MAX_COMPARED - presetIds.size)])
      set({ compareExcluded: scenarios.map((d) => d.id).filter((id) => !keep.has(id)) })
    },

    setShowCosts: (show) => {
      set({ showCosts: show })
    },

    setPreparedBy: (name) => {
      set({ preparedBy: name.slice(0, PREPARED_BY_MAX) })
    },

    setBaseline: (id) => {
      set({ baselineId: id })
    },

    setStaleAfterDays: (days) => {
      set({ staleAfterDays: days })
    },
  }
}
