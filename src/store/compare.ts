import { useMemo } from 'react'
import { compareScenarios } from '../domain/compare'
import type { CompareTable, ScenarioOutcome } from '../domain/compare'
import type { ScenarioDraft } from '../domain/draft'
import { resultFor } from './hooks'
import { useWorksheet } from './worksheet'

export interface ComparedSet {
  drafts: ScenarioDraft[]
  outcomes: ScenarioOutcome[]
  table: CompareTable
}

/** The scenarios in the comparison with their results, derived (never stored) on each change. */
export function useComparedSet(): ComparedSet {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  const baselineId = useWorksheet((s) => s.baselineId)
  return useMemo(() => {
    const drafts = scenarios.filter((d) => !excluded.includes(d.id))
    const outcomes = drafts.map((d) => ({ name: d.name, result: resultFor(d) }))
    const baseline = Math.max(
      0,
      drafts.findIndex((d) => d.id === baselineId),
    )
    return { drafts, outcomes, table: compareScenarios(outcomes, baseline) }
  }, [scenarios, excluded, baselineId])
}
