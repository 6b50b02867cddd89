import { METER_LABELS } from './engine'
import type { Meter, Scenario, ScenarioResult } from './model'
import { METERS } from './model'
import type { Usd } from './units'
import type { ShowCosts } from './compareSet'

/** A scenario's name with what `computeScenario` made of it. */
export interface ScenarioOutcome {
  name: string
  result: ScenarioResult
  /**
   * The 12-month projection's total (growth compounded), when the caller projected one;
   * null when the growth or starting month cannot be used.
   */
  yearTotalUsd?: Usd | null
}

/**
 * Why a cell holds no number. `incomplete`: the scenario has field errors, so
 * none of its figures exist. `absent`: the scenario has no stage of that name.
 * `notApplicable`: the quantity is undefined, e.g. cost per job with zero jobs.
 */
export type MissingReason = 'incomplete' | 'absent' | 'notApplicable'

/** One scenario's figure in one row, and how it differs from the baseline's. */
export type CompareCell<T extends number> =
  | {
      status: 'ok'
      value: T
      /** value minus the baseline's value, in the row's unit; null when the baseline has none. */
      deltaFromBaseline: T | null
      /** The delta over the baseline value (0.25 is 25% more); null when the baseline is 0 or has none. */
      deltaFraction: number | null
    }
  | { status: MissingReason; value: null; deltaFromBaseline: null; deltaFraction: null }

export type CompareRowGroup = 'total' | 'meter' | 'stage'

interface RowBase {
  /** Stable within one table; fit for a React key. */
  id: string
  label: string
  group: CompareRowGroup
}

/** A row of US dollar amounts (monthly, annual, per job, per meter, per stage). */
export interface UsdCompareRow extends RowBase {
  unit: 'usd'
  cells: CompareCell<Usd>[]
}

/** A row of image counts (billable images per month). */
export interface ImagesCompareRow extends RowBase {
  unit: 'images'
  cells: CompareCell<number>[]
}

export type CompareRow = UsdCompareRow | ImagesCompareRow

export interface CompareColumn {
  name: string
  isBaseline: boolean
  /** False when the scenario has field errors and every cell in its column is `incomplete`. */
  complete: boolean
  errorCount: number
}

export interface CompareTable {
  /** The baseline actually used: the requested one, or 0 when that was out of range. */
  baselineIndex: number
  columns: CompareColumn[]
  rows: CompareRow[]
}

/** Stages of several scenarios lined up by name, for a table or a stacked chart. */
export interface StageAlignment {
  /** One label per aligned stage, in order of first appearance. */
  labels: string[]
  /**
   * Per scenario, the monthly cost in USD of each aligned stage (undefined where
   * the scenario has no such stage); null for a scenario with field errors.
   */
  costsUsd: ((Usd | undefined)[] | null)[]
}

/** Where each named item of each list goes once lists are lined up by name. */
interface NameAlignment {
  labels: string[]
  /** Per list, the slot of each of its items; null for a list left out. */
  slots: (number[] | null)[]
}

function alignByName(lists: readonly (readonly { name: string }[] | null)[]): NameAlignment {
  const slotByKey = new Map<string, number>()
  const labels: string[] = []
  const slots = lists.map((list) => {
    if (list === null) return null
    const seen = new Map<string, number>()
    return list.map((item) => {
      const occurrence = (seen.get(item.name) ?? 0) + 1
      seen.set(item.name, occurrence)
      // NUL cannot be typed into a name field, so the key cannot collide.
      const key = `${occurrence}\u0000${item.name}`
      let slot = slotByKey.get(key)
      if (slot === undefined) {
        slot = labels.length
        slotByKey.set(key, slot)
        const name = item.name.trim() === '' ? 'Unnamed stage' : item.name
        labels.push(occurrence === 1 ? name : `${name} (${occurrence})`)
      }
      return slot
    })
  })
  return { labels, slots }
}

/**
 * Lines stages up by name so "Draft" meets "Draft" even when the scenarios
 * order or number their stages differently; the k-th stage of a name in one
 * scenario meets the k-th stage of that name in another, labelled "Name (k)".
 */
export function alignStages(results: readonly ScenarioResult[]): StageAlignment {
  const { labels, slots } = alignByName(results.map((r) => (r.ok ? r.stages : null)))
  const costsUsd = results.map((result, i) => {
    const mine = slots[i]
    if (!result.ok || !mine) return null
    const costs: (Usd | undefined)[] = []
    result.stages.forEach((stage, k) => {
      costs[mine[k] as number] = stage.costUsd
    })
    return costs
  })
  return { labels, costsUsd }
}

/**
 * USD per delivered image (an image kept at a stage that delivers the
 * workflow's final images); null for an incomplete scenario or one that
 * delivers none.
 */
export function deliveredImageCost(result: ScenarioResult): Usd | null {
  return result.ok ? result.costPerDeliveredImageUsd : null
}

/** How each compared scenario's monthly USD figures are turned into the chosen view. */
export interface CostView {
  show: ShowCosts
  /** Per scenario, the factor on every monthly USD figure; null where the view has no value. */
  scales: (number | null)[]
  /** The unit the figures are in, for labels: "USD per job". */
  unit: string
  /** The baseline's jobs per month, for `atBaselineJobs`. */
  baselineJobsPerMonth: number | null
}

