import { useMemo, useState } from 'react'
import { compareMonth, jobsForImages } from '../../domain/usage/billing'
import type { BillMonth, BillSummary, ImagesMonth, LineTotal } from '../../domain/usage/billing'
import type { ScenarioDraft } from '../../domain/draft'
import { computeScenario, METER_LABELS } from '../../domain/engine'
import { METERS } from '../../domain/model'
import {
  formatCount,
  formatMeasured,
  formatSignedPercent,
  formatSignedUsd,
  formatUsd,
} from '../../format/number'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheet } from '../../store/worksheet'
import { decisionScenario } from '../../domain/draft'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { ChangesTable } from './ChangesTable'
import { scenarioTitle } from '../ui/names'
import { shortText } from './labels'
import { useCurrency } from '../../store/useCurrency'
import { monthName } from './monthName'
import { BilledTokensPanel } from './BilledTokensPanel'

/** An amount in a currency other than USD: its code and the number, never a dollar sign. */
const foreignAmount = (currency: string, amount: number) =>
  `${currency.toUpperCase()} ${amount.toLocaleString('en-US', { maximumFractionDigits: 4 })}`

function LineList({ title, lines }: { title: string; lines: readonly LineTotal[] }) {
  if (lines.length === 0) return null
  return (
    <div className="bill-lines">
      <p className="hint">{title}</p>
      <ul>
        {lines.map((l) => (
          <li key={l.lineItem}>
            {shortText(l.lineItem)}: {formatUsd(l.usd)} ({formatCount(l.rows)}{' '}
            {l.rows === 1 ? 'row' : 'rows'})
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Other models, unknown line items and other currencies of a month: listed, never dropped. */
function Apart({ month }: { month: BillMonth }) {
  return (
    <>
      <LineList title="Other models, left out of the image comparison:" lines={month.other} />
      <LineList
        title="Line items the app cannot place (not in the comparison):"
        lines={month.unknown}
      />
      {month.foreign.length > 0 && (
        <p className="hint" role="note">
          Billed in other currencies, not added to USD:{' '}
          {month.foreign
            .map((f) => `${foreignAmount(f.currency, f.amount)} (${formatCount(f.rows)} rows)`)
            .join(', ')}
          .
        </p>
      )}
    </>
  )
}

function MonthTable({
  month,
  estimate,
}: {
  month: BillMonth
  estimate: Parameters<typeof compareMonth>[1] | null
}) {
  const name = monthName(month.month)
  const c = estimate ? compareMonth(month, estimate) : null
  const partial = month.daysCovered < month.daysInMonth
  const percent = (share: number | null) => (share === null ? '—' : formatSignedPercent(share, 1))
  return (
    <div className="bill-month">
      <h4>{name}</h4>
      <p className={partial ? 'warning' : 'hint'}>
        {partial
          ? `Partial month: the bill covers ${formatCount(month.daysCovered)} of ${formatCount(month.daysInMonth)} days (${month.firstDay} to ${month.lastDay}), so it is compared with ${formatCount(month.daysCovered)}/${formatCount(month.daysInMonth)} of the monthly estimate.`
          : `The bill covers all ${formatCount(month.daysInMonth)} days.`}
      </p>
      <TableScroll label={`Billed and estimated by meter, ${name}`}>
        <table className="panel-table">
          <caption>Billed vs. estimate by meter, {name}</caption>
          <thead>
            <tr>
              <th scope="col">Meter</th>
              <th scope="col">Billed</th>
              <th scope="col">Estimate</th>
              <th scope="col">Difference</th>
              <th scope="col">Difference %</th>
            </tr>
          </thead>
          <tbody>
            {METERS.map((meter, i) => {
              const m = c?.meters[i]
              return (
                <tr key={meter}>
                  <th scope="row">{METER_LABELS[meter]}</th>
                  <td>{formatUsd(month.usdByMeter[meter])}</td>
                  <td>{formatUsd(m ? m.estimateUsd : null)}</td>
                  <td>{formatSignedUsd(m ? m.differenceUsd : null)}</td>
                  <td>{m ? percent(m.differenceShare) : '—'}</td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr className="total">
              <th scope="row">Total</th>
              <td>{formatUsd(month.imageUsd)}</td>
              <td>{formatUsd(c ? c.total.estimateUsd : null)}</td>
              <td>{formatSignedUsd(c ? c.total.differenceUsd : null)}</td>
              <td>{c ? percent(c.total.differenceShare) : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {month.imageModels.length > 0 && (
        <p className="hint">
          Image models billed:{' '}
          {month.imageModels.map((m) => `${shortText(m.model)} ${formatUsd(m.usd)}`).join(', ')}.
        </p>
      )}
      <Apart month={month} />
    </div>
  )
}

/** Per project and month: what each billed, by meter, with what was kept apart. */
function ProjectTable({ bill }: { bill: BillSummary }) {
  if (bill.byProject.length === 0) return null
  return (
    <TableScroll label="Billed per project">
      <table className="panel-table">
        <caption>Billed per project and month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Project</th>
            <th scope="col">Days</th>
            {METERS.map((m) => (
              <th scope="col" key={m}>
                {METER_LABELS[m]}
              </th>
            ))}
            <th scope="col">Image total</th>
            <th scope="col">Other models</th>
            <th scope="col">Not placed</th>
          </tr>
        </thead>
        <tbody>
          {bill.byProject.map((p) => (
            <tr key={`${p.month}\u0000${p.project ?? ''}`}>
              <td>{monthName(p.month)}</td>
              <th scope="row">{shortText(p.project ?? '')}</th>
              <td>
                {formatCount(p.daysCovered)} of {formatCount(p.daysInMonth)}
              </td>
              {METERS.map((m) => (
                <td key={m}>{formatUsd(p.usdByMeter[m])}</td>
              ))}
              <td>{formatUsd(p.imageUsd)}</td>
              <td>{formatUsd(p.other.reduce((s, l) => s + l.usd, 0))}</td>
              <td>{formatUsd(p.unknown.reduce((s, l) => s + l.usd, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/**
 * What OpenAI billed, month by month (UTC), by meter beside the active
 * scenario's estimate; other models, unknown line items and other
 * currencies listed apart.
 */
export function BillPanel({ bill }: { bill: BillSummary }) {
  const scenarios = useWorksheet((s) => s.scenarios)
  const activeId = useWorksheet((s) => s.activeId)
  const book = usePriceBook()
  const draft = scenarios.find((d) => d.id === activeId) ?? scenarios[0]
  const result = useMemo(
    () => (draft ? computeScenario(decisionScenario(draft), book) : null),
    [draft, book],
  )
  const estimate = result?.ok ? result.costByMeter : null
  const shownIn = useCurrency().code
  return (
    <>
      {bill.months.length > 0 && shownIn !== 'USD' && (
        // Converting the bill at a rate the person chose would make its figures differ from
        // the invoice's; the estimate stays beside it in the same currency, so the gap is real.
        <p className="hint">
          The bill and the estimate beside it are in USD, the bill&apos;s currency, not {shownIn}.
        </p>
      )}
      {bill.months.length > 0 && <CostsPanel bill={bill} draft={draft} estimate={estimate} />}
      <BilledTokensPanel bill={bill} book={book} />
      {bill.images.length > 0 && draft && (
        <ImagesPanel
          months={bill.images}
          draft={draft}
          billableImages={result?.ok ? result.billableImages : null}
        />
      )}
    </>
  )
}

function CostsPanel({
  bill,
  draft,
  estimate,
}: {
  bill: BillSummary
  draft: ScenarioDraft | undefined
  estimate: Parameters<typeof compareMonth>[1] | null
}) {
  return (
    <Panel
      title="Billed vs. estimate"
      className="wide"
      lede={
        draft ? (
          <>
            What OpenAI billed for image models, per calendar month (UTC), beside the monthly
            estimate of the active scenario, “{scenarioTitle(draft.name)}”, by meter.
          </>
        ) : undefined
      }
    >
      {!estimate && (
        <p className="warning">
          The active scenario cannot be priced, so there is no estimate to compare: fix the fields
          it names in the worksheet.
        </p>
      )}
      {bill.months.map((m) => (
        <MonthTable key={m.month} month={m} estimate={estimate} />
      ))}
      <ProjectTable bill={bill} />
    </Panel>
  )
}

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  'image.generation': 'generation',
  'image.edit': 'edit',
  'image.variation': 'variation',
}
const sourceLabel = (s: string | null) =>
  s === null ? 'all sources' : Object.hasOwn(SOURCE_LABELS, s) ? (SOURCE_LABELS[s] ?? s) : s

function ImagesTable({ month }: { month: ImagesMonth }) {
  const name = monthName(month.month)
  const partial = month.daysCovered < month.daysInMonth
  return (
    <div className="bill-month">
      <h4>{name}</h4>
      <p className={partial ? 'warning' : 'hint'}>
        {partial
          ? `Partial month: the pages cover ${formatCount(month.daysCovered)} of ${formatCount(month.daysInMonth)} days (${month.firstDay} to ${month.lastDay}).`
          : `The pages cover all ${formatCount(month.daysInMonth)} days.`}
      </p>
      <TableScroll label={`Images billed, ${name}`}>
        <table className="panel-table">
          <caption>Images billed by model, size and source, {name}</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Size</th>
              <th scope="col">Source</th>
              <th scope="col">Images</th>
              <th scope="col">Requests</th>
            </tr>
          </thead>
          <tbody>
            {month.kinds.map((k) => (
              <tr key={JSON.stringify([k.model, k.size, k.source])}>
                <th scope="row">{k.model === null ? 'all models' : shortText(k.model)}</th>
                <td>{k.size === null ? 'all sizes' : shortText(k.size)}</td>
                <td>{sourceLabel(k.source)}</td>
                <td>{formatCount(k.images)}</td>
                <td>{formatCount(k.requests)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total">
              <th scope="row">Total</th>
              <td colSpan={2} />
              <td>{formatCount(month.images)}</td>
              <td>{formatCount(month.requests)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  )
}

/**
 * Images billed per month from Usage API pages, and an undoable Apply that
 * sets the active scenario's jobs per month to bill as many images.
 */
function ImagesPanel({
  months,
  draft,
  billableImages,
}: {
  months: readonly ImagesMonth[]
  draft: ScenarioDraft
  billableImages: number | null
}) {
  const applyFix = useWorksheet((s) => s.applyFix)
  const undo = useWorksheet((s) => s.undo)
  const [picked, setPicked] = useState(months.length - 1)
  const [applied, setApplied] = useState<{ after: readonly ScenarioDraft[]; text: string } | null>(
    null,
  )
  const current = useWorksheet((s) => s.scenarios)
  const month = months[picked] ?? months[months.length - 1]
  const jobs =
    month && billableImages !== null
      ? jobsForImages(month, billableImages, draft.jobsPerMonth)
      : null
  const change = jobs && jobs.jobs !== draft.jobsPerMonth ? jobs : null
  const stillApplied = applied !== null && current === applied.after
  return (
    <Panel
      title="Images billed"
      className="wide"
      lede="Images and requests the Usage API counted, per calendar month (UTC), by model, size and source."
    >
      {months.map((m) => (
        <ImagesTable key={m.month} month={m} />
      ))}
      <section className="usage-apply" aria-label="Apply the billed image count">
        <h4>Apply to “{scenarioTitle(draft.name)}”</h4>
        {months.length > 1 && (
          <label>
            <span>Month</span>
            <select
              value={picked}
              onChange={(e) => {
                setPicked(Number(e.target.value))
              }}
            >
              {months.map((m, i) => (
                <option key={m.month} value={i}>
                  {monthName(m.month)}
                </option>
              ))}
            </select>
          </label>
        )}
        {month && jobs && (
          <p className="hint">
            {formatCount(month.images)} images in {formatCount(month.daysCovered)} of{' '}
            {formatCount(month.daysInMonth)} days is {formatCount(Math.round(jobs.monthImages))} a
            month; the scenario bills {formatMeasured((billableImages ?? 0) / draft.jobsPerMonth)}{' '}
            images per job (retries included), so {formatCount(jobs.jobs)} jobs a month bill as
            many.
          </p>
        )}
        {change ? (
          <ChangesTable
            changes={[
              {
                key: 'jobsPerMonth',
                field: 'Jobs per month',
                now: formatCount(draft.jobsPerMonth),
                next: formatCount(change.jobs),
              },
            ]}
          />
        ) : (
          <p className="muted">
            {jobs
              ? 'The scenario already bills as many images as this month.'
              : 'The scenario cannot be priced or bills no images, so there is nothing to set.'}
          </p>
        )}
        <p className="hint">
          These pages have no status per image, so the retry multiplier cannot be measured from
          them: it stays as set. Only jobs per month changes.
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!change}
            onClick={() => {
              if (!change) return
              const step = applyFix(
                { kind: 'setScenarioField', field: 'jobsPerMonth', value: change.jobs },
                draft,
              )
              if (step) {
                setApplied({
                  after: step.after,
                  text: `Applied: jobs per month ${formatCount(draft.jobsPerMonth)} → ${formatCount(change.jobs)}. Undo puts it back.`,
                })
              }
            }}
          >
            Apply jobs per month
          </button>
          {stillApplied && (
            <button type="button" onClick={undo}>
              Undo
            </button>
          )}
        </div>
        <p role="status" className="status">
          {stillApplied ? applied.text : ''}
        </p>
      </section>
    </Panel>
  )
}
