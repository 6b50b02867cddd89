import type {
  BilledQuality,
  ByMeter,
  FieldError,
  Meter,
  MeterPrices,
  Notice,
  Scenario,
  ScenarioResult,
  Stage,
  StageResult,
} from './model'
import { BILLED_QUALITIES, METERS } from './model'
import type { ModelSpec, PriceBook, SizeKey } from './priceBook'
import { findModel } from './priceBook'
import {
  GPT_IMAGE_2_LIMITS,
  PARTIAL_IMAGE_TOKENS,
  gptImage2OutputTokens,
  gptImage2SizeProblems,
} from './outputTokens'
import type { SizeProblem } from './outputTokens'
import { billedQualityOf, deliversFinalFlags } from './finals'
import type { Tokens, Usd } from './units'
import { usdPerMillion } from './units'
import { checkNumber, PRICE_RULE, scenarioFieldErrors, stageFieldErrors } from './validate'
import { isCustomModelId } from './customModels'

/** Every meter is priced in USD per one million tokens. */
export const PER_MILLION = 1_000_000
/** The Batch API halves every meter. A power of two, so halving is exact in floating point. */
export const BATCH_FACTOR = 0.5

/** What every meter's rate is multiplied by: BATCH_FACTOR on the Batch API, else 1. */
export function rateFactor(batch: boolean): number {
  return batch ? BATCH_FACTOR : 1
}

export type OutputTokensResult = { ok: true; tokens: Tokens } | { ok: false; message: string }

function sizeKey(width: number, height: number): SizeKey {
  return `${width}x${height}`
}

/**
 * The sizes a model makes when it makes only some: a table's sizes, or a
 * custom model's list. null for a model that makes any size its rule allows.
 */
export function madeSizes(spec: ModelSpec): readonly SizeKey[] | null {
  if (spec.output.kind === 'table') return Object.keys(spec.output.tokens) as SizeKey[]
  return spec.sizes ?? null
}

/** Every reason a size cannot be produced by a model (empty when it can). */
export function sizeProblems(spec: ModelSpec, width: number, height: number): SizeProblem[] {
  const made = madeSizes(spec)
  if (made === null) return gptImage2SizeProblems(width, height)
  if (made.includes(sizeKey(width, height))) return []
  const name = spec.custom ? spec.label : spec.id
  return [
    {
      field: 'size',
      message: `${name} makes only ${made.join(', ')}; ${width}x${height} is not one of them.`,
    },
  ]
}

/**
 * Image output tokens for one image (partial images excluded).
 * @example outputTokens('gpt-image-2', 'high', 1024, 1024, PRICE_BOOK) // { ok: true, tokens: 7024 }
 */
export function outputTokens(
  modelId: string,
  quality: BilledQuality,
  width: number,
  height: number,
  book: PriceBook,
): OutputTokensResult {
  const spec = findModel(book, modelId)
  if (!spec) return { ok: false, message: unknownModel(modelId, book) }
  if (!BILLED_QUALITIES.includes(quality)) {
    return { ok: false, message: 'Output tokens exist only for low, medium or high quality.' }
  }
  const problems = sizeProblems(spec, width, height)
  if (problems[0]) return { ok: false, message: problems[0].message }
  return { ok: true, tokens: tokensFor(spec, quality, width, height) }
}

/** Caller has checked the size. A model billed per image or per megapixel counts no output tokens. */
function tokensFor(spec: ModelSpec, quality: BilledQuality, width: number, height: number): Tokens {
  const o = spec.output
  const n =
    o.kind === 'gpt-image-2'
      ? gptImage2OutputTokens(quality, width, height)
      : o.kind === 'table'
        ? (o.tokens[sizeKey(width, height)]?.[quality] ?? 0)
        : 0
  return n as Tokens
}

function unknownModel(modelId: string, book: PriceBook): string {
  if (isCustomModelId(modelId)) {
    return `The custom model this scenario used (${modelId}) was removed from the worksheet; choose another model, or add it again.`
  }
  return `Model "${modelId}" is not in the price book; choose one of ${Object.keys(book).join(', ')}.`
}

/** Megapixels of one image: width x height / 1e6 (1536x1024 is 1.572864). */
export function megapixels(width: number, height: number): number {
  return (width * height) / 1e6
}

/**
 * Sums are kept as plain numbers and take their unit once, when a result is
 * returned. Spelled out rather than looped: keyed access in a loop is several
 * times slower here.
 */
function addInto(sum: ByMeter<number>, add: ByMeter<number>): void {
  sum.textInput += add.textInput
  sum.cachedTextInput += add.cachedTextInput
  sum.imageInput += add.imageInput
  sum.cachedImageInput += add.cachedImageInput
  sum.imageOutput += add.imageOutput
}

