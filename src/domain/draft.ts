import type { Meter, Scenario, Stage } from './model'
import type { StageNumberField } from './validate'

/**
 * A scenario as it is being edited. It is a `Scenario` (the engine takes it as
 * is) plus ids that survive reordering, and the text typed into any field
 * whose text is not simply the stored number ("1,500", "abc", "1e400"), so the
 * worksheet can show exactly what was typed, even after a reload.
 */
export interface StageDraft extends Stage {
  id: string
  text?: Partial<Record<StageNumberField, string>>
}

export type ScenarioTextField =
  | 'jobsPerMonth'
  | 'usersPerMonth'
  | 'maxImagesPerUser'
  | 'monthlyGrowth'
  | `prices.${Meter}`

export interface ScenarioDraft extends Omit<Scenario, 'stages'> {
  id: string
  /** The use-case preset it was made from, for showing that preset's strategy. */
  presetId?: string
  stages: StageDraft[]
  text?: Partial<Record<ScenarioTextField, string>>
}

/** The scenario alone, without editing state: what CSV and share links carry. */
export function toScenario(draft: ScenarioDraft): Scenario {
  const { id: _id, text: _text, presetId: _preset, stages, ...rest } = draft
  return {
    ...rest,
    stages: stages.map(({ id: _sid, text: _stext, ...stage }) => stage),
  }
}
