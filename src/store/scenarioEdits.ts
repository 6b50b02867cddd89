import type { ScenarioFix } from '../domain/decisions/fixes'
import type { ScenarioDraft, ScenarioTextField, StageDraft } from '../domain/draft'
import type { Meter, Scenario, Stage } from '../domain/model'
import type { StageNumberField } from '../domain/validate'
import { blankStage } from '../domain/model'
import type { Snapshot } from './drafts'
import {
  newId,
  patchScenario,
  patchStage,
  swapped,
  typeIntoScenario,
  typeIntoStage,
  withListPrice,
} from './drafts'
import { recordEdits } from './history'
import type { EditStep } from './history'
import type { Slice } from './state'

/**
 * Edits to one scenario and its stages. Most edit the scenario being edited
 * (the active one); setStageFields and applyFix name their scenario, since
 * they come from tools that may show another, and make it the active one so
 * the change is in view. Every action here is undoable.
 */
export interface ScenarioEditsSlice {
  /** `key` names the control typed into: edits with the same key join one undo step. */
  editScenario: (
    patch: Partial<Pick<Scenario, 'name' | 'modelId' | 'batch' | 'pricesCheckedOn' | 'startMonth'>>,
    key?: string,
  ) => void
  typeScenarioNumber: (field: ScenarioTextField, text: string) => void
  /** Drops the scenario's own price for a meter, back to the price book's. */
  resetPrice: (meter: Meter) => void
  editStage: (
    stageId: string,
    patch:
      | Partial<Omit<Stage, StageNumberField>>
      | Partial<Pick<Stage, 'width' | 'height' | 'retryMultiplier'>>,
    key?: string,
  ) => void
  typeStageNumber: (stageId: string, field: StageNumberField, text: string) => void
  /**
   * Sets fields of a stage of any scenario as one undo step of its own
   * (measured values from a usage log), replacing any text typed into those
   * fields. Returns the step, or null when the scenario or stage is gone.
   */
  setStageFields: (scenarioId: string, stageId: string, patch: Partial<Stage>) => EditStep | null
  /**
   * Applies a decision tool's fix as one undo step of its own. `computedFrom`
   * is the draft the tool computed it from (possibly a deferred copy): the
   * fix goes to that scenario, and a stage index to the stage that was at
   * that index in it, even if the stages have moved since.
   */
  applyFix: (fix: ScenarioFix, computedFrom: ScenarioDraft) => EditStep | null
  /** Appends a copy of the last stage (or a blank one), typed text left out. */
  addStage: () => void
  removeStage: (stageId: string) => void
  moveStage: (stageId: string, delta: -1 | 1) => void
}

/** The snapshot with one scenario changed and made the active one; the same snapshot if it is gone. */
function withScenario(
  s: Snapshot,
  id: string,
  change: (d: ScenarioDraft) => ScenarioDraft,
): Snapshot {
  const target = s.scenarios.find((d) => d.id === id)
  if (!target) return s
  const next = change(target)
  if (next === target) return s
  return { scenarios: s.scenarios.map((d) => (d === target ? next : d)), activeId: id }
}

export const createScenarioEditsSlice: Slice<ScenarioEditsSlice> = (set, get) => {
  const record = recordEdits(set, get)

  const updateActive = (fn: (d: ScenarioDraft) => ScenarioDraft, key: string | null = null) =>
    record((s) => withScenario(s, s.activeId, fn), key === null ? null : `${get().activeId}:${key}`)

  const updateStage = (
    stageId: string,
    fn: (st: StageDraft) => StageDraft,
    key: string | null = null,
  ) =>
    updateActive(
      (d) => ({ ...d, stages: d.stages.map((st) => (st.id === stageId ? fn(st) : st)) }),
      key === null ? null : `${stageId}:${key}`,
    )

  return {
    editScenario: (patch, key) => {
      updateActive((d) => {
        const next = { ...d, ...patch }
        // A cleared date field means "not checked", not an empty date.
        if (next.pricesCheckedOn === '') delete next.pricesCheckedOn
        if (next.startMonth === '') delete next.startMonth
        return next
      }, key ?? null)
    },

    typeScenarioNumber: (field, text) => {
      updateActive((d) => typeIntoScenario(d, field, text), field)
    },

    resetPrice: (meter) => {
      updateActive((d) => withListPrice(d, meter))
    },

    editStage: (stageId, patch, key) => {
      // A value set by a control (size choice, quick pick) replaces any typed text.
      updateStage(stageId, (st) => patchStage(st, patch), key ?? null)
    },

    typeStageNumber: (stageId, field, text) => {
      updateStage(stageId, (st) => typeIntoStage(st, field, text), field)
    },

    setStageFields: (scenarioId, stageId, patch) =>
      record((s) =>
        withScenario(s, scenarioId, (d) =>
          d.stages.some((st) => st.id === stageId)
            ? {
                ...d,
                stages: d.stages.map((st) => (st.id === stageId ? patchStage(st, patch) : st)),
              }
            : d,
        ),
      ),

    applyFix: (fix, computedFrom) => {
      if (fix.kind === 'setScenarioField') {
        const patch: Partial<Omit<Scenario, 'stages'>> = { [fix.field]: fix.value }
        return record((s) => withScenario(s, computedFrom.id, (d) => patchScenario(d, patch)))
      }
      const stage = computedFrom.stages[fix.stageIndex]
      if (!stage) return null
      const patch: Partial<Stage> =
        fix.kind === 'setStageSize'
          ? { width: fix.width, height: fix.height }
          : { [fix.field]: fix.value }
      return get().setStageFields(computedFrom.id, stage.id, patch)
    },

    addStage: () => {
      updateActive((d) => {
        const last = d.stages.at(-1)
        const base: Stage = last
          ? { ...last, name: `Stage ${d.stages.length + 1}` }
          : blankStage(`Stage ${d.stages.length + 1}`)
        const { text: _t, id: _i, ...copy } = base as StageDraft
        return { ...d, stages: [...d.stages, { ...copy, id: newId() }] }
      })
    },

    removeStage: (stageId) => {
      updateActive((d) => ({ ...d, stages: d.stages.filter((st) => st.id !== stageId) }))
    },

    moveStage: (stageId, delta) => {
      updateActive((d) => {
        const stages = swapped(
          d.stages,
          d.stages.findIndex((st) => st.id === stageId),
          delta,
        )
        return stages ? { ...d, stages } : d
      })
    },
  }
}