function zeroByMeter(): ByMeter<number> {
  return { textInput: 0, cachedTextInput: 0, imageInput: 0, cachedImageInput: 0, imageOutput: 0 }
}

function effectivePrices(scenario: Scenario, spec: ModelSpec, errors: FieldError[]): MeterPrices {
  const m = spec.meters
  const book: MeterPrices = {
    textInput: m.textInput.usdPerMillion,
    cachedTextInput: m.cachedTextInput.usdPerMillion,
    imageInput: m.imageInput.usdPerMillion,
    cachedImageInput: m.cachedImageInput.usdPerMillion,
    imageOutput: m.imageOutput.usdPerMillion,
  }
  const overrides = scenario.prices
  if (!overrides) return book
  for (const meter of METERS) {
    const override = overrides[meter]
    if (override === undefined) continue
    const problem = checkNumber(override, PRICE_RULE)
    if (problem) {
      errors.push({
        path: `prices.${meter}`,
        field: meter,
        message: problem.replace('Price', `The ${METER_LABELS[meter]} price (USD per 1M tokens)`),
      })
    }
    book[meter] = usdPerMillion(override)
  }
  return book
}

/** The names people see for each meter; the UI and CSV docs use the same words. */
export const METER_LABELS: Record<Meter, string> = {
  textInput: 'Text input',
  cachedTextInput: 'Cached text input',
  imageInput: 'Image input',
  cachedImageInput: 'Cached image input',
  imageOutput: 'Image output',
}

function stageNotices(stage: Stage, index: number, spec: ModelSpec, notices: Notice[]): void {
  if (stage.quality === 'auto') {
    notices.push({
      path: `stages.${index}.quality`,
      message: `Quality auto is budgeted as ${stage.autoBilledAs}; the bill follows the quality the model picks.`,
    })
  }
  if (
    spec.output.kind === 'gpt-image-2' &&
    stage.width * stage.height > GPT_IMAGE_2_LIMITS.experimentalAbovePixels
  ) {
    notices.push({
      path: `stages.${index}.size`,
      message: `${stage.width}x${stage.height} is above 2560x1440: OpenAI marks such sizes as experimental.`,
    })
  }
}

function computeStage(
  stage: Stage,
  spec: ModelSpec,
  jobsPerMonth: number,
  prices: MeterPrices,
  factor: number,
  deliversFinal: boolean,
): StageResult {
  const billedQuality = billedQualityOf(stage)
  const perImageTokens = tokensFor(spec, billedQuality, stage.width, stage.height)
  const jobs = jobsPerMonth * stage.reachShare
  const billableRequests = jobs * stage.imagesPerJob * stage.retryMultiplier
  const billableImages = billableRequests * stage.outputsPerRequest
  const c = stage.cachedInputShare

  const textTokens = billableImages * stage.promptTokens
  const imageInTokens = billableImages * stage.referenceImages * stage.referenceImageTokens
  const partialTokens = billableImages * PARTIAL_IMAGE_TOKENS * stage.partialImages
  const tokensByMeter: ByMeter<number> = {
    textInput: textTokens * (1 - c),
    cachedTextInput: textTokens * c,
    imageInput: imageInTokens * (1 - c),
    cachedImageInput: imageInTokens * c,
    imageOutput: billableImages * perImageTokens + partialTokens,
  }

  const outputRate = (factor * prices.imageOutput) / PER_MILLION
  let outputCost = tokensByMeter.imageOutput * outputRate
  const o = spec.output
  if (o.kind === 'perImage') {
    // Priced per image, so an override of the per-token output rate has nothing to scale;
    // the Batch API discount applies as to every other model.
    outputCost = factor * billableImages * o.usd[billedQuality] + partialTokens * outputRate
  } else if (o.kind === 'perMegapixel') {
    const perImage = o.usd[billedQuality] * megapixels(stage.width, stage.height)
    outputCost = factor * billableImages * perImage + partialTokens * outputRate
  } else if (spec.output.kind === 'table' && spec.output.perImageUsd) {
    // Billed from the per-image table; an overridden output rate scales it proportionally.
    const perImage =
      spec.output.perImageUsd[sizeKey(stage.width, stage.height)]?.[billedQuality] ?? 0
    const scale = prices.imageOutput / spec.meters.imageOutput.usdPerMillion
    outputCost = factor * billableImages * perImage * scale + partialTokens * outputRate
  }
  const costByMeter: ByMeter<number> = {
    textInput: (tokensByMeter.textInput * factor * prices.textInput) / PER_MILLION,
    cachedTextInput:
      (tokensByMeter.cachedTextInput * factor * prices.cachedTextInput) / PER_MILLION,
    imageInput: (tokensByMeter.imageInput * factor * prices.imageInput) / PER_MILLION,
    cachedImageInput:
      (tokensByMeter.cachedImageInput * factor * prices.cachedImageInput) / PER_MILLION,
    imageOutput: outputCost,
  }
  const costUsd = (costByMeter.textInput +
    costByMeter.cachedTextInput +
    costByMeter.imageInput +
    costByMeter.cachedImageInput +
    costByMeter.imageOutput) as Usd
  return {
    name: stage.name,
    billedQuality,
    outputTokensPerImage: perImageTokens,
    jobs,
    billableRequests,
    billableImages,
    keptImages: jobs * stage.imagesPerJob,
    deliversFinal,
    tokensByMeter: tokensByMeter as ByMeter<Tokens>,
    costByMeter: costByMeter as ByMeter<Usd>,
    costUsd,
    costPerBillableImageUsd: billableImages > 0 ? ((costUsd / billableImages) as Usd) : null,
  }
}

