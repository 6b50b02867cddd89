import { computeScenario, METER_LABELS, outputTokens } from '../engine'
import type { BilledQuality, Meter, Scenario, Stage } from '../model'
import { METERS } from '../model'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'
import type { NumberRule, StageNumberField } from '../validate'
import { JOBS_RULE, PRICE_RULE, STAGE_RULES } from '../validate'
import { COMMON_GPT_IMAGE_2_SIZES } from '../sizes'
import type { Size } from '../sizes'
import type { DecisionFailure } from './common'
import { billedQualityOf, isFiniteNumber, stageLabel, stepQuality, withStage } from './common'

/** The stage numbers a tornado varies (size has its own row; widths alone are not a choice). */
export type SensitivityStageField = Exclude<StageNumberField, 'width' | 'height'>

/** Short labels for the tornado's narrow axis (the worksheet's own labels are longer). */
export const SENSITIVITY_STAGE_LABELS: Record<SensitivityStageField, string> = {
  imagesPerJob: 'Images per job',
  outputsPerRequest: 'Outputs per request',
  reachShare: 'Reach share',
  retryMultiplier: 'Retry multiplier',
  promptTokens: 'Prompt tokens',
  referenceImages: 'Reference images',
  referenceImageTokens: 'Tokens per reference image',
  cachedInputShare: 'Cached input share',
  partialImages: 'Partial images',
}

const STAGE_FIELDS = Object.keys(SENSITIVITY_STAGE_LABELS) as SensitivityStageField[]

interface RowBase {
  /** Dotted path of the input, e.g. 'stages.1.retryMultiplier'; unique within a result. */
  id: string
  /** e.g. 'Final · Retry multiplier'. */
  label: string
  stageIndex: number | null
  /** Monthly cost (USD) with the input at its low value. */
  lowCostUsd: Usd
  /** Monthly cost (USD) with the input at its high value. */
  highCostUsd: Usd
  /** |highCostUsd - lowCostUsd|, USD: the bar's length. */
  swingUsd: Usd
}

/** One bar of the tornado. "low"/"high" name the input's direction, not the cost's. */
export type SensitivityRow =
  | (RowBase & { kind: 'jobs'; baseValue: number; lowValue: number; highValue: number })
  | (RowBase & {
      kind: 'stageNumber'
      field: SensitivityStageField
      baseValue: number
      lowValue: number
      highValue: number
    })
  | (RowBase & {
      kind: 'price'
      meter: Meter
      /** USD per 1M tokens. */
      baseValue: number
      lowValue: number
      highValue: number
    })
  | (RowBase & {
      kind: 'quality'
      /** True when the stage asks for auto and the step moves what auto is billed as. */
      auto: boolean
      baseValue: BilledQuality
      lowValue: BilledQuality
      highValue: BilledQuality
    })
  | (RowBase & { kind: 'size'; baseValue: Size; lowValue: Size; highValue: Size })

export type SensitivityResult =
  | {
      ok: true
      /** Monthly cost (USD) of the scenario as entered. */
      baseCostUsd: Usd
      /** The ±share applied to numeric inputs, e.g. 0.25 for ±25%. */
      variationShare: number
      /** Sorted by swing, largest first; ties keep worksheet order. */
      rows: SensitivityRow[]
    }
  | DecisionFailure

export interface SensitivityOptions {
  /** Fraction each numeric input moves down and up, 0..1; default 0.25 (±25%). */
  variationShare?: number
}

/** Moves a value by ±share, then applies its rule: clamp to range, round whole-number fields. */
export function varyNumber(value: number, share: number, rule: NumberRule): [number, number] {
  const fit = (v: number): number => {
    const r = rule.integer ? Math.round(v) : v
    return Math.min(rule.max, Math.max(rule.min, r))
  }
  return [fit(value * (1 - share)), fit(value * (1 + share))]
}

/** Common sizes a model makes, cheapest first at one quality (ties: fewer pixels first). */
export function commonSizesByTokens(
  modelId: string,
  quality: BilledQuality,
  book: PriceBook,
): { size: Size; tokens: number }[] {
  const out: { size: Size; tokens: number }[] = []
  for (const size of COMMON_GPT_IMAGE_2_SIZES) {
    const t = outputTokens(modelId, quality, size.width, size.height, book)
    if (t.ok) out.push({ size, tokens: t.tokens })
  }
  return out.sort(
    (a, b) => a.tokens - b.tokens || a.size.width * a.size.height - b.size.width * b.size.height,
  )
}

/**
 * The next cheaper and next dearer common size for a stage, by output tokens at
 * its billed quality; equal-token sizes are skipped (they would not move the
 * cost), and among several at the same step the closest shape wins.
 */
export function neighbourSizes(
  stage: Stage,
  modelId: string,
  book: PriceBook,
): { cheaper: Size | null; dearer: Size | null } {
  const quality = billedQualityOf(stage)
  const own = outputTokens(modelId, quality, stage.width, stage.height, book)
  if (!own.ok) return { cheaper: null, dearer: null }
  const shape = (s: Size): number =>
    Math.abs(Math.log(s.width / s.height) - Math.log(stage.width / stage.height))
  let cheaper: { size: Size; tokens: number } | null = null
  let dearer: { size: Size; tokens: number } | null = null
  for (const c of commonSizesByTokens(modelId, quality, book)) {
    if (c.tokens < own.tokens) {
      const better =
        !cheaper ||
        c.tokens > cheaper.tokens ||
        (c.tokens === cheaper.tokens && shape(c.size) < shape(cheaper.size))
      if (better) cheaper = c
    } else if (c.tokens > own.tokens) {
      const better =
        !dearer ||
        c.tokens < dearer.tokens ||
        (c.tokens === dearer.tokens && shape(c.size) < shape(dearer.size))
      if (better) dearer = c
    }
  }
  return { cheaper: cheaper?.size ?? null, dearer: dearer?.size ?? null }
}

