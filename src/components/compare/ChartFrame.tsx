import { useId } from 'react'
import type { ReactNode } from 'react'
import type { ExcludedScenario, SeriesKey } from '../../domain/series'
import { ChartBox, DataTableDetails } from '../ui/ChartParts'
import { LongName } from '../ui/LongName'
import { useMoney } from '../currency/useMoney'

interface ChartFrameProps {
  title: string
  description: string
  children: ReactNode
  table: ReactNode
  excluded: ExcludedScenario[]
  controls?: ReactNode
}

/** A chart with its title, what it shows, and the same numbers as a table for screen readers and print. */
export function ChartFrame({
  title,
  description,
  children,
  table,
  excluded,
  controls,
}: ChartFrameProps) {
  const id = useId()
  return (
    <figure className="chart card" aria-labelledby={`${id}-t`}>
      <div className="chart-head">
        <h3 id={`${id}-t`}>{title}</h3>
        {controls}
      </div>
      <p className="muted small">{description}</p>
      <ChartBox description={`${title}.`}>{children}</ChartBox>
      {excluded.length > 0 && (
        <p className="hint warn">
          Not drawn:{' '}
          {excluded.map((e) => `${e.scenarioName || 'Untitled'} (${e.reason})`).join('; ')}
        </p>
      )}
      <DataTableDetails summary={title}>{table}</DataTableDetails>
    </figure>
  )
}

export function SeriesTable<R>({
  caption,
  rows,
  rowLabel,
  series,
  value,
  firstHeader,
}: {
  caption: string
  rows: R[]
  rowLabel: (r: R) => string
  series: SeriesKey[]
  value: (r: R, key: string) => number | null | undefined
  firstHeader: string
}) {
  const money = useMoney()
  return (
    <table className="breakdown">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstHeader}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              <LongName text={s.label} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">
              <LongName text={rowLabel(r)} />
            </th>
            {series.map((s) => {
              const v = value(r, s.key)
              return <td key={s.key}>{v === null || v === undefined ? '—' : money.format(v)}</td>
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
