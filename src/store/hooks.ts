import { useMemo } from 'react'
import type { ScenarioDraft } from '../domain/draft'
import { computeScenario } from '../domain/engine'
import type { ScenarioResult } from '../domain/model'
import { useWorksheet } from './worksheet'

/** The scenario being edited. The same object until it changes, so selectors stay stable. */
export function useActiveDraft(): ScenarioDraft {
  return useWorksheet(
    (s) => s.scenarios.find((d) => d.id === s.activeId) ?? (s.scenarios[0] as ScenarioDraft),
  )
}

/** Totals are derived from the engine on every change, never stored. */
export function useActiveResult(): ScenarioResult {
  const draft = useActiveDraft()
  return useMemo(() => computeScenario(draft), [draft])
}

/** Engine errors by path ('stages.1.width'), for showing each next to its field. */
export function useErrorsByPath(): ReadonlyMap<string, string> {
  const result = useActiveResult()
  return useMemo(() => {
    const map = new Map<string, string>()
    for (const e of result.errors) if (!map.has(e.path)) map.set(e.path, e.message)
    return map
  }, [result])
}
