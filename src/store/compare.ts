import { useMemo } from 'react'
import { compareScenarios, comparedIds, costView } from '../domain/compare'
import type { CompareTable, CostView, ScenarioOutcome } from '../domain/compare'
import type { ScenarioDraft } from '../domain/draft'
import { decisionScenario } from '../domain/draft'
import { monthOf, projectYear } from '../domain/projection'
import { resultFor } from './hooks'
import { usePriceBook } from './priceBook'
import { useWorksheet } from './worksheet'

export interface ComparedSet {
  drafts: ScenarioDraft[]
  outcomes: ScenarioOutcome[]
  table: CompareTable
  view: CostView
}

/** The scenarios in the comparison with their results, derived (never stored) on each change. */
export function useComparedSet(): ComparedSet {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  const baselineId = useWorksheet((s) => s.baselineId)
  const show = useWorksheet((s) => s.showCosts)
  const book = usePriceBook()
  return useMemo(() => {
    const ids = new Set(
      comparedIds(
        scenarios.map((d) => d.id),
        excluded,
      ),
    )
    const drafts = scenarios.filter((d) => ids.has(d.id))
    // Read once a change: a page left open into a new month projects from there on the next edit.
    const thisMonth = monthOf(new Date())
    const outcomes = drafts.map((d): ScenarioOutcome => {
      const result = resultFor(d)
      const year = result.ok ? projectYear(decisionScenario(d), book, thisMonth) : null
      return { name: d.name, result, yearTotalUsd: year?.ok ? year.totalUsd : null }
    })
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
  }, [scenarios, excluded, baselineId, show, book])
}
