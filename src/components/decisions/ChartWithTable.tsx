import { Suspense, useId } from 'react'
import type { ReactNode } from 'react'
import { ChartBox, DataTableDetails } from '../ui/ChartParts'
import { TableScroll } from '../ui/TableScroll'

/**
 * A decision tool's chart: its title, how to read it, the chart itself (loaded
 * lazily, as recharts is most of the JavaScript) and every value in a table.
 */
export function ChartWithTable({
  title,
  hint,
  description,
  tableLabel,
  chart,
  table,
}: {
  title: string
  hint: ReactNode
  /** What the drawing shows, for screen readers. */
  description: string
  /** The scroll region's name. */
  tableLabel: string
  chart: ReactNode
  table: ReactNode
}) {
  const titleId = useId()
  return (
    <figure className="tornado" aria-labelledby={titleId}>
      <figcaption id={titleId} className="figure-title">
        {title}
      </figcaption>
      <p className="hint">{hint}</p>
      <ChartBox description={description}>
        <Suspense fallback={<p className="muted">Loading chart…</p>}>{chart}</Suspense>
      </ChartBox>
      <DataTableDetails summary={title.charAt(0).toLowerCase() + title.slice(1)}>
        <TableScroll label={tableLabel}>{table}</TableScroll>
      </DataTableDetails>
    </figure>
  )
}
