import { memo, useMemo } from 'react'
import { quotaExposure } from '../../domain/decisions/quotas'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { formatCount } from '../../format/number'
import { useWorksheet } from '../../store/worksheet'
import type { WorksheetState } from '../../store/worksheet'
import { NumberField } from '../ui/NumberField'
import { FailureList } from '../ui/FailureList'
import { Figure } from '../ui/Figure'
import { Panel } from '../ui/Panel'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'

const active = (s: WorksheetState): ScenarioDraft | undefined =>
  s.scenarios.find((d) => d.id === s.activeId) ?? s.scenarios[0]

/**
 * The quota fields follow the store at once (what is typed shows as it is
 * typed); the figures trail them. Each selector picks one primitive, so typing
 * elsewhere in the worksheet does not redraw these fields.
 */
function QuotaFields({ errors }: { errors: ReadonlyMap<string, string> }) {
  const users = useWorksheet((s) => active(s)?.usersPerMonth)
  const usersText = useWorksheet((s) => active(s)?.text?.usersPerMonth)
  const quota = useWorksheet((s) => active(s)?.maxImagesPerUser)
  const quotaText = useWorksheet((s) => active(s)?.text?.maxImagesPerUser)
  const typeNumber = useWorksheet((s) => s.typeScenarioNumber)
  return (
    <div className="grid">
      <NumberField
        label="Users per month"
        // Unset and cleared (stored as NaN) both show an empty box.
        value={users ?? Number.NaN}
        text={usersText}
        error={errors.get('usersPerMonth')}
        hint="People who can trigger generation. Leave empty if unknown."
        onType={(t) => {
          typeNumber('usersPerMonth', t)
        }}
      />
      <NumberField
        label="Max images per user per month"
        value={quota ?? Number.NaN}
        text={quotaText}
        error={errors.get('maxImagesPerUser')}
        hint="Billed images, retries included: what an API-side counter sees. Empty means no quota."
        onType={(t) => {
          typeNumber('maxImagesPerUser', t)
        }}
      />
    </div>
  )
}

export const QuotaPanel = memo(function QuotaPanel({ scenario }: { scenario: Scenario }) {
  const money = useMoney()
  const book = usePriceBook()
  const result = useMemo(() => quotaExposure(scenario, book), [scenario, book])
  const fieldErrors = useMemo(() => {
    const m = new Map<string, string>()
    if (!result.ok) for (const e of result.errors) if (!m.has(e.path)) m.set(e.path, e.message)
    return m
  }, [result])
  const otherErrors = result.ok
    ? []
    : result.errors.filter((e) => e.path !== 'usersPerMonth' && e.path !== 'maxImagesPerUser')

  return (
    <Panel
      title="Quotas"
      lede="What one month could cost if every user spent their whole quota. One user regenerating endlessly is how budgets run away."
    >
      <QuotaFields errors={fieldErrors} />
      {!result.ok ? (
        otherErrors.length > 0 && <FailureList errors={otherErrors} />
      ) : (
        <>
          <div className="figures panel-figures">
            <Figure
              label="Worst case a month"
              value={
                result.worstCaseMonthlyUsd === null
                  ? result.hasQuota
                    ? '—'
                    : 'Unbounded'
                  : money.format(result.worstCaseMonthlyUsd)
              }
              tone={result.hasQuota ? undefined : 'bad'}
              note={
                result.worstCaseImages !== null && result.worstCaseOverPlanUsd !== null
                  ? `${formatCount(result.worstCaseImages)} images; ${money.format(Math.abs(result.worstCaseOverPlanUsd))} ${result.worstCaseOverPlanUsd >= 0 ? 'over' : 'under'} the plan's ${money.format(result.plannedMonthlyUsd)}`
                  : undefined
              }
            />
            <Figure
              label="Priced per quota image"
              value={money.format(result.costPerImageUsd)}
              note={
                result.costPerImageStageName === null
                  ? undefined
                  : `the dearest stage, "${result.costPerImageStageName}", one image`
              }
            />
            {result.plannedImagesPerUser !== null && (
              <Figure
                label="Planned images per user"
                value={formatCount(result.plannedImagesPerUser)}
                note="billed images the plan expects per user a month"
              />
            )}
          </div>
          {result.issues.length > 0 && (
            <ul className="decision-warnings">
              {result.issues.map((issue) => (
                <li key={issue.kind} className={issue.kind === 'noQuota' ? 'warning' : 'note'}>
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  )
})