/**
 * The factors that turn monthly USD into the chosen view, per scenario:
 * 1 per month; 1 / jobs per job; cost per delivered image / monthly cost per
 * delivered image; baseline jobs / own jobs at the baseline's volume (cost is
 * linear in jobs). Null where the figure does not exist (no jobs, no result).
 * @example costView(outcomes, [1000, 2000], 'atBaselineJobs', 0).scales // [1, 0.5]
 */
export function costView(
  outcomes: readonly ScenarioOutcome[],
  jobsPerMonth: readonly number[],
  show: ShowCosts,
  baselineIndex: number,
): CostView {
  const baseJobs = jobsPerMonth[baselineIndex]
  const baselineJobsPerMonth =
    baseJobs !== undefined && Number.isFinite(baseJobs) && baseJobs >= 0 ? baseJobs : null
  const scales = outcomes.map(({ result }, i): number | null => {
    if (!result.ok) return null
    const jobs = jobsPerMonth[i] ?? Number.NaN
    const perJob = Number.isFinite(jobs) && jobs > 0 ? 1 / jobs : null
    switch (show) {
      case 'perMonth':
        return 1
      case 'perJob':
        return perJob
      case 'perDeliveredImage': {
        const delivered = deliveredImageCost(result)
        if (delivered === null) return null
        return result.monthlyCostUsd === 0 ? 0 : delivered / result.monthlyCostUsd
      }
      case 'atBaselineJobs':
        return perJob === null || baselineJobsPerMonth === null
          ? null
          : baselineJobsPerMonth * perJob
    }
  })
  const unit =
    show === 'perJob'
      ? 'USD per job'
      : show === 'perDeliveredImage'
        ? 'USD per delivered image'
        : show === 'atBaselineJobs'
          ? `USD per month at ${baselineJobsPerMonth ?? '—'} jobs per month`
          : 'USD per month'
  return { show, scales, unit, baselineJobsPerMonth }
}

/** How an assumption row's values read: the component formats them. */
export type AssumptionFormat = 'text' | 'count' | 'percent' | 'multiplier'

/**
 * One input behind the figures, per scenario: a string or number, or null
 * where the scenario has no stage of that name.
 */
export interface AssumptionRow {
  id: string
  label: string
  /** The aligned stage the row describes; undefined for scenario-wide rows. */
  stage?: string
  format: AssumptionFormat
  cells: (string | number | null)[]
}

/**
 * The assumptions behind a comparison, scenario-wide first (model, jobs per
 * month, Batch API), then per stage lined up by name as in the cost rows:
 * quality (with what auto is billed as), size, images per job, retry
 * multiplier and share of jobs reaching it. Numbers come back as typed, NaN
 * included, for the component to show as needing a fix.
 */
export function assumptionRows(scenarios: readonly Scenario[]): AssumptionRow[] {
  const rows: AssumptionRow[] = [
    { id: 'model', label: 'Model', format: 'text', cells: scenarios.map((s) => s.modelId) },
    {
      id: 'jobs',
      label: 'Jobs per month',
      format: 'count',
      cells: scenarios.map((s) => s.jobsPerMonth),
    },
    {
      id: 'batch',
      label: 'Batch API',
      format: 'text',
      cells: scenarios.map((s) => (s.batch ? 'Yes' : 'No')),
    },
  ]
  const { labels, slots } = alignByName(scenarios.map((s) => s.stages))
  const stageAt = (slot: number) =>
    scenarios.map((s, i) => {
      const k = slots[i]?.indexOf(slot) ?? -1
      return k < 0 ? null : (s.stages[k] ?? null)
    })
  labels.forEach((stage, slot) => {
    const stages = stageAt(slot)
    const row = (
      field: string,
      label: string,
      format: AssumptionFormat,
      pick: (st: Scenario['stages'][number]) => string | number,
    ): AssumptionRow => ({
      id: `stage:${slot}:${field}`,
      label,
      stage,
      format,
      cells: stages.map((st) => (st === null ? null : pick(st))),
    })
    rows.push(
      row('quality', 'Quality', 'text', (st) =>
        st.quality === 'auto' ? `auto (as ${st.autoBilledAs})` : st.quality,
      ),
      row('size', 'Size', 'text', (st) => `${st.width}×${st.height}`),
      row('images', 'Images per job', 'count', (st) => st.imagesPerJob),
      row('retry', 'Retry multiplier', 'multiplier', (st) => st.retryMultiplier),
      row('reach', 'Share of jobs reaching it', 'percent', (st) => st.reachShare),
    )
  })
  return rows
}

type CellInput<T extends number> = { status: 'ok'; value: T } | { status: MissingReason }

const MISSING = (status: MissingReason) =>
  ({ status, value: null, deltaFromBaseline: null, deltaFraction: null }) as const

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null
}

