import type { Scenario, Stage } from '../model'
import { withStage } from './common'

/** Setting one stage field to a value of that field's own type. */
export type SetStageField = {
  [K in keyof Stage]-?: {
    kind: 'setStageField'
    stageIndex: number
    field: K
    value: NonNullable<Stage[K]>
  }
}[keyof Stage]

/** Both edges at once: setting them one at a time would pass through an invalid size. */
export interface SetStageSize {
  kind: 'setStageSize'
  stageIndex: number
  width: number
  height: number
}

type ScenarioFixField = 'jobsPerMonth' | 'batch' | 'maxImagesPerUser'

/** Setting one scenario-level field. */
export type SetScenarioField = {
  [K in ScenarioFixField]: {
    kind: 'setScenarioField'
    field: K
    value: NonNullable<Scenario[K]>
  }
}[ScenarioFixField]

/**
 * A change to a scenario described as data, so the UI can show it, apply it
 * on a click and undo it, without the domain knowing about the store.
 */
export type ScenarioFix = SetStageField | SetStageSize | SetScenarioField

/** The scenario with the fix applied; an out-of-range stage index changes nothing. */
export function applyFix(scenario: Scenario, fix: ScenarioFix): Scenario {
  switch (fix.kind) {
    case 'setScenarioField':
      return { ...scenario, [fix.field]: fix.value }
    case 'setStageField':
      return withStage(scenario, fix.stageIndex, { [fix.field]: fix.value })
    case 'setStageSize':
      return withStage(scenario, fix.stageIndex, { width: fix.width, height: fix.height })
  }
}
