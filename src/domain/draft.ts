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
  'jobsPerMonth' | 'usersPerMonth' | 'maxImagesPerUser' | 'monthlyGrowth' | `prices.${Meter}`

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

/** A box emptied by hand: stored as NaN with no text kept beside it. */
function cleared(value: number, text: string | undefined): boolean {
  return Number.isNaN(value) && (text ?? '').trim() === ''
}

/**
 * The scenario the decision tools reason about. A cleared optional field (a quota, the
 * growth) is stored as NaN (typeScenarioNumber keeps what was typed, and '' reads as no
 * number); for an optional field an empty box means "unset", so it is dropped here. NaN with typed text ("abc") stays, so the tools name the field.
 */
export function decisionScenario(draft: ScenarioDraft): Scenario {
  const { usersPerMonth, maxImagesPerUser, monthlyGrowth, ...rest } = toScenario(draft)
  const scenario: Scenario = rest
  if (usersPerMonth !== undefined && !cleared(usersPerMonth, draft.text?.usersPerMonth)) {
    scenario.usersPerMonth = usersPerMonth
  }
  if (maxImagesPerUser !== undefined && !cleared(maxImagesPerUser, draft.text?.maxImagesPerUser)) {
    scenario.maxImagesPerUser = maxImagesPerUser
  }
  if (monthlyGrowth !== undefined && !cleared(monthlyGrowth, draft.text?.monthlyGrowth)) {
    scenario.monthlyGrowth = monthlyGrowth
  }
  return scenario
}
