import { memo } from 'react'
import { METER_LABELS, rateFactor } from '../../domain/engine'
import { METERS } from '../../domain/model'
import { formatCount, formatUsd } from '../../format/number'
import { activeDraftOf, resultFor, useActiveDraft, useActiveResult } from '../../store/hooks'
import { useWorksheetAfterPaint } from '../../store/afterPaint'
import { usePriceBook } from '../../store/priceBook'
import { Figure } from '../ui/Figure'
import { FieldErrorList } from '../ui/FailureList'
import { stageTitle } from '../ui/names'
import './results.css'
import { RateNote } from '../currency/RateNote'
import { useMoney } from '../currency/useMoney'

export function ResultsPanel() {
  const money = useMoney()
  const result = useActiveResult()
  const draft = useActiveDraft()

  if (!result.ok) {
    return (
      <section className="card results incomplete" aria-labelledby="results-h">
        <h2 id="results-h">Monthly budget</h2>
        <Figure label="Monthly cost" value="Incomplete" big />
        <Figure label="Cost per job" value="Incomplete" />
        <Figure label="Cost per delivered image" value="Incomplete" />
        <p>
          The total appears once {result.errors.length === 1 ? 'this field is' : 'these fields are'}{' '}
          fixed:
        </p>
        <FieldErrorList errors={result.errors} />
      </section>
    )
  }

  // A size's notice is shown at its stage's size field instead.
  const notices = result.notices.filter((n) => !n.path.endsWith('.size'))
  return (
    <section className="card results" aria-labelledby="results-h">
      <h2 id="results-h">Monthly budget</h2>
      <div className="figures">
        <Figure label="Monthly cost" value={money.format(result.monthlyCostUsd)} big />
        <Figure label="Annual cost" value={money.format(result.annualCostUsd)} />
        <Figure label="Cost per job" value={money.format(result.costPerJobUsd)} />
        <Figure
          label="Cost per delivered image"
          value={
            result.costPerDeliveredImageUsd === null
              ? '—'
              : money.unit(result.costPerDeliveredImageUsd)
          }
        />
      </div>
      <RateNote />
      <p className="muted small">
        {formatCount(result.billableImages)} billed images for {formatCount(result.keptImages)}{' '}
        kept, {formatCount(result.deliveredImages)} of them delivered as finals, from{' '}
        {formatCount(draft.jobsPerMonth)} jobs{draft.batch ? ', Batch API' : ''}. Cost per
        generated-and-kept image (all stages, drafts included):{' '}
        {money.format(result.costPerKeptImageUsd)}.
      </p>

      <Breakdown />

      {notices.length > 0 && (
        <ul className="notices">
          {notices.map((n) => (
            <li key={n.path + n.message}>{n.message}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * The tables by stage and by meter follow the figures a frame later: the person typing watches
 * the total, and the two tables were most of the layout forced after each keystroke's render
 * (1.3 of 1.8 ms, timed without tracing; see the README's Benchmarks). Drawn again only when
 * the scenario, prices or currency change.
 */
const Breakdown = memo(function Breakdown() {
  const money = useMoney()
  const draft = useWorksheetAfterPaint(activeDraftOf)
  const result = resultFor(draft, usePriceBook())
  // The figures above already say what is missing; the tables come back with the total.
  if (!result.ok) return null
  return (
    <>
      <table className="breakdown">
        <caption>By stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Billed images</th>
            <th scope="col">Per image</th>
            <th scope="col">{money.code}</th>
          </tr>
        </thead>
        <tbody>
          {result.stages.map((s, i) => (
            <tr key={i}>
              <th scope="row">
                {stageTitle(s.name, i)}
                <span className="muted small block">
                  {s.billedQuality}, {formatCount(s.outputTokensPerImage)} tokens
                  {s.deliversFinal ? ', delivers finals' : ''}
                </span>
              </th>
              <td>{formatCount(s.billableImages)}</td>
              <td>{money.format(s.costPerBillableImageUsd)}</td>
              <td>{money.format(s.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="breakdown">
        <caption>By meter</caption>
        <thead>
          <tr>
            <th scope="col">Meter</th>
            <th scope="col">Rate /1M</th>
            <th scope="col">Tokens</th>
            <th scope="col">{money.code}</th>
          </tr>
        </thead>
        <tbody>
          {METERS.map((m) => (
            <tr key={m}>
              <th scope="row">{METER_LABELS[m]}</th>
              <td>{formatUsd(result.prices[m] * rateFactor(draft.batch))}</td>
              <td>{formatCount(result.tokensByMeter[m])}</td>
              <td>{money.format(result.costByMeter[m])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
})
