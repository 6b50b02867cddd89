import { useMemo, useState } from 'react'
import { isUsableBudget } from '../../domain/decisions/budgetCap'
import { parseTypedNumber } from '../../io/numberInput'
import { activeDraftOf, resultFor } from '../../store/hooks'
import { useWorksheetAfterPaint } from '../../store/afterPaint'
import { usePriceBook } from '../../store/priceBook'
import { useSettledValue } from '../ui/useSettledValue'
import { BudgetCapPanel } from './BudgetCapPanel'
import { BudgetChecksPanel } from './BudgetChecksPanel'
import { FailureList } from '../ui/FailureList'
import { ModelComparisonPanel } from './ModelComparisonPanel'
import { QuotaPanel } from './QuotaPanel'
import { decisionScenario } from '../../domain/draft'
import { localIsoDate } from './scenario'
import { SensitivityPanel } from './SensitivityPanel'
import { UncertaintyPanel } from './UncertaintyPanel'
import { LongName } from '../ui/LongName'
import { YearPanel } from './YearPanel'
import { scenarioFullTitle } from '../ui/names'
import './decisions.css'

const SETTLE_MS = 250

/**
 * The decision tools for the scenario being edited. They follow the worksheet
 * once typing pauses, as the compare charts do: redrawn on every keystroke
 * (even deferred), they made the slowest keystrokes nearly twice as slow
 * (bench: p95 keydown-to-paint 15 ms without them, 26-28 ms with them).
 */
export default function DecisionPanels() {
  // Not in the keystroke's own render at all: taken after its paint, then once typing pauses.
  const draft = useSettledValue(useWorksheetAfterPaint(activeDraftOf), SETTLE_MS)
  const scenario = useMemo(() => decisionScenario(draft), [draft])
  const result = resultFor(draft, usePriceBook())
  // Read once a render: a page left open past midnight picks up the new date on the next edit.
  const today = localIsoDate(new Date())
  // Not part of the worksheet: a budget is a question asked of a scenario, not one of its
  // inputs. The budget cap reads it and the 12-month projection draws it.
  const [budgetText, setBudgetText] = useState('')
  const budgetUsd = useMemo(() => {
    const value = parseTypedNumber(budgetText)
    return budgetText.trim() !== '' && isUsableBudget(value) ? value : null
  }, [budgetText])

  return (
    <>
      <p className="muted decisions-for">
        For the scenario being edited:{' '}
        <strong>
          <LongName text={scenarioFullTitle(draft.name)} />
        </strong>
      </p>
      {!result.ok ? (
        <div className="card">
          <FailureList errors={result.errors} />
        </div>
      ) : (
        <div className="panel-grid">
          <div className="decision-column">
            <BudgetChecksPanel scenario={scenario} draft={draft} today={today} />
            <QuotaPanel scenario={scenario} />
          </div>
          <BudgetCapPanel
            scenario={scenario}
            draft={draft}
            budgetText={budgetText}
            onBudgetText={setBudgetText}
          />
          <YearPanel scenario={scenario} budgetUsd={budgetUsd} />
          <ModelComparisonPanel scenario={scenario} />
          <SensitivityPanel scenario={scenario} />
          <UncertaintyPanel scenario={scenario} draft={draft} />
        </div>
      )}
    </>
  )
}
