import type { ScenarioOutcome } from '../../domain/compare'
import { deliveredImageCost } from '../../domain/compare'
import type { ScenarioDraft } from '../../domain/draft'
import { findModel } from '../../domain/priceBook'
import { METER_LABELS } from '../../domain/engine'
import { METERS } from '../../domain/model'
import { formatUsd } from '../../format/number'
import { scenarioTitle } from '../ui/names'
import './compare.css'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheet } from '../../store/worksheet'
import { RateNote } from '../currency/RateNote'
import { useMoney } from '../currency/useMoney'

/**
 * Shown only on paper: the memo's title, date, author and headline figures,
 * and the prices behind the comparison, so the printed page stands on its own.
 * The assumptions are the compare table's first rows, printed below it.
 */
export function PrintMemo({
  drafts,
  outcomes,
}: {
  drafts: ScenarioDraft[]
  outcomes: ScenarioOutcome[]
}) {
  const money = useMoney()
  const models = [...new Set(drafts.map((d) => d.modelId))]
  const book = usePriceBook()
  const preparedBy = useWorksheet((s) => s.preparedBy).trim()
  const today = new Date().toLocaleDateString(undefined, { dateStyle: 'long' })
  return (
    <div className="print-only memo">
      <header className="memo-head">
        <h2>Image generation budget memo</h2>
        <p>
          {today}
          {preparedBy !== '' && <> · Prepared by {preparedBy}</>}
        </p>
      </header>
      <table className="memo-headline">
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Monthly cost</th>
            <th scope="col">Annual cost</th>
            <th scope="col">Cost per delivered image</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o, i) => (
            <tr key={i}>
              <th scope="row">{scenarioTitle(o.name)}</th>
              {o.result.ok ? (
                <>
                  <td>{money.format(o.result.monthlyCostUsd)}</td>
                  <td>{money.format(o.result.annualCostUsd)}</td>
                  <td>{money.unit(deliveredImageCost(o.result))}</td>
                </>
              ) : (
                <td colSpan={3}>Incomplete: {o.result.errors.length} fields to fix</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <RateNote />
      <p className="memo-prices">
        Prices in USD per 1M tokens.{' '}
        {models.map((id) => {
          const m = findModel(book, id)
          if (!m) return null
          const overrides = drafts.filter((d) => d.modelId === id && d.prices)
          return (
            <span key={id}>
              {id}:{' '}
              {METERS.map((k) => `${METER_LABELS[k]} ${formatUsd(m.meters[k].usdPerMillion)}`).join(
                ', ',
              )}{' '}
              — as of {m.meters.imageOutput.asOf}, {m.meters.imageOutput.sourceUrl}
              {overrides.length > 0 &&
                `. Overridden in: ${overrides.map((d) => scenarioTitle(d.name)).join(', ')}`}
              .{' '}
            </span>
          )
        })}
      </p>
    </div>
  )
}
