import { computeScenario } from '../engine'
import type { FieldError, Scenario } from '../model'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'
import type { NumberRule } from '../validate'
import { JOBS_RULE, STAGE_RULES } from '../validate'
import { volumePoints } from '../series'
import type { DecisionFailure } from './common'
import { isFiniteNumber, stageLabel, withStage } from './common'
import { mulberry32, quantileSorted, triangular } from './sampling'

/** Low and high ends of an uncertain input, in the input's own unit. */
export interface InputRange {
  low: number
  high: number
}

/** Uncertain inputs of one stage; an absent range means the value is known. */
export interface StageRanges {
  retryMultiplier?: InputRange
  reachShare?: InputRange
}

/**
 * What is uncertain. Ranges are per stage (by index) because retry rates and
 * approval rates differ by stage: drafts are thrown away freely, finals are
 * not. A UI offering one scenario-wide range fills every stage with it.
 * Each drawn input is independent of the others.
 */
export interface UncertainInputs {
  jobsPerMonth?: InputRange
  stages?: readonly (StageRanges | undefined)[]
}

export interface MonteCarloOptions {
  /** Number of samples, a whole number 1..1,000,000; default 10,000. */
  samples?: number
  /** PRNG seed (any integer, taken mod 2^32); default 1. The same seed gives the same samples. */
  seed?: number
}

/** One drawn input across all samples, in draw order: a CSV column. */
export interface DrawnColumn {
  /** Dotted path, e.g. 'stages.1.retryMultiplier'. */
  id: string
  label: string
  values: Float64Array
}

export const DEFAULT_SAMPLES = 10_000
export const DEFAULT_SEED = 1
const MAX_SAMPLES = 1_000_000

export type MonteCarloResult =
  | {
      ok: true
      /** Triangular between low and high with the scenario's current value as the mode. */
      distribution: 'triangular'
      seed: number
      sampleCount: number
      /** Monthly cost (USD) with every input at its current value. */
      baseCostUsd: Usd
      /** Percentiles of monthly cost, USD (linear interpolation between order statistics). */
      p10Usd: Usd
      p50Usd: Usd
      p90Usd: Usd
      meanUsd: Usd
      minUsd: Usd
      maxUsd: Usd
      /** Monthly cost of each sample, USD, in draw order (not sorted). */
      samplesUsd: Float64Array
      /** The inputs drawn for each sample, one column per uncertain input. */
      drawn: DrawnColumn[]
      /**
       * Quality auto as a range: monthly cost (USD) with every auto stage billed
       * as low, and as high. Null when no stage asks for auto.
       */
      autoQualityRange: { lowUsd: Usd; highUsd: Usd } | null
    }
  | DecisionFailure

/** An uncertain input, resolved: where to draw it from and where to keep the draws. */
interface Draw {
  id: string
  label: string
  low: number
  mode: number
  high: number
}

function rangeError(
  path: string,
  label: string,
  range: InputRange,
  current: number,
  rule: NumberRule,
): FieldError | null {
  const { low, high } = range
  const problem = (message: string): FieldError => ({ path, field: path, message })
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) {
    return problem(`${label}: low and high must both be numbers.`)
  }
  if (low < rule.min || high > rule.max) {
    return problem(`${label}: the range must lie within ${rule.min} to ${rule.max}.`)
  }
  if (!(low <= current && current <= high)) {
    return problem(
      `${label}: the range ${low} to ${high} must include the current value ${current}, the most likely one.`,
    )
  }
  return null
}

/**
 * The cost model the sampler runs on. Monthly cost is
 *   jobsPerMonth x sum over stages of (reachShare x retryMultiplier x unitUsd)
 * where unitUsd is the stage's cost with one job, full reach and no retries:
 * every meter of a stage is proportional to jobs x reach x retry, so this is
 * the engine's own arithmetic, priced once instead of once per sample.
 */
interface LinearModel {
  unitUsd: Float64Array
  reach: Float64Array
  retry: Float64Array
}

function linearModel(
  scenario: Scenario,
  book: PriceBook,
): { ok: true; model: LinearModel } | DecisionFailure {
  const unit = computeScenario(
    {
      ...scenario,
      jobsPerMonth: 1,
      stages: scenario.stages.map((s) => ({ ...s, reachShare: 1, retryMultiplier: 1 })),
    },
    book,
  )
  if (!unit.ok) return { ok: false, errors: unit.errors }
  const n = scenario.stages.length
  const model: LinearModel = {
    unitUsd: new Float64Array(n),
    reach: new Float64Array(n),
    retry: new Float64Array(n),
  }
  scenario.stages.forEach((s, i) => {
    model.unitUsd[i] = unit.stages[i]?.costUsd ?? 0
    model.reach[i] = s.reachShare
    model.retry[i] = s.retryMultiplier
  })
  return { ok: true, model }
}

