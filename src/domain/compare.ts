import { METER_LABELS } from './engine'
import type { Meter, ScenarioResult } from './model'
import { METERS } from './model'
import type { Usd } from './units'

/** A scenario's name with what `computeScenario` made of it. */
export interface ScenarioOutcome {
  name: string
  result: ScenarioResult
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

/**
 * Lines stages up by name so "Draft" meets "Draft" even when the scenarios
 * order or number their stages differently; the k-th stage of a name in one
 * scenario meets the k-th stage of that name in another, labelled "Name (k)".
 */
export function alignStages(results: readonly ScenarioResult[]): StageAlignment {
  const slotByKey = new Map<string, number>()
  const labels: string[] = []
  const costsUsd = results.map((result) => {
    if (!result.ok) return null
    const seen = new Map<string, number>()
    const costs: (Usd | undefined)[] = []
    for (const stage of result.stages) {
      const occurrence = (seen.get(stage.name) ?? 0) + 1
      seen.set(stage.name, occurrence)
      // NUL cannot be typed into a name field, so the key cannot collide.
      const key = `${occurrence}\u0000${stage.name}`
      let slot = slotByKey.get(key)
      if (slot === undefined) {
        slot = labels.length
        slotByKey.set(key, slot)
        const name = stage.name.trim() === '' ? 'Unnamed stage' : stage.name
        labels.push(occurrence === 1 ? name : `${name} (${occurrence})`)
      }
      costs[slot] = stage.costUsd
    }
    return costs
  })
  return { labels, costsUsd }
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
): CompareTable {
  const baseline =
    Number.isInteger(baselineIndex) && baselineIndex >= 0 && baselineIndex < outcomes.length
      ? baselineIndex
      : 0
  const results = outcomes.map((o) => o.result)
  const usdRow = (
    id: string,
    label: string,
    group: CompareRowGroup,
    pick: (r: Totals) => CellInput<Usd>,
  ): UsdCompareRow => ({
    id,
    label,
    group,
    unit: 'usd',
    cells: withDeltas(
      results.map((r) => (r.ok ? pick(r) : { status: 'incomplete' })),
      baseline,
    ),
  })

  const rows: CompareRow[] = [
    usdRow('monthly', 'Monthly cost', 'total', (r) => cellOf(r.monthlyCostUsd)),
    usdRow('annual', 'Annual cost', 'total', (r) => cellOf(r.annualCostUsd)),
    usdRow('perJob', 'Cost per job', 'total', (r) => cellOf(r.costPerJobUsd)),
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

  const stages = alignStages(results)
  stages.labels.forEach((label, slot) => {
    const inputs = stages.costsUsd.map((costs): CellInput<Usd> => {
      if (costs === null) return { status: 'incomplete' }
      const cost = costs[slot]
      return cost === undefined ? { status: 'absent' } : { status: 'ok', value: cost }
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
