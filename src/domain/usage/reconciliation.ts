/**
 * Estimate against actual: a stage's estimate priced at a log group's volume,
 * and the gap explained by meter and by input (docs/usage-log-format.md).
 */
import { computeScenario, outputTokens, rateFactor } from '../engine'
import type { FieldError, Meter, Scenario, Stage } from '../model'
import { METERS } from '../model'
import { PARTIAL_IMAGE_TOKENS } from '../outputTokens'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'
import { plural } from './plural'
import { PER_MILLION } from '../engine'
import type { UsageGroup } from './summary'
import { imagesPerJobNote, mixText } from './summary'

/** The stage inputs a log can measure, in the order their effects are attributed. */
export type ReconcileInput =
  | 'retryMultiplier'
  | 'promptTokensPerImage'
  | 'referenceTokensPerImage'
  | 'qualityMix'
  | 'outputTokensPerImage'

export interface InputComparison {
  input: ReconcileInput
  label: string
  /** What `estimate` and `actual` count. */
  unit: string
  estimate: number
  /** null when the log does not measure it. */
  actual: number | null
  /** actual - estimate; null when not measured. */
  difference: number | null
  /** USD this input adds to the gap (its share of actual - estimate); null when not measured. */
  costImpactUsd: Usd | null
  detail: string
}

export interface MeterComparison {
  /** A meter, or 'costColumn' for rows priced from a cost column (no meter split). */
  meter: Meter | 'costColumn'
  estimateUsd: Usd
  actualUsd: Usd
  differenceUsd: Usd
}

export type Reconciliation =
  | {
      ok: true
      /** The estimate is the stage priced for the log's volume: per kept image, or per billed image when none was kept. */
      scaledBy: 'kept images' | 'billed images'
      /** Kept (or billed) images of the log the estimate is scaled to. */
      images: number
      estimateUsd: Usd
      actualUsd: Usd
      /** actual - estimate. */
      differenceUsd: Usd
      meters: MeterComparison[]
      inputs: InputComparison[]
      /** The input with the largest cost impact; null when none moves the cost. */
      largest: ReconcileInput | null
      /** The part of the gap no input explains: prices, batch, cost-column rows, unpriced rows. */
      unexplainedUsd: Usd
      notes: string[]
    }
  | { ok: false; errors: FieldError[] }

/** Effective USD per token of one meter pair, from the engine's own result when it billed any. */
function rate(cost: number, tokens: number, fallback: number): number {
  return tokens > 0 ? cost / tokens : fallback
}

/**
 * Compares a stage's estimate with what a log group measured, both in USD
 * at the log's volume (the stage priced per kept image x the group's kept
 * images), by meter and by input. Each input's cost impact is its part of
 * the gap, attributed in order (retry multiplier first, at the estimated
 * per-image cost; then each per-image input at the measured multiplier), so
 * the impacts plus `unexplainedUsd` add up to the difference.
 * @example reconcile(scenario, 1, summary.groups[1], book).largest // e.g. 'retryMultiplier'
 */