function withDeltas<T extends number>(
  inputs: readonly CellInput<T>[],
  baselineIndex: number,
): CompareCell<T>[] {
  const base = inputs[baselineIndex]
  return inputs.map((input) => {
    if (input.status !== 'ok') return MISSING(input.status)
    if (base?.status !== 'ok') {
      return { status: 'ok', value: input.value, deltaFromBaseline: null, deltaFraction: null }
    }
    const delta = input.value - base.value
    return {
      status: 'ok',
      value: input.value,
      deltaFromBaseline: finiteOrNull(delta) as T | null,
      // A tiny baseline could push the ratio past the largest double.
      deltaFraction: base.value === 0 ? null : finiteOrNull(delta / base.value),
    }
  })
}

function cellOf<T extends number>(value: T | null): CellInput<T> {
  return value === null ? { status: 'notApplicable' } : { status: 'ok', value }
}

type Totals = Extract<ScenarioResult, { ok: true }>

/**
 * The compare table: one column per scenario, one row per figure (monthly,
 * annual, per job and per kept image in USD, billable images per month, USD
 * by meter, USD by stage), each cell with its difference from the baseline.
 * Never NaN: a scenario with field errors gives `incomplete` cells.
 * @example compareScenarios([{ name: 'A', result }], 0).rows[0]?.cells[0]?.value // monthly USD
 */
export function compareScenarios(
  outcomes: readonly ScenarioOutcome[],
  baselineIndex: number,
  view?: CostView,
): CompareTable {
  const baseline =
    Number.isInteger(baselineIndex) && baselineIndex >= 0 && baselineIndex < outcomes.length
      ? baselineIndex
      : 0
  const results = outcomes.map((o) => o.result)
  // Meter and stage rows follow the chosen view; the totals stay as they are.
  const scaleAt = (i: number): number | null => (view ? (view.scales[i] ?? null) : 1)
  const scaled = (input: CellInput<Usd>, i: number): CellInput<Usd> => {
    if (input.status !== 'ok') return input
    const factor = scaleAt(i)
    return factor === null
      ? { status: 'notApplicable' }
      : { status: 'ok', value: (input.value * factor) as Usd }
  }
  const usdRow = (
    id: string,
    label: string,
    group: CompareRowGroup,
    pick: (r: Totals, i: number) => CellInput<Usd>,
  ): UsdCompareRow => ({
    id,
    label,
    group,
    unit: 'usd',
    cells: withDeltas(
      results.map((r, i) => {
        if (!r.ok) return { status: 'incomplete' }
        return group === 'total' ? pick(r, i) : scaled(pick(r, i), i)
      }),
      baseline,
    ),
  })

  const rows: CompareRow[] = [
    usdRow('monthly', 'Monthly cost', 'total', (r) => cellOf(r.monthlyCostUsd)),
    usdRow('annual', 'Annual cost', 'total', (r) => cellOf(r.annualCostUsd)),
    ...(outcomes.some((o) => o.yearTotalUsd !== undefined)
      ? [
          usdRow('year', '12-month total', 'total', (_r, i) => {
            const total = outcomes[i]?.yearTotalUsd
            return total === null || total === undefined ? { status: 'incomplete' } : cellOf(total)
          }),
        ]
      : []),
    usdRow('perJob', 'Cost per job', 'total', (r) => cellOf(r.costPerJobUsd)),
    usdRow('perDeliveredImage', 'Cost per delivered image', 'total', (r) =>
      cellOf(deliveredImageCost(r)),
    ),
    usdRow('perKeptImage', 'Cost per kept image', 'total', (r) => cellOf(r.costPerKeptImageUsd)),
    {
      id: 'billableImages',
      label: 'Billable images',
      group: 'total',
      unit: 'images',
      cells: withDeltas<number>(
        results.map((r) => (r.ok ? cellOf(r.billableImages) : { status: 'incomplete' })),
        baseline,
      ),
    },
    ...METERS.map((meter: Meter) =>
      usdRow(`meter:${meter}`, METER_LABELS[meter], 'meter', (r) => cellOf(r.costByMeter[meter])),
    ),
  ]

  if (view?.show === 'atBaselineJobs') {
    rows.splice(
      1,
      0,
      usdRow('atBaselineJobs', `Monthly cost at the baseline's jobs per month`, 'total', (r, i) =>
        scaled(cellOf(r.monthlyCostUsd), i),
      ),
    )
  }

  const stages = alignStages(results)
  stages.labels.forEach((label, slot) => {
    const inputs = stages.costsUsd.map((costs, i): CellInput<Usd> => {
      if (costs === null) return { status: 'incomplete' }
      const cost = costs[slot]
      return cost === undefined ? { status: 'absent' } : scaled({ status: 'ok', value: cost }, i)
    })
    rows.push({
      id: `stage:${slot}`,
      label,
      group: 'stage',
      unit: 'usd',
      cells: withDeltas(inputs, baseline),
    })
  })

  const columns = outcomes.map((o, i): CompareColumn => ({
    name: o.name,
    isBaseline: i === baseline,
    complete: o.result.ok,
    errorCount: o.result.errors.length,
  }))
  return { baselineIndex: baseline, columns, rows }
}
