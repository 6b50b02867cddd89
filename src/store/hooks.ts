import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ScenarioDraft } from '../domain/draft'
import { computeScenario } from '../domain/engine'
import type { ScenarioResult } from '../domain/model'
import type { PriceBook } from '../domain/priceBook'
import { currentPriceBook, usePriceBook } from './priceBook'
import { useWorksheet } from './worksheet'
import type { WorksheetState } from './worksheet'

// One result per draft object, shared by every component that shows it: the
// engine runs once per edit, and the result keeps its identity, so memoised
// components can tell that nothing they show has changed.
// Keyed by the price book too: adding, editing or removing a custom model makes a new book.
const results = new WeakMap<PriceBook, WeakMap<ScenarioDraft, ScenarioResult>>()
const errorMaps = new WeakMap<ScenarioResult, ReadonlyMap<string, string>>()

/** The engine's result for a draft: derived on demand, never stored in the state. */
export function resultFor(
  draft: ScenarioDraft,
  book: PriceBook = currentPriceBook(),
): ScenarioResult {
  let byDraft = results.get(book)
  if (!byDraft) {
    byDraft = new WeakMap()
    results.set(book, byDraft)
  }
  let r = byDraft.get(draft)
  if (!r) {
    r = computeScenario(draft, book)
    byDraft.set(draft, r)
  }
  return r
}

/** Engine errors by path ('stages.1.width'), for showing each next to its field. */
export function errorsFor(result: ScenarioResult): ReadonlyMap<string, string> {
  let map = errorMaps.get(result)
  if (!map) {
    const m = new Map<string, string>()
    for (const e of result.errors) if (!m.has(e.path)) m.set(e.path, e.message)
    map = m
    errorMaps.set(result, map)
  }
  return map
}

/** The scenario being edited, from the worksheet's state: a selector that keeps its identity. */
export const activeDraftOf = (s: WorksheetState): ScenarioDraft =>
  s.scenarios.find((d) => d.id === s.activeId) ?? (s.scenarios[0] as ScenarioDraft)

/** The scenario being edited. The same object until it changes, so selectors stay stable. */
export function useActiveDraft(): ScenarioDraft {
  return useWorksheet(activeDraftOf)
}

/**
 * What `pick` takes from the scenario being edited (an object or an array), compared entry by
 * entry: a card that shows a few of its fields is not redrawn for a number typed into another.
 */
export function useActivePick<T extends object>(pick: (draft: ScenarioDraft) => T): T {
  return useWorksheet(useShallow((s) => pick(activeDraftOf(s))))
}

export interface ScenarioName {
  id: string
  name: string
}

/**
 * Each scenario's id and name, in worksheet order. The same array until a scenario is added,
 * removed, moved or renamed: lists of names (the scenario tabs, the compare checkboxes) are
 * not redrawn for a number typed into a scenario.
 */
export function useScenarioNames(): readonly ScenarioName[] {
  const flat = useWorksheet(useShallow((s) => s.scenarios.flatMap((d) => [d.id, d.name])))
  return useMemo(() => {
    const names: ScenarioName[] = []
    for (let i = 0; i + 1 < flat.length; i += 2)
      names.push({ id: flat[i] as string, name: flat[i + 1] as string })
    return names
  }, [flat])
}

export function useActiveResult(): ScenarioResult {
  return resultFor(useActiveDraft(), usePriceBook())
}

export function useErrorsByPath(): ReadonlyMap<string, string> {
  const result = useActiveResult()
  return useMemo(() => errorsFor(result), [result])
}

/** True when two error maps say the same about every path starting with `prefix`. */
export function sameErrorsUnder(
  a: ReadonlyMap<string, string>,
  b: ReadonlyMap<string, string>,
  prefix: string,
): boolean {
  if (a === b) return true
  const pick = (m: ReadonlyMap<string, string>) =>
    [...m].filter(([k]) => k.startsWith(prefix)).join('\n')
  return pick(a) === pick(b)
}
