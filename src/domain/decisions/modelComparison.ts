import { computeScenario, madeSizes, METER_LABELS, sizeProblems } from '../engine'
import type { FieldError, Scenario } from '../model'
import { METERS } from '../model'
import type { ModelSpec, ModelStatus, PriceBook } from '../priceBook'
import type { Usd } from '../units'
import { checkNumber, PRICE_RULE, scenarioFieldErrors, stageFieldErrors } from '../validate'
import type { Size } from '../sizes'
import type { DecisionFailure } from './common'
import { stageLabel } from './common'

/** A stage whose size a model cannot produce, and what was priced instead. */
export interface StageSizeNote {
  stageIndex: number
  stageName: string
  width: number
  height: number
  /** The size priced in its place (closest shape the model makes), or null when none exists. */
  substitute: Size | null
  message: string
}

/** The active scenario priced under one model of the price book. */
export interface ModelComparisonRow {
  modelId: string
  label: string
  status: ModelStatus
  /** Why the status matters (e.g. the shut-down date), or null. */
  statusNote: string | null
  /** The model the scenario is set to. */
  isCurrent: boolean
  /** True when every stage was priced at its own size (no substitutes). */
  exact: boolean
  /** True when the scenario's own price overrides were applied (current model only). */
  usesPriceOverrides: boolean
  /** Monthly cost in USD; null when some stage has no size this model can make, or on an error. */
  monthlyCostUsd: Usd | null
  /** Monthly cost over the images the final stages deliver, USD per image; null when none is delivered. */
  costPerDeliveredImageUsd: Usd | null
  /** This row's monthly cost minus the current model's, USD; null when either is missing. */
  deltaVsCurrentUsd: Usd | null
  /**
   * This row's monthly cost over the cheapest row's (1 for the cheapest): "×N vs
   * cheapest". null when this row has no cost, or the cheapest costs nothing.
   */
  timesCheapest: number | null
  sizeNotes: StageSizeNote[]
  /** Reasons the engine refused this model's variant (e.g. a total too large to compute). */
  errors: FieldError[]
}

export type ModelComparison =
  | {
      ok: true
      currentModelId: string
      rows: ModelComparisonRow[]
      /** The cheapest model that is available and prices every stage at its own size. */
      cheapestAvailableModelId: string | null
    }
  | DecisionFailure

/** Errors that no choice of model can cure: malformed fields and price overrides. */
function modelIndependentErrors(scenario: Scenario): FieldError[] {
  const errors: FieldError[] = []
  scenarioFieldErrors(scenario, errors)
  scenario.stages.forEach((stage, i) => {
    stageFieldErrors(stage, i, errors)
  })
  for (const meter of METERS) {
    const value = scenario.prices?.[meter]
    if (value === undefined) continue
    const problem = checkNumber(value, PRICE_RULE)
    if (problem) {
      const message = problem.replace(
        'Price',
        `The ${METER_LABELS[meter]} price (USD per 1M tokens)`,
      )
      errors.push({ path: `prices.${meter}`, field: meter, message })
    }
  }
  return errors
}

function parseSize(key: string): Size | null {
  const m = /^(\d+)x(\d+)$/.exec(key)
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null
}

/** The sizes a model makes when it makes only some (a table, a custom list); null for any valid size. */
function tableSizes(spec: ModelSpec): Size[] | null {
  const made = madeSizes(spec)
  if (made === null) return null
  return made.map(parseSize).filter((s): s is Size => s !== null)
}

/** Closest shape first (log aspect ratio), then closest pixel count: what a designer would pick. */
function closestSize(sizes: readonly Size[], width: number, height: number): Size | null {
  let best: Size | null = null
  let bestShape = Infinity
  let bestArea = Infinity
  for (const s of sizes) {
    const shape = Math.abs(Math.log(s.width / s.height) - Math.log(width / height))
    const area = Math.abs(Math.log((s.width * s.height) / (width * height)))
    if (shape < bestShape - 1e-12 || (Math.abs(shape - bestShape) <= 1e-12 && area < bestArea)) {
      best = s
      bestShape = shape
      bestArea = area
    }
  }
  return best
}

