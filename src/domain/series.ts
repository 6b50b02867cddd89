import type { ScenarioOutcome } from './compare'
import { alignStages } from './compare'
import { computeScenario, METER_LABELS } from './engine'
import type { ByMeter, Meter, Scenario, ScenarioResult, StageResult } from './model'
import { METERS } from './model'
import type { PriceBook } from './priceBook'
import type { Usd } from './units'
import { JOBS_RULE } from './validate'

// Chart rows are flat objects keyed by synthetic ids (stage0, scenario1…):
// recharts reads a string dataKey as a property path, so a stage named
// "v1.2" or "Hero [wide]" must never become a key itself.

/** One plotted series: the row property it reads, and the name people see. */
export interface SeriesKey<K extends string = string> {
  key: K
  label: string
}

/** A scenario a chart leaves out, with the sentence the UI shows for it. */
export interface ExcludedScenario {
  scenarioIndex: number
  scenarioName: string
  reason: string
}

function incompleteReason(result: Extract<ScenarioResult, { ok: false }>): string {
  const first = result.errors[0]
  if (!first) return 'Incomplete: some inputs cannot be computed.'
  const count = result.errors.length
  return count === 1
    ? `Incomplete: ${first.message}`
    : `Incomplete, ${count} fields to fix. First: ${first.message}`
}

/**
 * Each complete scenario with its chart factor (see `costView`), or the
 * reason it is left out: field errors, or no figure in the chosen view.
 */
function scaledOutcomes(
  outcomes: readonly ScenarioOutcome[],
  scales: readonly (number | null)[] | undefined,
  excluded: ExcludedScenario[],
): { scenarioIndex: number; name: string; result: Totals; factor: number }[] {
  const kept: { scenarioIndex: number; name: string; result: Totals; factor: number }[] = []
  outcomes.forEach(({ name, result }, scenarioIndex) => {
    if (!result.ok) {
      excluded.push({ scenarioIndex, scenarioName: name, reason: incompleteReason(result) })
      return
    }
    const factor = scales ? (scales[scenarioIndex] ?? null) : 1
    if (factor === null) {
      excluded.push({
        scenarioIndex,
        scenarioName: name,
        reason: 'No figure in this view (no jobs, or no delivered image).',
      })
      return
    }
    kept.push({ scenarioIndex, name, result, factor })
  })
  return kept
}

type Totals = Extract<ScenarioResult, { ok: true }>

const times = (usd: Usd, factor: number): Usd => (usd * factor) as Usd

export type StageSeriesKey = `stage${number}`

/** One bar: a scenario's monthly cost in USD per aligned stage (a key is absent when the scenario lacks that stage). */
export interface StageStackRow {
  scenarioIndex: number
  scenarioName: string
  [stage: StageSeriesKey]: Usd
}

export interface StageStackChart {
  rows: StageStackRow[]
  /** Stages lined up by name across scenarios, as in the compare table. */
  series: SeriesKey<StageSeriesKey>[]
  excluded: ExcludedScenario[]
}

/**
 * Monthly cost in USD per scenario, stacked by stage: one row per complete
 * scenario, one key per stage name (see `alignStages`). `scales` (from
 * `costView`) turns the monthly figures into the chosen view.
 * @example monthlyCostByStage(outcomes).rows[0]?.stage0 // USD per month of the first stage
 */
export function monthlyCostByStage(
  outcomes: readonly ScenarioOutcome[],
  scales?: readonly (number | null)[],
): StageStackChart {
  const aligned = alignStages(outcomes.map((o) => o.result))
  const rows: StageStackRow[] = []
  const excluded: ExcludedScenario[] = []
  for (const { scenarioIndex, name, factor } of scaledOutcomes(outcomes, scales, excluded)) {
    const costs = aligned.costsUsd[scenarioIndex] ?? []
    const row: StageStackRow = { scenarioIndex, scenarioName: name }
    costs.forEach((cost, slot) => {
      if (cost !== undefined) row[`stage${slot}`] = times(cost, factor)
    })
    rows.push(row)
  }
  const series = aligned.labels.map((label, slot) => ({
    key: `stage${slot}` as const,
    label,
  }))
  return { rows, series, excluded }
}

