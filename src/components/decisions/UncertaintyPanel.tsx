import { lazy, memo, useId, useMemo, useState } from 'react'
import { stageLabel } from '../../domain/decisions/common'
import {
  autoQualityRange,
  bandVolumes,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  monteCarlo,
  monteCarloTable,
  monteCarloVolumeBand,
} from '../../domain/decisions/monteCarlo'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { formatCount, formatCountOf, formatPercent } from '../../format/number'
import { useSettledValue } from '../ui/useSettledValue'
import { FailureList } from '../ui/FailureList'
import { Figure } from '../ui/Figure'
import { Panel } from '../ui/Panel'
import type { RangeText, RangeTexts, StageRangeField } from './ranges'
import { readRanges } from './ranges'
import { ChartWithTable } from './ChartWithTable'
import type { VolumeBandProps } from './VolumeBandChart'
import { samplesCsv, samplesFileName } from './samplesCsv'
import { downloadText } from '../ui/download'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'

// memo: redrawing recharts with unchanged data is the slow part of a re-render.
const VolumeBandChart = memo(lazy(() => import('./VolumeBandChart')))
// 10,000 samples take a few milliseconds, but they need not follow every keystroke.
const SETTLE_MS = 250
// One empty object, not a new one per render: the settled value below must keep its identity.
const NO_RANGES: RangeTexts = {}