interface Plan {
  model: LinearModel
  jobs: Draw | null
  /** Per stage: the retry and reach draws, or null when that input is known. */
  retry: (Draw | null)[]
  reach: (Draw | null)[]
}

function plan(
  scenario: Scenario,
  uncertain: UncertainInputs,
  book: PriceBook,
): { ok: true; plan: Plan } | DecisionFailure {
  const base = computeScenario(scenario, book)
  if (!base.ok) return { ok: false, errors: base.errors }
  const errors: FieldError[] = []
  const ranged = uncertain.stages ?? []
  if (ranged.length > scenario.stages.length) {
    errors.push({
      path: 'ranges.stages',
      field: 'ranges.stages',
      message: `Ranges are given for ${ranged.length} stages; the scenario has ${scenario.stages.length}.`,
    })
  }
  const draw = (
    path: string,
    label: string,
    range: InputRange | undefined,
    current: number,
    rule: NumberRule,
  ): Draw | null => {
    if (!range) return null
    const e = rangeError(`ranges.${path}`, label, range, current, rule)
    if (e) {
      errors.push(e)
      return null
    }
    return { id: path, label, low: range.low, mode: current, high: range.high }
  }
  const jobs = draw(
    'jobsPerMonth',
    'Jobs per month',
    uncertain.jobsPerMonth,
    scenario.jobsPerMonth,
    JOBS_RULE,
  )
  const retry = scenario.stages.map((s, i) =>
    draw(
      `stages.${i}.retryMultiplier`,
      `${stageLabel(s, i)} · Retry multiplier`,
      ranged[i]?.retryMultiplier,
      s.retryMultiplier,
      STAGE_RULES.retryMultiplier,
    ),
  )
  const reach = scenario.stages.map((s, i) =>
    draw(
      `stages.${i}.reachShare`,
      `${stageLabel(s, i)} · Reach share`,
      ranged[i]?.reachShare,
      s.reachShare,
      STAGE_RULES.reachShare,
    ),
  )
  if (errors.length > 0) return { ok: false, errors }
  const lin = linearModel(scenario, book)
  if (!lin.ok) return lin
  return { ok: true, plan: { model: lin.model, jobs, retry, reach } }
}

/**
 * Fills `costPerJob[k]` with sample k's cost of one job (USD) and the drawn
 * columns. Hot loop: typed arrays and a flat parameter table, no per-sample
 * objects; draw order per sample is jobs, then each stage's retry, then reach.
 */
function sample(
  p: Plan,
  count: number,
  random: () => number,
  costPerJob: Float64Array,
  jobsOut: Float64Array | null,
  columns: (Float64Array | null)[],
): void {
  const m = p.model
  const stages = m.unitUsd.length
  // Per stage: [retry low, mode, high, drawn?, reach low, mode, high, drawn?]
  const table = new Float64Array(stages * 8)
  for (let s = 0; s < stages; s++) {
    const rt = p.retry[s]
    const rc = p.reach[s]
    const o = s * 8
    table[o] = rt?.low ?? 0
    table[o + 1] = rt ? rt.mode : (m.retry[s] ?? 1)
    table[o + 2] = rt?.high ?? 0
    table[o + 3] = rt ? 1 : 0
    table[o + 4] = rc?.low ?? 0
    table[o + 5] = rc ? rc.mode : (m.reach[s] ?? 0)
    table[o + 6] = rc?.high ?? 0
    table[o + 7] = rc ? 1 : 0
  }
  const jobs = p.jobs
  for (let k = 0; k < count; k++) {
    if (jobs && jobsOut) jobsOut[k] = triangular(random(), jobs.low, jobs.mode, jobs.high)
    let sum = 0
    for (let s = 0; s < stages; s++) {
      const o = s * 8
      let retry = table[o + 1] as number
      let reach = table[o + 5] as number
      if (table[o + 3] === 1) {
        retry = triangular(random(), table[o] as number, retry, table[o + 2] as number)
        const col = columns[2 * s]
        if (col) col[k] = retry
      }
      if (table[o + 7] === 1) {
        reach = triangular(random(), table[o + 4] as number, reach, table[o + 6] as number)
        const col = columns[2 * s + 1]
        if (col) col[k] = reach
      }
      sum += reach * retry * (m.unitUsd[s] as number)
    }
    costPerJob[k] = sum
  }
}

