import { useId } from 'react'
import type { CompareCell, CompareRow, CompareTable as Table } from '../../domain/compare'
import {
  formatCount,
  formatSignedCount,
  formatSignedPercent,
  formatSignedUsd,
  formatUsd,
} from '../../format/number'
import { scenarioTitle } from '../ui/names'
import { TableScroll } from '../ui/TableScroll'
import './compare.css'

const MISSING: Record<string, string> = {
  incomplete: 'Incomplete',
  absent: '—',
  notApplicable: 'n/a',
}

function Cell({
  row,
  cell,
  isBaseline,
}: {
  row: CompareRow
  cell: CompareCell<number>
  isBaseline: boolean
}) {
  if (cell.status !== 'ok') return <td className="missing">{MISSING[cell.status]}</td>
  const usd = row.unit === 'usd'
  const fmt = usd ? formatUsd : formatCount
  const signedFmt = usd ? formatSignedUsd : formatSignedCount
  let delta: string | null = null
  if (!isBaseline && cell.deltaFromBaseline !== null) {
    const pct = cell.deltaFraction === null ? '' : ` (${formatSignedPercent(cell.deltaFraction)})`
    delta = cell.deltaFromBaseline === 0 ? 'same' : `${signedFmt(cell.deltaFromBaseline)}${pct}`
  }
  const tone =
    cell.deltaFromBaseline === null || cell.deltaFromBaseline === 0
      ? ''
      : cell.deltaFromBaseline > 0
        ? 'up'
        : 'down'
  return (
    <td>
      {fmt(cell.value)}
      {delta && <span className={`delta ${tone}`}>{delta}</span>}
    </td>
  )
}

export function CompareTable({ table }: { table: Table }) {
  const captionId = useId()
  const groups: { id: string; label: string; rows: CompareRow[] }[] = [
    { id: 'total', label: 'Totals', rows: table.rows.filter((r) => r.group === 'total') },
    { id: 'meter', label: 'Cost by meter', rows: table.rows.filter((r) => r.group === 'meter') },
    { id: 'stage', label: 'Cost by stage', rows: table.rows.filter((r) => r.group === 'stage') },
  ]
  // The caption is a paragraph outside the scroll box, so on a phone it wraps to
  // the screen instead of running off with the wide table (see .fits-caption).
  return (
    <>
      <p id={captionId} className="compare-caption">
        Scenarios side by side; differences are against the baseline,{' '}
        {table.columns[table.baselineIndex]?.name}.
      </p>
      <TableScroll labelledBy={captionId} fitsCaption={false}>
        <table className="compare-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Per month unless noted</th>
              {table.columns.map((c, i) => (
                <th key={i} scope="col">
                  {scenarioTitle(c.name)}
                  {c.isBaseline && <span className="tag">baseline</span>}
                  {!c.complete && (
                    <span className="tag bad">{formatCount(c.errorCount)} to fix</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.id}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={table.columns.length + 1}>
                  {g.label}
                </th>
              </tr>
              {g.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, i) => (
                    <Cell key={i} row={row} cell={cell} isBaseline={i === table.baselineIndex} />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </>
  )
}