/** One bar: a scenario's monthly cost in USD per meter. */
export type MeterStackRow = { scenarioIndex: number; scenarioName: string } & ByMeter<Usd>

export interface MeterStackChart {
  rows: MeterStackRow[]
  /** Only meters some scenario spends on, so the legend does not list five zeros. */
  series: SeriesKey<Meter>[]
  excluded: ExcludedScenario[]
}

/**
 * Monthly cost in USD per scenario, stacked by billing meter: one row per
 * complete scenario, one key per meter.
 * @example monthlyCostByMeter(outcomes).rows[0]?.imageOutput // USD per month of image output
 */
export function monthlyCostByMeter(
  outcomes: readonly ScenarioOutcome[],
  scales?: readonly (number | null)[],
): MeterStackChart {
  const rows: MeterStackRow[] = []
  const excluded: ExcludedScenario[] = []
  for (const { scenarioIndex, name, result, factor } of scaledOutcomes(
    outcomes,
    scales,
    excluded,
  )) {
    const byMeter = Object.fromEntries(
      METERS.map((m) => [m, times(result.costByMeter[m], factor)]),
    ) as ByMeter<Usd>
    rows.push({ scenarioIndex, scenarioName: name, ...byMeter })
  }
  const series = METERS.filter((meter) => rows.some((row) => row[meter] > 0)).map((meter) => ({
    key: meter,
    label: METER_LABELS[meter],
  }))
  return { rows, series, excluded }
}

/** The smallest of 1, 2, 2.5, 5 x 10^k that is at least `raw`; whole numbers only. */
function niceStep(raw: number): number {
  if (raw <= 1) return 1
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  // 2.5 is left out below 10 because a jobs axis of 2.5, 5, 7.5 reads oddly.
  const multiples = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]
  for (const m of multiples) {
    if (m * magnitude >= raw) return m * magnitude
  }
  return 10 * magnitude
}

/**
 * Jobs-per-month points for a cost-against-volume chart: 0 up to at least
 * twice `maxJobsPerMonth` (capped at the largest allowed volume) in at most
 * 10 equal steps of 1, 2, 2.5 or 5 x 10^k jobs.
 * @example volumePoints(2000) // [0, 500, 1000, …, 4000] jobs per month
 */
export function volumePoints(maxJobsPerMonth: number): number[] {
  const max = Number.isNaN(maxJobsPerMonth) ? 0 : Math.max(maxJobsPerMonth, 0)
  const top = Math.min(2 * max, JOBS_RULE.max)
  // With no volume to scale from, a 0..10 axis still shows each line's slope.
  const step = top > 0 ? niceStep(top / 10) : 1
  const count = top > 0 ? Math.ceil(top / step) : 10
  return Array.from({ length: count + 1 }, (_, i) => i * step)
}

export type ScenarioSeriesKey = `scenario${number}`

/** One x position: monthly cost in USD of each scenario at this volume (null if it overflows). */
export interface VolumeRow {
  jobsPerMonth: number
  [scenario: ScenarioSeriesKey]: Usd | null
}

export interface VolumeSeriesKey extends SeriesKey<ScenarioSeriesKey> {
  scenarioIndex: number
  /** Where the scenario stands today, for a marker on its line. */
  currentJobsPerMonth: number
  currentMonthlyCostUsd: Usd
}

export interface VolumeChart {
  rows: VolumeRow[]
  series: VolumeSeriesKey[]
  excluded: ExcludedScenario[]
}

