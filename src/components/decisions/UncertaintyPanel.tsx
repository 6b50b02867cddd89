import { memo, useId, useMemo, useState } from 'react'
import { stageLabel } from '../../domain/decisions/common'
import {
  autoQualityRange,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  monteCarlo,
  monteCarloTable,
} from '../../domain/decisions/monteCarlo'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import { formatCount, formatPercent, formatUsd } from '../../format/number'
import { useSettledValue } from '../compare/useSettledValue'
import { FailureList } from './FailureList'
import { Figure, Panel } from './Panel'
import type { RangeText, RangeTexts, StageRangeField } from './ranges'
import { readRanges } from './ranges'
import { downloadText, samplesCsv, samplesFileName } from './samplesCsv'

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

export const UncertaintyPanel = memo(function UncertaintyPanel({
  scenario,
  draft,
}: {
  scenario: Scenario
  draft: ScenarioDraft
}) {
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
  const result = useMemo(
    () =>
      monteCarlo(settled.scenario, settled.uncertain, {
        samples: DEFAULT_SAMPLES,
        seed: DEFAULT_SEED,
      }),
    [settled],
  )
  const auto = useMemo(() => autoQualityRange(scenario), [scenario])
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
          <div className={pending ? 'figures decision-figures stale' : 'figures decision-figures'}>
            <Figure label="P10" value={formatUsd(result.p10Usd)} note="1 month in 10 costs less" />
            <Figure label="P50 (median)" value={formatUsd(result.p50Usd)} note="half cost less" />
            <Figure label="P90" value={formatUsd(result.p90Usd)} note="1 month in 10 costs more" />
            <Figure label="As entered" value={formatUsd(result.baseCostUsd)} />
          </div>
          <p className="hint">
            {pending ? 'A range above cannot be read, so it is left out until it is fixed. ' : ''}
            {result.drawn.length === 0
              ? 'No range given yet: every sample equals the cost as entered.'
              : `${formatCount(result.sampleCount)} samples of ${result.drawn.length === 1 ? 'one input' : `${result.drawn.length} inputs`}, each drawn on its own from a triangular distribution (low, current, high), seed ${result.seed}: the same ranges always give the same figures.`}
          </p>
          <button
            type="button"
            onClick={() => {
              downloadText(
                samplesFileName(settled.scenario.name),
                samplesCsv(monteCarloTable(result)),
                'text/csv;charset=utf-8',
              )
            }}
          >
            Export samples (CSV)
          </button>
        </>
      )}
      {auto && (
        <p className="note auto-range">
          Quality auto is billed at whatever the model picks: as low,{' '}
          <strong>{formatUsd(auto.lowUsd)}</strong> a month; as high,{' '}
          <strong>{formatUsd(auto.highUsd)}</strong>.
        </p>
      )}
    </Panel>
  )
})
