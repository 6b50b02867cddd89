import { useMemo, useState } from 'react'

/**
 * Most scenarios a list draws at once. A worksheet of thousands (an import, a
 * share link) drew every one of them in every list, and each keystroke redrew
 * them all; a page of this many stays quick and still reads at a glance.
 */
export const SCENARIO_PAGE_SIZE = 20

interface Named {
  id: string
  name: string
}

export interface ScenarioPage<T extends Named> {
  /** False while the whole list fits on one page: then there is nothing to find or page. */
  paged: boolean
  query: string
  setQuery: (query: string) => void
  /** The scenarios on screen: a page of those whose name contains the query. */
  items: readonly T[]
  /** How many names contain the query (all of them when it is blank). */
  matches: number
  /** Zero-based position of `items[0]` among the matches. */
  first: number
  page: number
  pageCount: number
  setPage: (page: number) => void
}

// Lower-cased once per name string: a search types a letter at a time over thousands.
const folded = new Map<string, string>()
function fold(name: string): string {
  let f = folded.get(name)
  if (f === undefined) {
    if (folded.size > 20_000) folded.clear()
    f = name.toLowerCase()
    folded.set(name, f)
  }
  return f
}

/**
 * A page of `list` filtered by a name search. Until the person pages by hand,
 * the page is the one holding `followId` (the scenario being edited), so a
 * scenario just added or switched to is on screen; paging by hand holds until
 * that scenario or the search changes.
 */
export function useScenarioPage<T extends Named>(
  list: readonly T[],
  followId?: string,
): ScenarioPage<T> {
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<{ page: number; followId?: string; query: string } | null>(
    null,
  )
  const paged = list.length > SCENARIO_PAGE_SIZE
  const needle = query.trim().toLowerCase()
  const matching = useMemo(
    () => (!paged || needle === '' ? list : list.filter((d) => fold(d.name).includes(needle))),
    [list, needle, paged],
  )
  const pageCount = Math.max(1, Math.ceil(matching.length / SCENARIO_PAGE_SIZE))
  let page = 0
  if (chosen !== null && chosen.followId === followId && chosen.query === query) page = chosen.page
  else if (followId !== undefined) {
    const at = matching.findIndex((d) => d.id === followId)
    if (at >= 0) page = Math.floor(at / SCENARIO_PAGE_SIZE)
  }
  page = Math.min(Math.max(0, page), pageCount - 1)
  const first = paged ? page * SCENARIO_PAGE_SIZE : 0
  return {
    paged,
    query,
    setQuery: (q) => {
      setQuery(q)
      setChosen(null)
    },
    items: paged ? matching.slice(first, first + SCENARIO_PAGE_SIZE) : list,
    matches: matching.length,
    first,
    page,
    pageCount,
    setPage: (p) => {
      setChosen(followId === undefined ? { page: p, query } : { page: p, followId, query })
    },
  }
}