/**
 * Monthly cost of a scenario, in USD, with its breakdown by stage and by meter.
 * Never throws and never returns NaN: a field that cannot be used gives
 * `{ ok: false, monthlyCostUsd: null, errors }` naming each such field.
 * @example computeScenario(defaultScenario(), PRICE_BOOK).monthlyCostUsd // e.g. 211.2
 */
export function computeScenario(scenario: Scenario, book: PriceBook): ScenarioResult {
  const errors: FieldError[] = []
  const notices: Notice[] = []
  scenarioFieldErrors(scenario, errors)
  const spec = findModel(book, scenario.modelId)
  if (!spec) {
    errors.push({
      path: 'modelId',
      field: 'modelId',
      message: unknownModel(scenario.modelId, book),
    })
  } else if (spec.statusNote) {
    notices.push({ path: 'modelId', message: `${spec.label}: ${spec.statusNote}` })
  }
  const prices = spec ? effectivePrices(scenario, spec, errors) : null

  const stages = scenario.stages
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as Stage
    const before = errors.length
    stageFieldErrors(stage, i, errors)
    if (!spec) continue
    const sizeOk = !errors.slice(before).some((e) => e.field === 'width' || e.field === 'height')
    if (sizeOk) {
      for (const p of sizeProblems(spec, stage.width, stage.height)) {
        errors.push({
          path: `stages.${i}.${p.field}`,
          field: p.field,
          stageIndex: i,
          stageName: stage.name,
          message: p.message,
        })
      }
    }
    stageNotices(stage, i, spec, notices)
  }
  if (!spec || !prices || errors.length > 0) {
    return { ok: false, monthlyCostUsd: null, errors, notices }
  }

  const factor = rateFactor(scenario.batch)
  const costByMeter = zeroByMeter()
  const tokensByMeter = zeroByMeter()
  const stageResults: StageResult[] = []
  let monthly = 0
  let billableImages = 0
  let keptImages = 0
  let deliveredImages = 0
  const finals = deliversFinalFlags(stages)
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as Stage
    const r = computeStage(stage, spec, scenario.jobsPerMonth, prices, factor, finals[i] ?? false)
    stageResults.push(r)
    monthly += r.costUsd
    billableImages += r.billableImages
    keptImages += r.keptImages
    if (r.deliversFinal) deliveredImages += r.keptImages
    addInto(costByMeter, r.costByMeter)
    addInto(tokensByMeter, r.tokensByMeter)
  }
  if (!Number.isFinite(monthly)) {
    // Each field is within range, but their product can still overflow a double.
    errors.push({
      path: 'jobsPerMonth',
      field: 'jobsPerMonth',
      message:
        'The inputs multiply to a cost too large to compute; lower jobs per month or images per job.',
    })
    return { ok: false, monthlyCostUsd: null, errors, notices }
  }
  if (stages.length > 0 && !finals.includes(true)) {
    notices.push({
      path: 'stages',
      message:
        'No stage is marked "Delivers final images", so there is no cost per delivered image; tick it on the stage whose images you deliver.',
    })
  }
  const jobs = scenario.jobsPerMonth
  return {
    ok: true,
    errors: [],
    monthlyCostUsd: monthly as Usd,
    annualCostUsd: (monthly * 12) as Usd,
    costPerJobUsd: jobs > 0 ? ((monthly / jobs) as Usd) : null,
    costPerKeptImageUsd: keptImages > 0 ? ((monthly / keptImages) as Usd) : null,
    costPerDeliveredImageUsd: deliveredImages > 0 ? ((monthly / deliveredImages) as Usd) : null,
    billableImages,
    keptImages,
    deliveredImages,
    costByMeter: costByMeter as ByMeter<Usd>,
    tokensByMeter: tokensByMeter as ByMeter<Tokens>,
    stages: stageResults,
    prices,
    notices,
  }
}
