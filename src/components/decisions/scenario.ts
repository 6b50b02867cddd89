import type { ScenarioDraft } from '../../domain/draft'
import { toScenario } from '../../domain/draft'
import type { Scenario } from '../../domain/model'

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

/** Today as YYYY-MM-DD in the person's own time zone (the date their calendar shows). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
