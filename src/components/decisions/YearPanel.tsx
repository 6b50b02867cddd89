import { lazy, memo, useId, useMemo } from 'react'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { firstMonthOver, monthOf, projectYear } from '../../domain/projection'
import { formatCount, formatPercent } from '../../format/number'
import { formatMonth } from '../../format/month'
import { usePriceBook } from '../../store/priceBook'
import { useWorksheet } from '../../store/worksheet'
import type { WorksheetState } from '../../store/worksheet'
import { FailureList } from '../ui/FailureList'
import { Figure } from '../ui/Figure'
import { NumberField } from '../ui/NumberField'
import { Panel } from '../ui/Panel'
import { ChartWithTable } from './ChartWithTable'
import { RateNote } from '../currency/RateNote'
import { useMoney } from '../currency/useMoney'

const YearChart = memo(lazy(() => import('./YearChart')))

const active = (s: WorksheetState): ScenarioDraft | undefined =>
  s.scenarios.find((d) => d.id === s.activeId) ?? s.scenarios[0]

const FIELD_PATHS = new Set(['monthlyGrowth', 'startMonth'])

/** Like the quota fields: what is typed shows at once, the projection trails it. */
function GrowthFields({
  errors,
  defaultStart,
}: {
  errors: ReadonlyMap<string, string>
  defaultStart: string
}) {
  const growth = useWorksheet((s) => active(s)?.monthlyGrowth)
  const growthText = useWorksheet((s) => active(s)?.text?.monthlyGrowth)
  const startMonth = useWorksheet((s) => active(s)?.startMonth)
  const typeNumber = useWorksheet((s) => s.typeScenarioNumber)
  const editScenario = useWorksheet((s) => s.editScenario)
  const startId = useId()
  const startError = errors.get('startMonth')
  return (
    <div className="grid">
      <NumberField
        label="Monthly growth"
        percent
        // Unset and cleared (stored as NaN) both show an empty box: no growth.
        value={growth ?? Number.NaN}
        text={growthText}
        error={errors.get('monthlyGrowth')}
        hint="Jobs per month grow by this much each month, compounded. Negative shrinks them. Empty: no growth."
        onType={(t) => {
          typeNumber('monthlyGrowth', t)
        }}
      />
      <div className={startError ? 'field invalid' : 'field'}>
        <label htmlFor={startId}>Starting month</label>
        <div className="input-wrap">
          <input
            id={startId}
            type="month"
            value={startMonth ?? defaultStart}
            aria-invalid={startError ? true : undefined}
            aria-describedby={startError ? `${startId}-error` : `${startId}-hint`}
            onChange={(e) => {
              editScenario({ startMonth: e.target.value }, 'startMonth')
            }}
          />
        </div>
        {startError ? (
          <p id={`${startId}-error`} className="error-text">
            {startError}
          </p>
        ) : (
          <p id={`${startId}-hint`} className="hint">
            The projection&apos;s first month; this month unless set.
          </p>
        )}
      </div>
    </div>
  )
}

/**
 * The scenario's year, month by month: jobs per month compounding by the growth, each month
 * priced by the engine, and the month it first goes over the budget cap's monthly budget.
 */
export const YearPanel = memo(function YearPanel({
  scenario,
  budgetUsd,
}: {
  scenario: Scenario
  /** The budget cap's "Monthly budget", when one is typed and valid. */
  budgetUsd: number | null
}) {
  const money = useMoney()
  const book = usePriceBook()
  // Read once a render: a page left open into a new month starts there on the next edit.
  const defaultStart = monthOf(new Date())
  const result = useMemo(
    () => projectYear(scenario, book, defaultStart),
    [scenario, book, defaultStart],
  )
  const fieldErrors = useMemo(() => {
    const m = new Map<string, string>()
    if (!result.ok)
      for (const e of result.errors) if (FIELD_PATHS.has(e.path)) m.set(e.path, e.message)
    return m
  }, [result])
  const otherErrors = result.ok ? [] : result.errors.filter((e) => !FIELD_PATHS.has(e.path))
  const over = result.ok && budgetUsd !== null ? firstMonthOver(result.months, budgetUsd) : null

  return (
    <Panel
      title="12-month projection"
      lede="The year ahead with jobs growing month by month. Prices stay as entered."
      className="year-panel"
    >
      <GrowthFields errors={fieldErrors} defaultStart={defaultStart} />
      {!result.ok ? (
        otherErrors.length > 0 && <FailureList errors={otherErrors} />
      ) : (
        <>
          <div className="figures panel-figures">
            <Figure
              label="12-month total"
              value={money.format(result.totalUsd)}
              big
              note={`${formatMonth(result.months[0]?.month ?? '')} to ${formatMonth(result.months[11]?.month ?? '')}, growth ${formatPercent(result.growth)} a month`}
            />
            {budgetUsd !== null && (
              <Figure
                label="First month over budget"
                value={over ? formatMonth(over.month) : 'None'}
                tone={over ? 'bad' : 'good'}
                note={
                  over
                    ? `${money.format(over.costUsd)} against the ${money.format(budgetUsd)} monthly budget`
                    : `every month within the ${money.format(budgetUsd)} monthly budget`
                }
              />
            )}
          </div>
          <RateNote />
          <ChartWithTable
            title="Cost per month, next 12 months"
            hint={
              budgetUsd === null
                ? 'Type a monthly budget in the budget cap to draw it here.'
                : `The dashed line is the budget cap’s monthly budget, ${money.format(budgetUsd)}; months over it are orange.`
            }
            description={`Bar chart of the monthly cost for 12 months from ${formatMonth(result.startMonth)}; the same values are in the table below.`}
            tableLabel="Cost per month, next 12 months"
            chart={<YearChart months={result.months} budgetUsd={budgetUsd} />}
            table={
              <table>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Jobs</th>
                    <th scope="col">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {result.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{formatMonth(m.month)}</th>
                      <td className="num">{formatCount(m.jobs)}</td>
                      <td className="num">{money.format(m.costUsd)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">12-month total</th>
                    <td className="num">
                      {formatCount(result.months.reduce((sum, m) => sum + m.jobs, 0))}
                    </td>
                    <td className="num">{money.format(result.totalUsd)}</td>
                  </tr>
                </tfoot>
              </table>
            }
          />
        </>
      )}
    </Panel>
  )
})
