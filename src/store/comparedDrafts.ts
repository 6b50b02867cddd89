import { useMemo } from 'react'
import { comparedIds } from '../domain/compareSet'
import type { ScenarioDraft } from '../domain/draft'
import { useWorksheet } from './worksheet'

// Apart from compare.ts: the export bar reads these on the first paint, while the table and
// its engine load with the compare section.

export function comparedDrafts(scenarios: ScenarioDraft[], excluded: string[]): ScenarioDraft[] {
  const ids = new Set(
    comparedIds(
      scenarios.map((d) => d.id),
      excluded,
    ),
  )
  return scenarios.filter((d) => ids.has(d.id))
}

/** Only the compared drafts, for what acts on them when clicked (exports, share link): no table. */
export function useComparedDrafts(): ScenarioDraft[] {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  return useMemo(() => comparedDrafts(scenarios, excluded), [scenarios, excluded])
}