function optionsError(options: MonteCarloOptions): FieldError | null {
  const n = options.samples ?? DEFAULT_SAMPLES
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) {
    return {
      path: 'samples',
      field: 'samples',
      message: 'The number of samples must be a whole number from 1 to 1,000,000.',
    }
  }
  const seed = options.seed ?? DEFAULT_SEED
  if (!Number.isInteger(seed)) {
    return { path: 'seed', field: 'seed', message: 'The seed must be a whole number.' }
  }
  return null
}

/** Monthly cost (USD) with every auto stage billed as low, and as high; null without auto. */
export function autoQualityRange(
  scenario: Scenario,
  book: PriceBook,
): { lowUsd: Usd; highUsd: Usd } | null {
  if (!scenario.stages.some((s) => s.quality === 'auto')) return null
  const billAll = (as: 'low' | 'high'): Usd | null => {
    let variant = scenario
    scenario.stages.forEach((s, i) => {
      if (s.quality === 'auto') variant = withStage(variant, i, { autoBilledAs: as })
    })
    const r = computeScenario(variant, book)
    return r.ok ? r.monthlyCostUsd : null
  }
  const low = billAll('low')
  const high = billAll('high')
  return low === null || high === null ? null : { lowUsd: low, highUsd: high }
}

/**
 * Monte Carlo of monthly cost (USD): draws `samples` (default 10,000) values of
 * each uncertain input from a triangular distribution (low, current value as
 * mode, high) with a seeded mulberry32, and returns P10/P50/P90 and every sample.
 * @example
 * monteCarlo(defaultScenario(), {
 *   jobsPerMonth: { low: 800, high: 1500 },
 *   stages: [undefined, { retryMultiplier: { low: 1, high: 2 }, reachShare: { low: 0.1, high: 0.4 } }],
 * }, PRICE_BOOK, { seed: 1 }).p50Usd // about 105.02 (base 92.58: the ranges lean upward)
 */
export function monteCarlo(
  scenario: Scenario,
  uncertain: UncertainInputs,
  book: PriceBook,
  options: MonteCarloOptions = {},
): MonteCarloResult {
  const bad = optionsError(options)
  if (bad) return { ok: false, errors: [bad] }
  const planned = plan(scenario, uncertain, book)
  if (!planned.ok) return planned
  const p = planned.plan
  const count = options.samples ?? DEFAULT_SAMPLES
  const seed = options.seed ?? DEFAULT_SEED

  const costs = new Float64Array(count)
  const jobsCol = p.jobs ? new Float64Array(count) : null
  const columns = p.retry.flatMap((rt, s) => [
    rt ? new Float64Array(count) : null,
    p.reach[s] ? new Float64Array(count) : null,
  ])
  sample(p, count, mulberry32(seed), costs, jobsCol, columns)

  const fixedJobs = scenario.jobsPerMonth
  let total = 0
  for (let k = 0; k < count; k++) {
    const c = (jobsCol ? (jobsCol[k] as number) : fixedJobs) * (costs[k] as number)
    costs[k] = c
    total += c
  }
  const sorted = costs.slice().sort()

  const drawn: DrawnColumn[] = []
  if (p.jobs && jobsCol) drawn.push({ id: p.jobs.id, label: p.jobs.label, values: jobsCol })
  p.retry.forEach((rt, s) => {
    const rc = p.reach[s]
    const a = columns[2 * s]
    const b = columns[2 * s + 1]
    if (rt && a) drawn.push({ id: rt.id, label: rt.label, values: a })
    if (rc && b) drawn.push({ id: rc.id, label: rc.label, values: b })
  })

  const base = computeScenario(scenario, book)
  return {
    ok: true,
    distribution: 'triangular',
    seed,
    sampleCount: count,
    baseCostUsd: (base.ok ? base.monthlyCostUsd : 0) as Usd,
    p10Usd: quantileSorted(sorted, 0.1) as Usd,
    p50Usd: quantileSorted(sorted, 0.5) as Usd,
    p90Usd: quantileSorted(sorted, 0.9) as Usd,
    meanUsd: (total / count) as Usd,
    minUsd: (sorted[0] ?? 0) as Usd,
    maxUsd: (sorted[count - 1] ?? 0) as Usd,
    samplesUsd: costs,
    drawn,
    autoQualityRange: autoQualityRange(scenario, book),
  }
}

