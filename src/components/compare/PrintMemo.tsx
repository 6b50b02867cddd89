import { scenarioTitle } from '../ui/names'
import type { ScenarioDraft } from '../../domain/draft'
import { findModel } from '../../domain/priceBook'
import { METER_LABELS } from '../../domain/engine'
import { METERS } from '../../domain/model'
import { formatCount, formatPercent, formatUsd } from '../../format/number'
import './compare.css'
import { usePriceBook } from '../../store/priceBook'

/**
 * Shown only on paper: the assumptions and prices behind the comparison, so
 * the printed page stands on its own as a budget memo.
 */
export function PrintMemo({ drafts }: { drafts: ScenarioDraft[] }) {
  const models = [...new Set(drafts.map((d) => d.modelId))]
  const book = usePriceBook()
  return (
    <div className="print-only memo">
      <h3>Assumptions</h3>
      <ul>
        {drafts.map((d) => (
          <li key={d.id}>
            <strong>{scenarioTitle(d.name)}</strong>: {d.modelId},{' '}
            {d.text?.jobsPerMonth ?? formatCount(d.jobsPerMonth)} jobs a month
            {d.batch ? ', Batch API' : ''};{' '}
            {d.stages
              .map(
                (s) =>
                  `${s.name || 'stage'}: ${s.quality === 'auto' ? `auto as ${s.autoBilledAs}` : s.quality} ${s.width}x${s.height}, ${formatPercent(s.reachShare)} of jobs, ${formatCount(s.imagesPerJob)} images, retry ×${formatCount(s.retryMultiplier)}`,
              )
              .join('; ')}
          </li>
        ))}
      </ul>
      <h3>Prices (USD per 1M tokens)</h3>
      <ul>
        {models.map((id) => {
          const m = findModel(book, id)
          if (!m) return null
          const overrides = drafts.filter((d) => d.modelId === id && d.prices)
          return (
            <li key={id}>
              {id}:{' '}
              {METERS.map((k) => `${METER_LABELS[k]} ${formatUsd(m.meters[k].usdPerMillion)}`).join(
                ', ',
              )}{' '}
              — as of {m.meters.imageOutput.asOf}, {m.meters.imageOutput.sourceUrl}
              {overrides.length > 0 &&
                `. Overridden in: ${overrides.map((d) => d.name).join(', ')}`}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
