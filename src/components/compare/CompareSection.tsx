import { lazy, memo, Suspense, useDeferredValue, useId, useMemo } from 'react'
import { toScenario } from '../../domain/draft'
import { useComparedSet } from '../../store/compare'
import { useWorksheet } from '../../store/worksheet'
import { CompareTable } from './CompareTable'
import { PrintMemo } from './PrintMemo'
import { scenarioTitle } from '../ui/names'
import { useSettledValue } from '../ui/useSettledValue'
import './compare.css'

// memo: a re-render of this section with unchanged chart data must not redraw recharts.
const Charts = memo(lazy(() => import('./Charts')))
const CHART_SETTLE_MS = 250
const MemoTable = memo(CompareTable)

export function CompareSection() {
  const scenarios = useWorksheet((s) => s.scenarios)
  const excluded = useWorksheet((s) => s.compareExcluded)
  const setCompared = useWorksheet((s) => s.setCompared)
  const setBaseline = useWorksheet((s) => s.setBaseline)
  // The table trails a keystroke by a frame: the worksheet's own total paints first.
  const compared = useDeferredValue(useComparedSet())
  // Charts follow once typing pauses, so a keystroke never waits for them.
  const deferred = useSettledValue(compared, CHART_SETTLE_MS)
  const chartScenarios = useMemo(() => deferred.drafts.map(toScenario), [deferred.drafts])
  const baselineId = useId()
  const baseline = compared.drafts[compared.table.baselineIndex]

  return (
    <section className="compare" aria-labelledby="compare-h" id="compare">
      <div className="compare-head">
        <h2 id="compare-h">Compare scenarios</h2>
        <button
          type="button"
          onClick={() => {
            window.print()
          }}
        >
          Print budget memo
        </button>
      </div>
      <div className="card compare-controls">
        <fieldset className="plain">
          <legend>Scenarios in the comparison</legend>
          <div className="checks">
            {scenarios.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={!excluded.includes(d.id)}
                  onChange={(e) => {
                    setCompared(d.id, e.target.checked)
                  }}
                />
                {scenarioTitle(d.name)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={baselineId}>Baseline</label>
          <select
            id={baselineId}
            value={baseline?.id ?? ''}
            onChange={(e) => {
              setBaseline(e.target.value)
            }}
          >
            {compared.drafts.map((d) => (
              <option key={d.id} value={d.id}>
                {scenarioTitle(d.name)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {compared.drafts.length === 0 ? (
        <p className="card empty">Tick at least one scenario to compare.</p>
      ) : (
        <>
          <div className="card">
            <MemoTable table={compared.table} />
          </div>
          <PrintMemo drafts={compared.drafts} />
          <Suspense fallback={<p className="card muted">Loading charts…</p>}>
            <Charts outcomes={deferred.outcomes} scenarios={chartScenarios} />
          </Suspense>
        </>
      )}
    </section>
  )
}
