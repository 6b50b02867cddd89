import { useMemo } from 'react'
import { shallow } from 'zustand/shallow'
import { compareScenarios, costView } from '../domain/compare'
import type { CompareTable, CostView, ScenarioOutcome } from '../domain/compare'
import type { ShowCosts } from '../domain/compareSet'
import type { ScenarioDraft } from '../domain/draft'
import type { PriceBook } from '../domain/priceBook'
import { decisionScenario } from '../domain/draft'
import { monthOf, projectYear } from '../domain/projection'
import { useWorksheetAfterPaint } from './afterPaint'
import { comparedDrafts } from './comparedDrafts'
import { resultFor } from './hooks'
import { usePriceBook } from './priceBook'
import type { WorksheetState } from './state'

export interface ComparedSet {
  drafts: ScenarioDraft[]
  outcomes: ScenarioOutcome[]
  table: CompareTable
  view: CostView
}

function comparedSet(
  scenarios: ScenarioDraft[],
  excluded: string[],
  baselineId: string | null,
  show: ShowCosts,
  book: PriceBook,
): ComparedSet {
  const drafts = comparedDrafts(scenarios, excluded)
  // Read once a change: a page left open into a new month projects from there on the next edit.
  const thisMonth = monthOf(new Date())
  const outcomes = drafts.map((d): ScenarioOutcome => {
    const result = resultFor(d, book)
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
}

const compareInputs = (s: WorksheetState) => ({
  scenarios: s.scenarios,
  excluded: s.compareExcluded,
  baselineId: s.baselineId,
  show: s.showCosts,
})

/**
 * The scenarios in the comparison with their results (derived, never stored), a paint
 * behind the worksheet: they are derived after the keystroke's own frame has painted, so the
 * table built from them is no cost to typing.
 */
export function useDeferredComparedSet(): ComparedSet {
  const { scenarios, excluded, baselineId, show } = useWorksheetAfterPaint(compareInputs, shallow)
  const book = usePriceBook()
  return useMemo(
    () => comparedSet(scenarios, excluded, baselineId, show, book),
    [scenarios, excluded, baselineId, show, book],
  )
}