/**
 * Monthly cost in USD against jobs per month, one line per complete scenario:
 * each scenario recomputed at every point of `volumePoints` (largest current
 * volume among complete scenarios), keyed `scenario<index in input>`.
 * @example monthlyCostByVolume([presetScenario('blog-headers')], PRICE_BOOK).rows[1]?.scenario0 // USD at 100 jobs
 */
export function monthlyCostByVolume(scenarios: readonly Scenario[], book: PriceBook): VolumeChart {
  const series: VolumeSeriesKey[] = []
  const excluded: ExcludedScenario[] = []
  scenarios.forEach((scenario, scenarioIndex) => {
    const result = computeScenario(scenario, book)
    if (!result.ok) {
      excluded.push({
        scenarioIndex,
        scenarioName: scenario.name,
        reason: incompleteReason(result),
      })
      return
    }
    series.push({
      key: `scenario${scenarioIndex}`,
      label: scenario.name,
      scenarioIndex,
      currentJobsPerMonth: scenario.jobsPerMonth,
      currentMonthlyCostUsd: result.monthlyCostUsd,
    })
  })
  if (series.length === 0) return { rows: [], series, excluded }

  const maxJobs = Math.max(...series.map((s) => s.currentJobsPerMonth))
  const rows = volumePoints(maxJobs).map((jobsPerMonth) => {
    const row: VolumeRow = { jobsPerMonth }
    for (const s of series) {
      const scenario = scenarios[s.scenarioIndex] as Scenario
      const r = computeScenario({ ...scenario, jobsPerMonth }, book)
      // Only an overflow far beyond the scenario's own volume can fail here.
      row[s.key] = r.ok ? r.monthlyCostUsd : null
    }
    return row
  })
  return { rows, series, excluded }
}

/** One bar pair: a staged scenario's monthly spend in USD on drafts and on finals. */
export interface DraftFinalRow {
  scenarioIndex: number
  scenarioName: string
  draftUsd: Usd
  finalUsd: Usd
  draftStageNames: string[]
  finalStageNames: string[]
}

export interface DraftFinalChart {
  rows: DraftFinalRow[]
  series: SeriesKey<'draftUsd' | 'finalUsd'>[]
  excluded: ExcludedScenario[]
}

function sumUsd(stages: readonly StageResult[]): Usd {
  return stages.reduce((sum, s) => sum + s.costUsd, 0) as Usd
}

/**
 * Monthly draft and final spend in USD for every complete scenario with two or
 * more stages; finals are the stages that deliver final images (`finals.ts`).
 * @example draftVersusFinal(outcomes).rows[0]?.finalUsd // USD per month on final images
 */
export function draftVersusFinal(
  outcomes: readonly ScenarioOutcome[],
  scales?: readonly (number | null)[],
): DraftFinalChart {
  const rows: DraftFinalRow[] = []
  const excluded: ExcludedScenario[] = []
  for (const { scenarioIndex, name, result, factor } of scaledOutcomes(
    outcomes,
    scales,
    excluded,
  )) {
    if (result.stages.length < 2) {
      excluded.push({
        scenarioIndex,
        scenarioName: name,
        reason: 'One stage only: there is no draft step to set against the final.',
      })
      continue
    }
    const drafts = result.stages.filter((s) => !s.deliversFinal)
    const finals = result.stages.filter((s) => s.deliversFinal)
    rows.push({
      scenarioIndex,
      scenarioName: name,
      draftUsd: times(sumUsd(drafts), factor),
      finalUsd: times(sumUsd(finals), factor),
      draftStageNames: drafts.map((s) => s.name),
      finalStageNames: finals.map((s) => s.name),
    })
  }
  // In worksheet order, whichever the reason.
  excluded.sort((a, b) => a.scenarioIndex - b.scenarioIndex)
  const series: DraftFinalChart['series'] = [
    { key: 'draftUsd', label: 'Drafts' },
    { key: 'finalUsd', label: 'Finals' },
  ]
  return { rows, series, excluded }
}
