import { memo, useMemo } from 'react'
import { compareModels } from '../../domain/decisions/modelComparison'
import type { ModelComparisonRow } from '../../domain/decisions/modelComparison'
import type { Scenario } from '../../domain/model'
import { formatTimes } from '../../format/number'
import { FailureList } from '../ui/FailureList'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { NotesList } from '../ui/NotesList'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

function difference(row: ModelComparisonRow, money: Money): string {
  if (row.isCurrent) return 'current'
  const d = row.deltaVsCurrentUsd
  if (d === null) return '—'
  if (d === 0) return 'same'
  return money.signed(d)
}

function Notes({ row }: { row: ModelComparisonRow }) {
  const notes = [
    ...(row.statusNote ? [row.statusNote] : []),
    ...(row.usesPriceOverrides ? ['Priced with this scenario’s own price overrides.'] : []),
    ...row.sizeNotes.map((n) => n.message),
    ...row.errors.map((e) => e.message),
  ]
  return <NotesList notes={notes} />
}

export const ModelComparisonPanel = memo(function ModelComparisonPanel({
  scenario,
}: {
  scenario: Scenario
}) {
  const money = useMoney()
  const book = usePriceBook()
  const result = useMemo(() => compareModels(scenario, book), [scenario, book])
  return (
    <Panel
      title="Model comparison"
      className="wide"
      lede="The same workflow priced under each model in the price book and each custom model. Another model's price overrides are not carried over; × cheapest is each monthly cost over the lowest."
    >
      {!result.ok ? (
        <FailureList errors={result.errors} />
      ) : (
        <TableScroll label="Model comparison table">
          <table className="panel-table">
            <caption className="visually-hidden">
              Monthly cost of this scenario under each model
            </caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col">Per month</th>
                <th scope="col">Cost per delivered image</th>
                <th scope="col">Difference vs current</th>
                <th scope="col">× cheapest</th>
                <th scope="col" className="notes-head">
                  Notes
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.modelId} className={row.isCurrent ? 'current' : undefined}>
                  <th scope="row">
                    {row.label}
                    {row.isCurrent && <span className="tag">current</span>}
                    {row.modelId === result.cheapestAvailableModelId && (
                      <span className="tag good">cheapest available</span>
                    )}
                  </th>
                  <td>
                    <span className={row.status === 'available' ? '' : 'tag bad'}>
                      {row.status}
                    </span>
                  </td>
                  <td>
                    {money.format(row.monthlyCostUsd)}
                    {!row.exact && row.monthlyCostUsd !== null && (
                      <span className="delta">at substitute sizes</span>
                    )}
                  </td>
                  <td>
                    {row.costPerDeliveredImageUsd === null
                      ? '—'
                      : money.unit(row.costPerDeliveredImageUsd)}
                  </td>
                  <td>{difference(row, money)}</td>
                  <td>{formatTimes(row.timesCheapest)}</td>
                  <td className="notes">
                    <Notes row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  )
})
