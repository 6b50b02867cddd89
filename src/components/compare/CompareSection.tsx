import { lazy, memo, Suspense, useId, useMemo, useState } from 'react'
import { assumptionRows } from '../../domain/compare'
import {
  comparedIds,
  isShowCosts,
  MAX_COMPARED,
  SHOW_COSTS,
  SHOW_COSTS_LABELS,
} from '../../domain/compareSet'
import { toScenario } from '../../domain/draft'
import { PREPARED_BY_MAX } from '../../io/persisted'
import { useDeferredComparedSet } from '../../store/compare'
import { useScenarioNames } from '../../store/hooks'
import { useWorksheet } from '../../store/worksheet'
import { CompareTable } from './CompareTable'
import { PrintMemo } from './PrintMemo'
import { LongName } from '../ui/LongName'
import { scenarioFullTitle, scenarioTitle, shortName } from '../ui/names'
import { ScenarioFinder } from '../scenarios/ScenarioFinder'
import { useScenarioPage } from '../scenarios/useScenarioPage'
import { HoldsFocusBelow } from '../ui/HoldsFocusBelow'
import { useSettledValue } from '../ui/useSettledValue'
import './compare.css'

// memo: a re-render of this section with unchanged chart data must not redraw recharts.
const Charts = memo(lazy(() => import('./Charts')))
const CHART_SETTLE_MS = 250
const MemoTable = memo(CompareTable)
// The memo is on paper only, and formats a date and every figure: not again on each keystroke.
const MemoPrint = memo(PrintMemo)

export function CompareSection() {
  // Names and ids only: the checkboxes are not redrawn for each number typed.
  const scenarios = useScenarioNames()
  const excluded = useWorksheet((s) => s.compareExcluded)
  const setCompared = useWorksheet((s) => s.setCompared)
  const setBaseline = useWorksheet((s) => s.setBaseline)
  const compareAllPresets = useWorksheet((s) => s.compareAllPresets)
  const show = useWorksheet((s) => s.showCosts)
  const setShowCosts = useWorksheet((s) => s.setShowCosts)
  const preparedBy = useWorksheet((s) => s.preparedBy)
  const setPreparedBy = useWorksheet((s) => s.setPreparedBy)
  const authorId = useId()
  // The table trails a keystroke by a frame, and is derived then: the worksheet's own total
  // paints first.
  const compared = useDeferredComparedSet()
  // Charts follow once typing pauses, so a keystroke never waits for them.
  const deferred = useSettledValue(compared, CHART_SETTLE_MS)
  // Charts measure every label they draw: a name of megabytes took them seconds. Shortened here.
  const chartScenarios = useMemo(
    () => deferred.drafts.map((d) => ({ ...toScenario(d), name: shortName(d.name) })),
    [deferred.drafts],
  )
  const chartOutcomes = useMemo(
    () => deferred.outcomes.map((o) => ({ ...o, name: shortName(o.name) })),
    [deferred.outcomes],
  )
  const assumptions = useMemo(
    () => assumptionRows(compared.drafts.map(toScenario)),
    [compared.drafts],
  )
  const comparedSet = useMemo(
    () =>
      new Set(
        comparedIds(
          scenarios.map((d) => d.id),
          excluded,
        ),
      ),
    [scenarios, excluded],
  )
  // The checkbox whose tick was refused, to explain the limit beside it.
  const [refused, setRefused] = useState<string | null>(null)
  const baselineId = useId()
  const showId = useId()
  const limitId = useId()
  const baseline = compared.drafts[compared.table.baselineIndex]
  // Thousands of checkboxes redrawn on every keystroke cost seconds: a long list is paged.
  const pager = useScenarioPage(scenarios)

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
          <p className="muted small">At most {MAX_COMPARED} are compared at once.</p>
          <ScenarioFinder
            pager={pager}
            label="Find a scenario to compare"
            noun="scenarios to compare"
          />
          <div className="checks">
            {pager.items.map((d) => (
              <span key={d.id} className="check-wrap">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={comparedSet.has(d.id)}
                    aria-describedby={refused === d.id ? limitId : undefined}
                    onChange={(e) => {
                      const ok = setCompared(d.id, e.target.checked)
                      setRefused(ok ? null : d.id)
                    }}
                  />
                  <LongName text={scenarioFullTitle(d.name)} />
                </label>
                {refused === d.id && (
                  <span id={limitId} className="hint warn" role="alert">
                    {MAX_COMPARED} scenarios are compared already, the most the table and charts can
                    show legibly. Untick one to compare this one.
                  </span>
                )}
              </span>
            ))}
          </div>
          <button
            type="button"
            onClick={() => {
              setRefused(null)
              compareAllPresets()
            }}
          >
            Compare all presets
          </button>
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
        <div className="field">
          <label htmlFor={showId}>Show costs</label>
          <select
            id={showId}
            value={show}
            onChange={(e) => {
              if (isShowCosts(e.target.value)) setShowCosts(e.target.value)
            }}
          >
            {SHOW_COSTS.map((v) => (
              <option key={v} value={v}>
                {SHOW_COSTS_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={authorId}>Prepared by</label>
          <input
            id={authorId}
            type="text"
            value={preparedBy}
            maxLength={PREPARED_BY_MAX}
            placeholder="Optional, printed on the memo"
            onChange={(e) => {
              setPreparedBy(e.target.value)
            }}
          />
        </div>
      </div>
      {compared.drafts.length === 0 ? (
        <p className="card empty">Tick at least one scenario to compare.</p>
      ) : (
        <>
          <MemoPrint drafts={compared.drafts} outcomes={compared.outcomes} />
          <div className="card">
            <MemoTable table={compared.table} assumptions={assumptions} unit={compared.view.unit} />
          </div>
          <HoldsFocusBelow>
            <Suspense fallback={<p className="card muted">Loading charts…</p>}>
              <Charts
                outcomes={chartOutcomes}
                scenarios={chartScenarios}
                scales={deferred.view.scales}
                unit={deferred.view.unit}
              />
            </Suspense>
          </HoldsFocusBelow>
        </>
      )}
    </section>
  )
}