/**
 * Tornado data: the monthly cost (USD) with each input moved down and up on
 * its own: numbers by ±variationShare (clamped to their allowed range, whole
 * numbers rounded), quality one step, size to the next cheaper/dearer common
 * size. A variant the engine refuses (e.g. a total too large to compute) keeps
 * the base value on that side, so a bar is never NaN.
 * @example sensitivity(defaultScenario(), PRICE_BOOK).rows[0].label // 'Draft · Quality' (low to medium: $92.58 to $373.38)
 */
export function sensitivity(
  scenario: Scenario,
  book: PriceBook,
  options: SensitivityOptions = {},
): SensitivityResult {
  const share = options.variationShare ?? 0.25
  if (!isFiniteNumber(share) || share < 0 || share > 1) {
    return {
      ok: false,
      errors: [
        {
          path: 'variationShare',
          field: 'variationShare',
          message: 'The variation must be a share from 0% to 100%.',
        },
      ],
    }
  }
  const base = computeScenario(scenario, book)
  if (!base.ok) return { ok: false, errors: base.errors }
  const baseCost = base.monthlyCostUsd

  const costOr = (variant: Scenario): number | null => {
    const r = computeScenario(variant, book)
    return r.ok ? r.monthlyCostUsd : null
  }
  /** Prices both sides; a refused side falls back to the base value and cost. */
  function sides<T>(
    baseValue: T,
    low: T,
    high: T,
    make: (v: T) => Scenario,
  ): { lowValue: T; highValue: T; lowCostUsd: Usd; highCostUsd: Usd; swingUsd: Usd } {
    const lowCost = costOr(make(low))
    const highCost = costOr(make(high))
    const lc = lowCost ?? baseCost
    const hc = highCost ?? baseCost
    return {
      lowValue: lowCost === null ? baseValue : low,
      highValue: highCost === null ? baseValue : high,
      lowCostUsd: lc as Usd,
      highCostUsd: hc as Usd,
      swingUsd: Math.abs(hc - lc) as Usd,
    }
  }

  const rows: SensitivityRow[] = []
  const jobs = scenario.jobsPerMonth
  const [jobsLow, jobsHigh] = varyNumber(jobs, share, JOBS_RULE)
  rows.push({
    kind: 'jobs',
    id: 'jobsPerMonth',
    label: 'Jobs per month',
    stageIndex: null,
    baseValue: jobs,
    ...sides(jobs, jobsLow, jobsHigh, (v) => ({ ...scenario, jobsPerMonth: v })),
  })

  scenario.stages.forEach((stage, i) => {
    const name = stageLabel(stage, i)
    for (const field of STAGE_FIELDS) {
      const value = stage[field]
      const [low, high] = varyNumber(value, share, STAGE_RULES[field])
      rows.push({
        kind: 'stageNumber',
        id: `stages.${i}.${field}`,
        label: `${name} · ${SENSITIVITY_STAGE_LABELS[field]}`,
        stageIndex: i,
        field,
        baseValue: value,
        ...sides(value, low, high, (v) => withStage(scenario, i, { [field]: v })),
      })
    }

    const q = billedQualityOf(stage)
    const auto = stage.quality === 'auto'
    // Auto stays auto: the step moves the billing assumption, which is the uncertain input.
    const qualityPatch = (v: BilledQuality): Partial<Stage> =>
      auto ? { autoBilledAs: v } : { quality: v }
    rows.push({
      kind: 'quality',
      id: `stages.${i}.quality`,
      label: `${name} · ${auto ? 'Quality (auto billed as)' : 'Quality'}`,
      stageIndex: i,
      auto,
      baseValue: q,
      ...sides(q, stepQuality(q, -1) ?? q, stepQuality(q, 1) ?? q, (v) =>
        withStage(scenario, i, qualityPatch(v)),
      ),
    })

    const size: Size = { width: stage.width, height: stage.height }
    const { cheaper, dearer } = neighbourSizes(stage, scenario.modelId, book)
    rows.push({
      kind: 'size',
      id: `stages.${i}.size`,
      label: `${name} · Size`,
      stageIndex: i,
      baseValue: size,
      ...sides(size, cheaper ?? size, dearer ?? size, (v) =>
        withStage(scenario, i, { width: v.width, height: v.height }),
      ),
    })
  })

  for (const meter of METERS) {
    const price = base.prices[meter]
    const [low, high] = varyNumber(price, share, PRICE_RULE)
    rows.push({
      kind: 'price',
      id: `prices.${meter}`,
      label: `Price · ${METER_LABELS[meter]}`,
      stageIndex: null,
      meter,
      baseValue: price,
      ...sides(price, low, high, (v) => ({
        ...scenario,
        prices: { ...scenario.prices, [meter]: v },
      })),
    })
  }

  // Array.prototype.sort is stable, so equal swings keep worksheet order.
  rows.sort((a, b) => b.swingUsd - a.swingUsd)
  return { ok: true, baseCostUsd: baseCost, variationShare: share, rows }
}