/** Header and rows for a CSV of the samples: sample number, each drawn input, monthly cost (USD). */
export function monteCarloTable(result: Extract<MonteCarloResult, { ok: true }>): {
  header: string[]
  rows: number[][]
} {
  const header = ['Sample', ...result.drawn.map((d) => d.label), 'Monthly cost (USD)']
  const rows: number[][] = []
  for (let k = 0; k < result.sampleCount; k++) {
    const row = [k + 1]
    for (const d of result.drawn) row.push(d.values[k] ?? 0)
    row.push(result.samplesUsd[k] ?? 0)
    rows.push(row)
  }
  return { header, rows }
}

/** One point of the cost-vs-volume band. */
export interface VolumeBandPoint {
  jobsPerMonth: number
  /** Monthly cost (USD) at this volume with every input at its current value. */
  baseUsd: Usd
  p10Usd: Usd
  p50Usd: Usd
  p90Usd: Usd
}

export type VolumeBandResult = { ok: true; points: VolumeBandPoint[] } | DecisionFailure

/** Eleven volumes from 0 to twice the current jobs per month (0 to 1,000 when there are none). */
export function defaultVolumes(jobsPerMonth: number): number[] {
  const top = jobsPerMonth > 0 ? 2 * jobsPerMonth : 1000
  return Array.from({ length: 11 }, (_, i) => (top * i) / 10)
}

/**
 * Volumes (jobs per month) for the uncertainty chart: round steps from 0 to at
 * least twice the plan and past the top of a jobs range, plus the plan itself,
 * so the chart and its table have a row that matches the P10/P50/P90 figures.
 * @example bandVolumes(1234, { low: 800, high: 1500 }) // [0, 250, 500, …, 1234, 1250, …, 2500]
 */
export function bandVolumes(jobsPerMonth: number, jobsRange?: InputRange): number[] {
  const plan = isFiniteNumber(jobsPerMonth) ? Math.max(0, jobsPerMonth) : 0
  const top = Math.max(plan, (jobsRange?.high ?? 0) / 2)
  const points = volumePoints(top)
  if (!points.includes(plan)) points.push(plan)
  return points.sort((a, b) => a - b)
}

/**
 * P10/P50/P90 monthly cost (USD) at several job volumes, for the cost-vs-volume
 * chart. Volume is the chart's axis, so a jobs range is ignored here; the other
 * ranges are sampled once, as cost per job, and scaled to each volume (cost is
 * linear in jobs, and scaling by a volume >= 0 keeps the order of samples).
 */
export function monteCarloVolumeBand(
  scenario: Scenario,
  uncertain: UncertainInputs,
  book: PriceBook,
  volumes: readonly number[] = defaultVolumes(scenario.jobsPerMonth),
  options: MonteCarloOptions = {},
): VolumeBandResult {
  const bad = optionsError(options)
  if (bad) return { ok: false, errors: [bad] }
  const badVolume = volumes.findIndex(
    (v) => !isFiniteNumber(v) || v < JOBS_RULE.min || v > JOBS_RULE.max,
  )
  if (badVolume >= 0) {
    return {
      ok: false,
      errors: [
        {
          path: `volumes.${badVolume}`,
          field: 'volumes',
          message: 'Each volume must be a number of jobs per month from 0 to 1,000,000,000,000.',
        },
      ],
    }
  }
  const withoutJobs: UncertainInputs = { ...uncertain }
  delete withoutJobs.jobsPerMonth
  const planned = plan(scenario, withoutJobs, book)
  if (!planned.ok) return planned
  const p = planned.plan
  const count = options.samples ?? DEFAULT_SAMPLES
  const perJob = new Float64Array(count)
  sample(p, count, mulberry32(options.seed ?? DEFAULT_SEED), perJob, null, [])
  perJob.sort()
  const q10 = quantileSorted(perJob, 0.1)
  const q50 = quantileSorted(perJob, 0.5)
  const q90 = quantileSorted(perJob, 0.9)
  let basePerJob = 0
  for (let s = 0; s < p.model.unitUsd.length; s++) {
    basePerJob +=
      (p.model.reach[s] as number) * (p.model.retry[s] as number) * (p.model.unitUsd[s] as number)
  }
  return {
    ok: true,
    points: volumes.map((v) => ({
      jobsPerMonth: v,
      baseUsd: (v * basePerJob) as Usd,
      p10Usd: (v * q10) as Usd,
      p50Usd: (v * q50) as Usd,
      p90Usd: (v * q90) as Usd,
    })),
  }
}
