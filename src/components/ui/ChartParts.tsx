import type { ReactNode } from 'react'
import './ChartParts.css'

/**
 * The drawing of a chart, named for screen readers by what it shows. The
 * numbers themselves are in the data table that follows every chart.
 */
export function ChartBox({ description, children }: { description: string; children: ReactNode }) {
  return (
    <div
      className="chart-box"
      role="img"
      aria-label={`${description} The data table below lists every value.`}
    >
      {children}
    </div>
  )
}

/** Every value a chart draws, in a table that stays closed until asked for. */
export function DataTableDetails({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="data-table">
      <summary>Data table: {summary}</summary>
      {children}
    </details>
  )
}
