import { useId } from 'react'
import { formatCount } from '../../format/number'
import type { ScenarioPage } from './useScenarioPage'

interface Props {
  pager: ScenarioPage<{ id: string; name: string }>
  /** The search box's label, e.g. "Find a scenario". */
  label: string
  /** What the page buttons move through, e.g. "scenarios": "Previous scenarios". */
  noun: string
  /** Enter in the search box: the first match, for choosing without leaving the keyboard. */
  onPick?: (id: string) => void
}

/**
 * The search box and page buttons over a long list of scenarios. Shown only
 * when the list is longer than a page; a short list is simply drawn whole.
 */
export function ScenarioFinder({ pager, label, noun, onPick }: Props) {
  const id = useId()
  if (!pager.paged) return null
  const { matches, first, items, page, pageCount } = pager
  const shown =
    matches === 0
      ? pager.query.trim() === ''
        ? 'No scenarios.'
        : 'No scenario name contains that.'
      : `${formatCount(first + 1)}–${formatCount(first + items.length)} of ${formatCount(matches)}`
  return (
    <div className="scenario-finder">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={pager.query}
        autoComplete="off"
        placeholder="Part of a name"
        onChange={(e) => {
          pager.setQuery(e.target.value)
        }}
        onKeyDown={(e) => {
          const top = items[0]
          if (e.key === 'Enter' && onPick && top) {
            e.preventDefault()
            onPick(top.id)
          }
        }}
      />
      <button
        type="button"
        aria-label={`Previous ${noun}`}
        disabled={page <= 0}
        onClick={() => {
          pager.setPage(page - 1)
        }}
      >
        ‹
      </button>
      <span role="status" className="muted small">
        {shown}
      </span>
      <button
        type="button"
        aria-label={`Next ${noun}`}
        disabled={page >= pageCount - 1}
        onClick={() => {
          pager.setPage(page + 1)
        }}
      >
        ›
      </button>
    </div>
  )
}
