import { memo, useMemo, useRef } from 'react'
import { budgetChecks } from '../../domain/decisions/budgetChecks'
import type { BudgetCheck } from '../../domain/decisions/budgetChecks'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { FailureList } from '../ui/FailureList'
import { describeFix, useApplyFix } from './fixes'
import { Panel } from '../ui/Panel'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'
import type { Money } from '../currency/useMoney'

function costChange(delta: number | null, money: Money): string | null {
  if (delta === null) return null
  if (delta === 0) return 'no change to the monthly cost'
  return delta < 0
    ? `saves ${money.format(-delta)} a month`
    : `adds ${money.format(delta)} a month: a more honest budget`
}

export const BudgetChecksPanel = memo(function BudgetChecksPanel({
  scenario,
  draft,
  today,
}: {
  scenario: Scenario
  draft: ScenarioDraft
  /** YYYY-MM-DD: passed in so the checks never read the clock themselves. */
  today: string
}) {
  const money = useMoney()
  const book = usePriceBook()
  const result = useMemo(() => budgetChecks(scenario, book, { today }), [scenario, book, today])
  const applyFix = useApplyFix()
  const heading = useRef<HTMLHeadingElement>(null)

  const item = (check: BudgetCheck, i: number) => {
    const fix = check.fix
    const change = costChange(check.monthlyCostDeltaUsd, money)
    return (
      <li key={`${check.kind}-${check.path}-${i}`} className="check-item">
        <p>{check.message}</p>
        <div className="check-actions">
          {fix && (
            <button
              type="button"
              onClick={() => {
                applyFix(fix, draft)
                heading.current?.focus()
              }}
            >
              Fix: {describeFix(fix, draft)}
            </button>
          )}
          {change && <span className="hint">{change}</span>}
          {check.sourceUrl && (
            <a href={check.sourceUrl} target="_blank" rel="noreferrer">
              OpenAI pricing page<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </div>
      </li>
    )
  }

  return (
    <Panel
      title="Budget checks"
      headingRef={heading}
      lede="Common pricing mistakes, checked against this scenario."
    >
      {!result.ok ? (
        <FailureList errors={result.errors} />
      ) : result.checks.length === 0 ? (
        <p className="empty">No common mistake found in this scenario.</p>
      ) : (
        <ul className="checks-list">{result.checks.map(item)}</ul>
      )}
    </Panel>
  )
})
