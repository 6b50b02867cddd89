import { memo, useMemo, useRef } from 'react'
import { budgetCap } from '../../domain/decisions/budgetCap'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { formatCount } from '../../format/number'
import { parseTypedNumber } from '../../io/numberInput'
import { NumberField } from '../ui/NumberField'
import { FailureList } from '../ui/FailureList'
import { useApplyFix } from './fixes'
import { Figure } from '../ui/Figure'
import { Panel } from '../ui/Panel'
import { TableScroll } from '../ui/TableScroll'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'

export const BudgetCapPanel = memo(function BudgetCapPanel({
  scenario,
  draft,
  budgetText,
  onBudgetText,
}: {
  scenario: Scenario
  draft: ScenarioDraft
  /** Held by the decision tools: the 12-month projection draws the same budget. */
  budgetText: string
  onBudgetText: (text: string) => void
}) {
  const money = useMoney()
  const budget = parseTypedNumber(budgetText)
  const blank = budgetText.trim() === ''
  const book = usePriceBook()
  const result = useMemo(
    () => (blank ? null : budgetCap(scenario, budget, book)),
    [scenario, budget, blank, book],
  )
  const applyFix = useApplyFix()
  const heading = useRef<HTMLHeadingElement>(null)
  const budgetError =
    result && !result.ok ? result.errors.find((e) => e.path === 'budgetUsd')?.message : undefined

  return (
    <Panel
      title="Budget cap"
      headingRef={heading}
      lede="How many jobs a monthly budget pays for, and single changes that bring the plan within it."
    >
      <div className="grid">
        <NumberField
          label="Monthly budget (USD)"
          value={budget}
          text={budgetText}
          unit="USD"
          error={budgetError}
          hint="Kept while this page is open; not saved with the worksheet."
          onType={onBudgetText}
        />
      </div>
      {result === null ? (
        <p className="empty">Type a budget to see what fits.</p>
      ) : !result.ok ? (
        !budgetError && <FailureList errors={result.errors} />
      ) : (
        <>
          <div className="figures panel-figures">
            <Figure
              label="Most jobs a month within budget"
              value={
                result.maxJobsPerMonth === null ? 'Any number' : formatCount(result.maxJobsPerMonth)
              }
              note={
                result.maxJobsPerMonth === null
                  ? 'A job costs nothing as entered.'
                  : `at ${money.format(result.costPerJobUsd)} a job; the plan has ${formatCount(scenario.jobsPerMonth)}`
              }
            />
            <Figure
              label={result.withinBudget ? 'Headroom' : 'Over budget by'}
              value={money.format(result.withinBudget ? result.headroomUsd : result.overrunUsd)}
              tone={result.withinBudget ? 'good' : 'bad'}
              note={`plan ${money.format(result.monthlyCostUsd)} against ${money.format(result.budgetUsd)}`}
            />
          </div>
          {result.changes.length > 0 && (
            <TableScroll label="Single changes table">
              <table className="panel-table changes">
                <caption>Single changes that lower the cost, those that fit first</caption>
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">New cost a month</th>
                    <th scope="col">Fits budget</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.changes.map((c) => (
                    <tr key={`${c.kind}-${c.stageIndex ?? 'all'}`}>
                      <th scope="row">{c.description}</th>
                      <td>
                        {money.format(c.newMonthlyCostUsd)}
                        <span className="delta down">saves {money.format(c.savingsUsd)}</span>
                      </td>
                      <td>
                        <span className={c.fits ? 'tag good' : 'tag bad'}>
                          {c.fits ? 'Yes' : 'No'}
                        </span>
                      </td>
                      <td>
                        <button
                          type="button"
                          // Named with its change: a column of buttons all called "Apply" cannot be told apart.
                          aria-label={`Apply: ${c.description}`}
                          onClick={() => {
                            applyFix(c.fix, draft)
                            heading.current?.focus()
                          }}
                        >
                          Apply
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {result.changes.length > 0 && (
            <p className="hint">Each change is one step: Undo (Ctrl+Z) takes it back.</p>
          )}
        </>
      )}
    </Panel>
  )
})
