import { comparedIds } from '../domain/compareSet'
import type { ScenarioDraft } from '../domain/draft'

// Apart from compare.ts: the export bar and the share link read these when pressed, on the
// first screen, while the table and its engine load with the compare section.

export function comparedDrafts(scenarios: ScenarioDraft[], excluded: string[]): ScenarioDraft[] {
  const ids = new Set(
    comparedIds(
      scenarios.map((d) => d.id),
      excluded,
    ),
  )
  return scenarios.filter((d) => ids.has(d.id))
}