function RangeField({
  legend,
  value,
  unit,
  error,
  onChange,
}: {
  legend: string
  value: RangeText | undefined
  unit?: string
  error: string | undefined
  onChange: (next: RangeText) => void
}) {
  const id = useId()
  const errorId = `${id}-error`
  const current = value ?? { low: '', high: '' }
  const input = (side: 'low' | 'high') => (
    <div className="field">
      <label htmlFor={`${id}-${side}`}>{side === 'low' ? 'Low' : 'High'}</label>
      <div className="input-wrap">
        <input
          id={`${id}-${side}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={current[side]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            onChange({ ...current, [side]: e.target.value })
          }}
        />
        {unit && (
          <span className="unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
    </div>
  )
  return (
    <fieldset className={error ? 'range invalid' : 'range'}>
      <legend>{legend}</legend>
      <div className="range-inputs">
        {input('low')}
        {input('high')}
      </div>
      {error && (
        <p id={errorId} className="error-text">
          {error}
        </p>
      )}
    </fieldset>
  )
}

/** The P10 to P90 band against job volume, with every plotted value in a table. */
function VolumeBand({ points, jobsRange, planJobs }: VolumeBandProps) {
  const money = useMoney()
  const title = 'Monthly cost as job volume grows, P10 to P90'
  // Only jobs per month uncertain: at any one volume the cost is known, so the band has no width.
  const flat = points.every((p) => p.p10Usd === p.p90Usd)
  return (
    <ChartWithTable
      title={title}
      hint={
        <>
          {money.code} per month against jobs per month. Shaded: the middle 80% of sampled costs at
          each volume (P10 to P90); dashed: the median (P50); solid: the plan as entered.
          {jobsRange &&
            ` The orange span is the jobs range, ${formatCount(jobsRange.low)} to ${formatCount(jobsRange.high)}: volume is this chart's axis, so that range is shown along it and left out of the band (which is why the plan's row differs from the figures above).`}
          {flat &&
            ' No other range is given, so at any one volume the cost is known and the band is a line.'}
        </>
      }
      description={`${title}.`}
      tableLabel="Cost by volume table"
      chart={<VolumeBandChart points={points} jobsRange={jobsRange} planJobs={planJobs} />}
      table={
        <table className="panel-table">
          <caption>Monthly cost in {money.code} at each volume, other ranges sampled</caption>
          <thead>
            <tr>
              <th scope="col">Jobs per month</th>
              <th scope="col">P10</th>
              <th scope="col">P50 (median)</th>
              <th scope="col">P90</th>
              <th scope="col">As entered</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => {
              const plan = p.jobsPerMonth === planJobs
              return (
                <tr key={p.jobsPerMonth} className={plan ? 'current' : undefined}>
                  <th scope="row">
                    {formatCount(p.jobsPerMonth)}
                    {plan && ' (plan)'}
                  </th>
                  <td>{money.format(p.p10Usd)}</td>
                  <td>{money.format(p.p50Usd)}</td>
                  <td>{money.format(p.p90Usd)}</td>
                  <td>{money.format(p.baseUsd)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      }
    />
  )
}

export const UncertaintyPanel = memo(function UncertaintyPanel({
  scenario,
  draft,
}: {
  scenario: Scenario
  draft: ScenarioDraft
}) {
  const money = useMoney()
  // Per scenario, so switching scenarios does not carry one plan's ranges to another.
  const [byScenario, setByScenario] = useState<Record<string, RangeTexts>>({})
  const texts = byScenario[draft.id] ?? NO_RANGES
  const update = (next: RangeTexts) => {
    setByScenario((all) => ({ ...all, [draft.id]: next }))
  }
  const setStageRange = (stageId: string, field: StageRangeField, value: RangeText) => {
    update({
      ...texts,
      stages: { ...texts.stages, [stageId]: { ...texts.stages?.[stageId], [field]: value } },
    })
  }

  const read = useMemo(() => readRanges(texts, scenario, draft), [texts, scenario, draft])
  const settled = useSettledValue(
    useMemo(() => ({ scenario, uncertain: read.uncertain }), [scenario, read.uncertain]),
    SETTLE_MS,
  )
  const book = usePriceBook()
  const result = useMemo(
    () =>
      monteCarlo(settled.scenario, settled.uncertain, book, {
        samples: DEFAULT_SAMPLES,
        seed: DEFAULT_SEED,
      }),
    [settled, book],
  )
  // Only once a range is given: with none, the band would be the plan's own line drawn twice.
  // Follows the settled ranges, like the figures, so typing never waits for it.
  const band = useMemo(() => {
    if (!result.ok || result.drawn.length === 0) return null
    const { scenario: s, uncertain } = settled
    return monteCarloVolumeBand(
      s,
      uncertain,
      book,
      bandVolumes(s.jobsPerMonth, uncertain.jobsPerMonth),
      { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED },
    )
  }, [result, settled, book])
  const auto = useMemo(() => autoQualityRange(scenario, book), [scenario, book])
  const pending = read.errors.size > 0

  return (
    <Panel
      title="Uncertainty"
      className="wide"
      lede="Give a low and a high for what you are unsure of; the current value is taken as the most likely. Leave a pair empty to keep that input as entered."
    >
      <div className="ranges">
        <RangeField
          legend={`Jobs per month (now ${formatCount(scenario.jobsPerMonth)})`}
          value={texts.jobsPerMonth}
          error={read.errors.get('jobsPerMonth')}
          onChange={(v) => {
            update({ ...texts, jobsPerMonth: v })
          }}
        />
        {draft.stages.map((stage, i) => {
          const s = scenario.stages[i]
          if (!s) return null
          const name = stageLabel(s, i)
          return (
            <div key={stage.id} className="range-pair">
              <RangeField
                legend={`${name} · Retry multiplier (now ${formatCount(s.retryMultiplier)})`}
                value={texts.stages?.[stage.id]?.retryMultiplier}
                unit="×"
                error={read.errors.get(`stages.${i}.retryMultiplier`)}
                onChange={(v) => {
                  setStageRange(stage.id, 'retryMultiplier', v)
                }}
              />
              <RangeField
                legend={`${name} · Reach share (now ${formatPercent(s.reachShare)})`}
                value={texts.stages?.[stage.id]?.reachShare}
                unit="%"
                error={read.errors.get(`stages.${i}.reachShare`)}
                onChange={(v) => {
                  setStageRange(stage.id, 'reachShare', v)
                }}
              />
            </div>
          )
        })}
      </div>
      <p className="hint">
        These ranges are kept while this page is open; they are not saved with the worksheet.
      </p>

      {!result.ok ? (
        <FailureList errors={result.errors} />
      ) : (
        <>
          <div className={pending ? 'figures panel-figures stale' : 'figures panel-figures'}>
            <Figure
              label="P10"
              value={money.format(result.p10Usd)}
              note="1 month in 10 costs less"
            />
            <Figure
              label="P50 (median)"
              value={money.format(result.p50Usd)}
              note="half cost less"
            />
            <Figure
              label="P90"
              value={money.format(result.p90Usd)}
              note="1 month in 10 costs more"
            />
            <Figure label="As entered" value={money.format(result.baseCostUsd)} />
          </div>
          <p className="hint">
            {pending ? 'A range above cannot be read, so it is left out until it is fixed. ' : ''}
            {result.drawn.length === 0
              ? 'No range given yet: every sample equals the cost as entered.'
              : `${formatCount(result.sampleCount)} samples of ${result.drawn.length === 1 ? 'one input' : formatCountOf(result.drawn.length, 'input')}, each drawn on its own from a triangular distribution (low, current, high), seed ${result.seed}: the same ranges always give the same figures.`}
          </p>
          <button
            type="button"
            onClick={() => {
              downloadText({
                fileName: samplesFileName(settled.scenario.name),
                text: samplesCsv(monteCarloTable(result)),
              })
            }}
          >
            Export samples (CSV)
          </button>
          {band &&
            (band.ok ? (
              <VolumeBand
                points={band.points}
                jobsRange={settled.uncertain.jobsPerMonth}
                planJobs={settled.scenario.jobsPerMonth}
              />
            ) : (
              <FailureList errors={band.errors} />
            ))}
        </>
      )}
      {auto && (
        <p className="note auto-range">
          Quality auto is billed at whatever the model picks: as low,{' '}
          <strong>{money.format(auto.lowUsd)}</strong> a month; as high,{' '}
          <strong>{money.format(auto.highUsd)}</strong>.
        </p>
      )}
    </Panel>
  )
})
