import { useDeferredValue, useMemo } from 'react'
import { resultFor, useActiveDraft } from '../../store/hooks'
import { useSettledValue } from '../compare/useSettledValue'
import { BudgetCapPanel } from './BudgetCapPanel'
import { BudgetChecksPanel } from './BudgetChecksPanel'
import { FailureList } from './FailureList'
import { ModelComparisonPanel } from './ModelComparisonPanel'
import { QuotaPanel } from './QuotaPanel'
import { decisionScenario, localIsoDate } from './scenario'
import { SensitivityPanel } from './SensitivityPanel'
import { UncertaintyPanel } from './UncertaintyPanel'

const CHART_SETTLE_MS = 250

/**
 * Decision tools for the scenario being edited. They trail typing: the
 * worksheet's own total paints first (deferred), and the tornado chart, which
 * prices every input twice and redraws recharts, waits until typing pauses.
 */
export function DecisionTools() {
  const draft = useDeferredValue(useActiveDraft())
  const scenario = useMemo(() => decisionScenario(draft), [draft])
  const settledScenario = useSettledValue(scenario, CHART_SETTLE_MS)
  const result = resultFor(draft)
  // Read once a render: a page left open past midnight picks up the new date on the next edit.
  const today = localIsoDate(new Date())

  return (
    <section className="decisions" aria-labelledby="decisions-h" id="decisions">
      <div className="decisions-head">
        <h2 id="decisions-h">Decision tools</h2>
        <p className="muted">
          For the scenario being edited: <strong>{draft.name || 'Untitled scenario'}</strong>
        </p>
      </div>
      {!result.ok ? (
        <div className="card">
          <FailureList errors={result.errors} />
        </div>
      ) : (
        <div className="decision-grid">
          <div className="decision-column">
            <BudgetChecksPanel scenario={scenario} draft={draft} today={today} />
            <QuotaPanel scenario={scenario} />
          </div>
          <BudgetCapPanel scenario={scenario} draft={draft} />
          <ModelComparisonPanel scenario={scenario} />
          <SensitivityPanel scenario={settledScenario} />
          <UncertaintyPanel scenario={scenario} draft={draft} />
        </div>
      )}
    </section>
  )
}
