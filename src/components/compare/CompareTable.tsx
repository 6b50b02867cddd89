import { useId } from 'react'
import type {
  AssumptionRow,
  CompareCell,
  CompareRow,
  CompareTable as Table,
} from '../../domain/compare'
import {
  formatCount,
  formatPercent,
  formatSignedCount,
  formatSignedPercent,
} from '../../format/number'
import { LongName } from '../ui/LongName'
import { scenarioFullTitle } from '../ui/names'
import { TableScroll } from '../ui/TableScroll'
import './compare.css'
import { RateNote } from '../currency/RateNote'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

function assumptionText(row: AssumptionRow, value: string | number | null): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value
  // NaN: the scenario holds text that is not a number; the worksheet says what to fix.
  if (!Number.isFinite(value)) return 'to fix'
  if (row.format === 'percent') return formatPercent(value)
  if (row.format === 'multiplier') return `×${formatCount(value)}`
  return formatCount(value)
}

const MISSING: Record<string, string> = {
  incomplete: 'Incomplete',
  absent: '—',
  notApplicable: 'n/a',
}

function Cell({
  row,
  cell,
  isBaseline,
  money,
}: {
  row: CompareRow
  cell: CompareCell<number>
  isBaseline: boolean
  money: Money
}) {
  if (cell.status !== 'ok') return <td className="missing">{MISSING[cell.status]}</td>
  const usd = row.unit === 'usd'
  const fmt = usd ? money.format : formatCount
  const signedFmt = usd ? money.signed : formatSignedCount
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

export function CompareTable({
  table,
  assumptions = [],
  unit = 'USD per month',
}: {
  table: Table
  assumptions?: AssumptionRow[]
  /** What the meter and stage rows are in, from the "Show costs" choice. */
  unit?: string
}) {
  const captionId = useId()
  const money = useMoney()
  const suffix = unit === 'USD per month' ? '' : ` (${money.unitLabel(unit)})`
  const groups: { id: string; label: string; rows: CompareRow[] }[] = [
    { id: 'total', label: 'Totals', rows: table.rows.filter((r) => r.group === 'total') },
    {
      id: 'meter',
      label: `Cost by meter${suffix}`,
      rows: table.rows.filter((r) => r.group === 'meter'),
    },
    {
      id: 'stage',
      label: `Cost by stage${suffix}`,
      rows: table.rows.filter((r) => r.group === 'stage'),
    },
  ]
  const scenarioWide = assumptions.filter((r) => r.stage === undefined)
  const stageNames = [
    ...new Set(assumptions.flatMap((r) => (r.stage === undefined ? [] : [r.stage]))),
  ]
  // The caption is a paragraph outside the scroll box, so on a phone it wraps to
  // the screen instead of running off with the wide table (see .fits-caption).
  return (
    <>
      <p id={captionId} className="compare-caption">
        Scenarios side by side; differences are against the baseline,{' '}
        <LongName text={table.columns[table.baselineIndex]?.name ?? ''} />.
      </p>
      <RateNote />
      <TableScroll labelledBy={captionId} fitsCaption={false}>
        <table className="compare-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Per month unless noted</th>
              {table.columns.map((c, i) => (
                <th key={i} scope="col">
                  <LongName text={scenarioFullTitle(c.name)} />
                  {c.isBaseline && <span className="tag">baseline</span>}
                  {!c.complete && (
                    <span className="tag bad">{formatCount(c.errorCount)} to fix</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          {assumptions.length > 0 && (
            <tbody className="assumptions">
              <tr className="group-row">
                <th scope="rowgroup" colSpan={table.columns.length + 1}>
                  Assumptions
                </th>
              </tr>
              {scenarioWide.map((row) => (
                <AssumptionLine key={row.id} row={row} label={row.label} />
              ))}
              {stageNames.map((stage) => [
                <StageSummary
                  key={`summary:${stage}`}
                  stage={stage}
                  rows={assumptions.filter((r) => r.stage === stage)}
                />,
                ...assumptions
                  .filter((r) => r.stage === stage)
                  .map((row) => (
                    <AssumptionLine
                      key={row.id}
                      row={row}
                      label={`${stage}: ${row.label.toLowerCase()}`}
                      detail
                    />
                  )),
              ])}
            </tbody>
          )}
          {groups.map((g) => (
            <tbody key={g.id} className={`group-${g.id}`}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={table.columns.length + 1}>
                  {g.label}
                </th>
              </tr>
              {g.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, i) => (
                    <Cell
                      key={i}
                      row={row}
                      cell={cell}
                      isBaseline={i === table.baselineIndex}
                      money={money}
                    />
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

function AssumptionLine({
  row,
  label,
  detail = false,
}: {
  row: AssumptionRow
  label: string
  /** A per-stage row: on paper the stage's summary line stands in for it. */
  detail?: boolean
}) {
  return (
    <tr className={detail ? 'assumption-detail' : undefined}>
      <th scope="row">{label}</th>
      {row.cells.map((value, i) => (
        <td key={i} className={value === null ? 'missing' : undefined}>
          {assumptionText(row, value)}
        </td>
      ))}
    </tr>
  )
}

/**
 * On paper only: a stage's five assumptions in one line per scenario, so the
 * memo fits one page (on screen each has a row of its own).
 */
function StageSummary({ stage, rows }: { stage: string; rows: AssumptionRow[] }) {
  const columns = rows[0]?.cells.length ?? 0
  return (
    <tr className="assumption-summary" aria-hidden="true">
      <th scope="row">{stage}</th>
      {Array.from({ length: columns }, (_, i) => {
        const parts = rows.map((r) => r.cells[i] ?? null)
        if (parts.every((p) => p === null))
          return (
            <td key={i} className="missing">
              —
            </td>
          )
        return <td key={i}>{rows.map((r) => assumptionText(r, r.cells[i] ?? null)).join(', ')}</td>
      })}
    </tr>
  )
}