export function reconcile(
  scenario: Scenario,
  stageIndex: number,
  group: UsageGroup,
  book: PriceBook,
): Reconciliation {
  const stage = scenario.stages[stageIndex]
  if (!stage) {
    const message = `Scenario "${scenario.name}" has no stage ${String(stageIndex + 1)}.`
    return { ok: false, errors: [{ path: 'stages', field: 'stages', message }] }
  }
  // One kept image of this stage: the engine prices it with batch, overrides,
  // caching, partial images and per-image tables, exactly as the worksheet does.
  const unit: Scenario = {
    ...scenario,
    jobsPerMonth: 1,
    stages: [{ ...stage, reachShare: 1, imagesPerJob: 1 }],
  }
  const result = computeScenario(unit, book)
  const one = result.ok ? result.stages[0] : undefined
  if (!result.ok || !one) {
    const errors = result.ok ? [] : result.errors
    return {
      ok: false,
      errors: errors.map((e) =>
        e.stageIndex === undefined
          ? e
          : {
              ...e,
              stageIndex,
              path: e.path.replace(/^stages\.0\./, `stages.${String(stageIndex)}.`),
            },
      ),
    }
  }
  const notes: string[] = []
  const perJob = imagesPerJobNote(stage)
  if (perJob) notes.push(perJob)
  const billedPerKeptEst = stage.retryMultiplier * stage.outputsPerRequest
  const t = one.tokensByMeter
  const c = one.costByMeter
  const perBilledEst = billedPerKeptEst > 0 ? one.costUsd / billedPerKeptEst : 0
  const p = result.prices
  const factor = rateFactor(scenario.batch)
  const share = stage.cachedInputShare
  const textRate = rate(
    c.textInput + c.cachedTextInput,
    t.textInput + t.cachedTextInput,
    (factor * ((1 - share) * p.textInput + share * p.cachedTextInput)) / PER_MILLION,
  )
  const imageRate = rate(
    c.imageInput + c.cachedImageInput,
    t.imageInput + t.cachedImageInput,
    (factor * ((1 - share) * p.imageInput + share * p.cachedImageInput)) / PER_MILLION,
  )
  const outRate = rate(c.imageOutput, t.imageOutput, (factor * p.imageOutput) / PER_MILLION)

  const byKept = group.keptImages > 0
  const images = byKept ? group.keptImages : group.billedImages
  // Billed images behind each image the estimate is scaled by.
  const scaleEst = byKept ? billedPerKeptEst : 1
  const measured = byKept ? group.retryMultiplier : null
  const scaleAct = measured ?? scaleEst
  const estimateScale = byKept ? images : billedPerKeptEst > 0 ? images / billedPerKeptEst : 0
  if (!byKept) {
    notes.push(
      'No image of this group was kept, so the estimate is scaled to its billed images and the retry multiplier is not compared.',
    )
  }

  const meters: MeterComparison[] = METERS.map((meter) => {
    const estimateUsd = (c[meter] * estimateScale) as Usd
    const actualUsd = group.costByMeter[meter]
    return { meter, estimateUsd, actualUsd, differenceUsd: (actualUsd - estimateUsd) as Usd }
  })
  meters.push({
    meter: 'costColumn',
    estimateUsd: 0 as Usd,
    actualUsd: group.costColumnUsd,
    differenceUsd: group.costColumnUsd,
  })
  const estimateUsd = (one.costUsd * estimateScale) as Usd
  const actualUsd = group.costUsd
  const differenceUsd = (actualUsd - estimateUsd) as Usd

  const promptEst = stage.promptTokens
  const refEst = stage.referenceImages * stage.referenceImageTokens
  const outEst = billedPerKeptEst > 0 ? t.imageOutput / billedPerKeptEst : 0
  const partials = stage.partialImages * PARTIAL_IMAGE_TOKENS
  const outAtMix = qualityMixTokens(scenario.modelId, stage, group, book)
  const outMixed = outAtMix === null ? null : outAtMix + partials
  const outAct = group.outputTokensPerImage

  const atActual = images * scaleAct
  const impact = (actual: number | null, estimate: number, perToken: number): Usd | null =>
    actual === null ? null : ((atActual * (actual - estimate) * perToken) as Usd)
  const retryImpact =
    measured === null ? null : ((images * (measured - scaleEst) * perBilledEst) as Usd)
  const qualityImpact = impact(outMixed, outEst, outRate)
  const outputImpact = impact(outAct, outMixed ?? outEst, outRate)

  const diff = (actual: number | null, estimate: number): number | null =>
    actual === null ? null : actual - estimate
  const inputs: InputComparison[] = [
    {
      input: 'retryMultiplier',
      label: 'Billed images per kept image',
      unit: 'images per kept image',
      estimate: billedPerKeptEst,
      actual: measured,
      difference: diff(measured, billedPerKeptEst),
      costImpactUsd: retryImpact,
      detail:
        stage.outputsPerRequest > 1
          ? `The stage's retry multiplier ${String(stage.retryMultiplier)} x ${String(stage.outputsPerRequest)} outputs per request.`
          : `The stage's retry multiplier.${group.retryNote ? ` ${group.retryNote}` : ''}`,
    },
    {
      input: 'promptTokensPerImage',
      label: 'Prompt tokens per image',
      unit: 'text input tokens per billed image',
      estimate: promptEst,
      actual: group.promptTokensPerImage,
      difference: diff(group.promptTokensPerImage, promptEst),
      costImpactUsd: impact(group.promptTokensPerImage, promptEst, textRate),
      detail:
        group.promptTokensPerImage === null
          ? 'The log has no input token counts.'
          : 'Text input tokens from the usage fields, per billed image.',
    },
    {
      input: 'referenceTokensPerImage',
      label: 'Reference-image tokens per image',
      unit: 'image input tokens per billed image',
      estimate: refEst,
      actual: group.referenceTokensPerImage,
      difference: diff(group.referenceTokensPerImage, refEst),
      costImpactUsd: impact(group.referenceTokensPerImage, refEst, imageRate),
      detail: `The stage sends ${plural(stage.referenceImages, 'reference image')} of ${String(stage.referenceImageTokens)} tokens each.`,
    },
    {
      input: 'qualityMix',
      label: 'Quality mix',
      unit: 'output tokens per image at the stage size',
      estimate: outEst,
      actual: outMixed,
      difference: diff(outMixed, outEst),
      costImpactUsd: qualityImpact,
      detail: `Stage: ${stage.quality === 'auto' ? `auto, budgeted as ${stage.autoBilledAs}` : stage.quality}; log: ${mixText(group.qualityMix)}.`,
    },
    {
      input: 'outputTokensPerImage',
      label: 'Output tokens per image',
      unit: 'output tokens per billed image',
      estimate: outEst,
      actual: outAct,
      difference: diff(outAct, outEst),
      costImpactUsd: outputImpact,
      detail:
        outMixed === null
          ? 'Everything that moves output tokens: quality, size and partial images.'
          : 'What is left after the quality mix: mostly the size mix (and partial images).',
    },
  ]
  let largest: ReconcileInput | null = null
  let largestAbs = 0
  let explained = 0
  for (const i of inputs) {
    if (i.costImpactUsd === null) continue
    explained += i.costImpactUsd
    if (Math.abs(i.costImpactUsd) > largestAbs) {
      largestAbs = Math.abs(i.costImpactUsd)
      largest = i.input
    }
  }
  const models = group.modelMix.filter(
    (m) => m.model !== '' && !m.model.startsWith(scenario.modelId),
  )
  if (models.length > 0) {
    notes.push(
      `The log has images of ${models.map((m) => m.model).join(', ')}, priced at their own rates; the estimate uses ${scenario.modelId}.`,
    )
  }
  if (scenario.batch) {
    notes.push(
      'The estimate is at Batch API prices; usage tokens in the log are priced at standard rates.',
    )
  }
  if (scenario.prices && Object.keys(scenario.prices).length > 0) {
    notes.push(
      'The estimate uses the scenario’s price overrides; the log is priced from the price book.',
    )
  }
  return {
    ok: true,
    scaledBy: byKept ? 'kept images' : 'billed images',
    images,
    estimateUsd,
    actualUsd,
    differenceUsd,
    meters,
    inputs,
    largest,
    unexplainedUsd: residual(differenceUsd, explained, estimateUsd, actualUsd),
    notes: [...notes, ...group.notes],
  }
}

/**
 * What the inputs leave of the difference. Below a billionth of the amounts compared it is the
 * subtraction's rounding, not money: left as is, it read "+$3.47E-18 not explained".
 */
function residual(difference: number, explained: number, estimate: number, actual: number): Usd {
  const rest = difference - explained
  const noise = 1e-9 * Math.max(Math.abs(estimate), Math.abs(actual))
  return (Math.abs(rest) <= noise ? 0 : rest) as Usd
}

/** Output tokens per image of the log's quality mix at the stage's size; null when no quality was logged. */
function qualityMixTokens(
  modelId: string,
  stage: Stage,
  group: UsageGroup,
  book: PriceBook,
): number | null {
  let tokens = 0
  let known = 0
  for (const q of ['low', 'medium', 'high', 'auto'] as const) {
    const s = group.qualityMix[q]
    if (s === 0) continue
    const billed = q === 'auto' ? stage.autoBilledAs : q
    const r = outputTokens(modelId, billed, stage.width, stage.height, book)
    if (!r.ok) return null
    tokens += s * r.tokens
    known += s
  }
  return known > 0 ? tokens / known : null
}
