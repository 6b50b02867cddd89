import { useDeferredValue, useMemo } from 'react'
import { compareScenarios, comparedIds, costView } from '../domain/compare'
import type { CompareTable, CostView, ScenarioOutcome, ShowCosts } from '../domain/compare'
import type { ScenarioDraft } from '../domain/draft'
import { resultFor } from './hooks'
import { useWorksheet } from './worksheet'

export interface ComparedSet {
  drafts: ScenarioDraft[]
  outcomes: ScenarioOutcome[]
  table: CompareTable
  view: CostView
}

function comparedDrafts(scenarios: ScenarioDraft[], excluded: string[]): ScenarioDraft[] {
  const ids = new Set(
    comparedIds(
      scenarios.map((d) => d.id),
      excluded,
    ),
  )
  return scenarios.filter((d) => ids.has(d.id))
}

function comparedSet(
  scenarios: ScenarioDraft[],
  excluded: string[],
  baselineId: string | null,
  show: ShowCosts,
): ComparedSet {
  const drafts = comparedDrafts(scenarios, excluded)
  const outcomes = drafts.map((d) => ({ name: d.name, result: resultFor(d) }))
  const baseline = Math.max(
    0,
    drafts.findIndex((d) => d.id === baselineId),
  )
  const view = costView(
    outcomes,
    drafts.map((d) => d.jobsPerMonth),
    show,
    baseline,
  )
  return { drafts, outcomes, view, table: compareScenarios(outcomes, baseline, view) }
}

/** The scenarios in the comparison with their results, derived (never stored) on each change. */
export function useComparedSet(): ComparedSet {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  const baselineId = useWorksheet((s) => s.baselineId)
  const show = useWorksheet((s) => s.showCosts)
  return useMemo(
    () => comparedSet(scenarios, excluded, baselineId, show),
    [scenarios, excluded, baselineId, show],
  )
}

/**
 * The same set, a render behind the worksheet: it is derived in React's deferred pass, after
 * the keystroke's own render has painted, so the table built from it is no cost to typing.
 */
export function useDeferredComparedSet(): ComparedSet {
  const scenarios = useDeferredValue(useWorksheet((s) => s.scenarios))
  const excluded = useDeferredValue(useWorksheet((s) => s.compareExcluded))
  const baselineId = useDeferredValue(useWorksheet((s) => s.baselineId))
  const show = useDeferredValue(useWorksheet((s) => s.showCosts))
  return useMemo(
    () => comparedSet(scenarios, excluded, baselineId, show),
    [scenarios, excluded, baselineId, show],
  )
}

/** Only the compared drafts, for what acts on them when clicked (exports, share link): no table. */
export function useComparedDrafts(): ScenarioDraft[] {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  return useMemo(() => comparedDrafts(scenarios, excluded), [scenarios, excluded])
}