function variantFor(
  scenario: Scenario,
  spec: ModelSpec,
  isCurrent: boolean,
): { variant: Scenario; notes: StageSizeNote[] } {
  const notes: StageSizeNote[] = []
  const sizes = tableSizes(spec)
  const stages = scenario.stages.map((stage, i) => {
    const problems = sizeProblems(spec, stage.width, stage.height)
    if (problems.length === 0) return stage
    const substitute = sizes ? closestSize(sizes, stage.width, stage.height) : null
    const name = stageLabel(stage, i)
    const size = `${stage.width}x${stage.height}`
    const cannot = sizes
      ? `${spec.label} makes only ${sizes.map((s) => `${s.width}x${s.height}`).join(', ')}`
      : `${spec.label} cannot make ${size}: ${problems.map((p) => p.message).join(' ')}`
    const message = substitute
      ? `${cannot}; "${name}" is ${size}, priced here at ${substitute.width}x${substitute.height} (the closest shape it makes).`
      : `${cannot}; "${name}" is not priced.`
    notes.push({
      stageIndex: i,
      stageName: name,
      width: stage.width,
      height: stage.height,
      substitute,
      message,
    })
    return substitute ? { ...stage, width: substitute.width, height: substitute.height } : stage
  })
  // Overrides are the rates negotiated or re-checked for the scenario's own model;
  // carrying them to another model would price it at rates it never had.
  const variant: Scenario = { ...scenario, modelId: spec.id, stages }
  if (!isCurrent) delete variant.prices
  return { variant, notes }
}

/**
 * The scenario priced under every model of the price book: monthly cost (USD),
 * cost per kept image (USD), status, and a note for each stage whose size a
 * model cannot make (priced at that model's closest size, and marked inexact).
 * @example compareModels(defaultScenario()).rows[0].monthlyCostUsd // 92.583
 */
export function compareModels(scenario: Scenario, book: PriceBook): ModelComparison {
  const errors = modelIndependentErrors(scenario)
  if (errors.length > 0) return { ok: false, errors }

  const rows: ModelComparisonRow[] = []
  for (const spec of Object.values(book)) {
    const isCurrent = spec.id === scenario.modelId
    const { variant, notes } = variantFor(scenario, spec, isCurrent)
    const unpriced = notes.some((n) => n.substitute === null)
    const r = unpriced ? null : computeScenario(variant, book)
    rows.push({
      modelId: spec.id,
      label: spec.label,
      status: spec.status,
      statusNote: spec.statusNote ?? null,
      isCurrent,
      exact: notes.length === 0,
      usesPriceOverrides: isCurrent && scenario.prices !== undefined,
      monthlyCostUsd: r?.ok ? r.monthlyCostUsd : null,
      costPerDeliveredImageUsd: r?.ok ? r.costPerDeliveredImageUsd : null,
      deltaVsCurrentUsd: null,
      timesCheapest: null,
      sizeNotes: notes,
      errors: r && !r.ok ? r.errors : [],
    })
  }

  const current = rows.find((row) => row.isCurrent)?.monthlyCostUsd ?? null
  const costs = rows.flatMap((row) => (row.monthlyCostUsd === null ? [] : [row.monthlyCostUsd]))
  const lowest = costs.length > 0 ? Math.min(...costs) : 0
  let cheapest: ModelComparisonRow | null = null
  for (const row of rows) {
    if (row.monthlyCostUsd !== null && lowest > 0) row.timesCheapest = row.monthlyCostUsd / lowest
    if (current !== null && row.monthlyCostUsd !== null) {
      row.deltaVsCurrentUsd = (row.monthlyCostUsd - current) as Usd
    }
    if (row.monthlyCostUsd === null || !row.exact || row.status !== 'available') continue
    if (!cheapest || row.monthlyCostUsd < (cheapest.monthlyCostUsd ?? Infinity)) cheapest = row
  }
  return {
    ok: true,
    currentModelId: scenario.modelId,
    rows,
    cheapestAvailableModelId: cheapest?.modelId ?? null,
  }
}
