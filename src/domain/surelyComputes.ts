import { sizeProblems } from './engine'
import type { Scenario, Stage } from './model'
import { BILLED_QUALITIES, METERS, QUALITIES } from './model'
import type { PriceBook } from './priceBook'
import { findModel } from './priceBook'
import { checkNumber, JOBS_RULE, PRICE_RULE, STAGE_RULES } from './validate'

/**
 * True only when `computeScenario(scenario, book)` surely returns ok, found
 * without building its result; false means "ask computeScenario", which alone
 * words the errors. For callers that check many scenarios and need no totals
 * yet (CSV import checks thousands and shows totals only for what it lists).
 * Runs computeScenario's own checks (validate.ts, sizeProblems). Its last
 * check, a total that overflows, cannot fail here: only gpt-image-2 (output
 * tokens from a formula over an allowed size) passes, with book prices within
 * PRICE_RULE like any override, and with every input within its rule a stage
 * bills at most 1e21 images (jobs 1e12 x images 1e6 x retries 100 x outputs
 * 10) of a few million tokens each at $0.1 per token: about 1e27 dollars.
 * @example surelyComputes(defaultScenario(), PRICE_BOOK) // true
 */
export function surelyComputes(scenario: Scenario, book: PriceBook): boolean {
  if (checkNumber(scenario.jobsPerMonth, JOBS_RULE) !== null) return false
  const spec = findModel(book, scenario.modelId)
  if (!spec || spec.output.kind !== 'gpt-image-2') return false
  const m = spec.meters
  if (
    checkNumber(m.textInput.usdPerMillion, PRICE_RULE) !== null ||
    checkNumber(m.cachedTextInput.usdPerMillion, PRICE_RULE) !== null ||
    checkNumber(m.imageInput.usdPerMillion, PRICE_RULE) !== null ||
    checkNumber(m.cachedImageInput.usdPerMillion, PRICE_RULE) !== null ||
    checkNumber(m.imageOutput.usdPerMillion, PRICE_RULE) !== null
  ) {
    return false
  }
  const prices = scenario.prices
  if (prices) {
    for (const meter of METERS) {
      const price = prices[meter]
      if (price !== undefined && checkNumber(price, PRICE_RULE) !== null) return false
    }
  }
  const stages = scenario.stages
  for (let i = 0; i < stages.length; i++) {
    if (!stageIsValid(stages[i] as Stage)) return false
  }
  // Same size as the stage before (most files), same answer: skip the allocation.
  let width = 0
  let height = 0
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as Stage
    if (stage.width === width && stage.height === height) continue
    if (sizeProblems(spec, stage.width, stage.height).length > 0) return false
    width = stage.width
    height = stage.height
  }
  return true
}

/** stageFieldErrors' checks, spelled out for the same reason it gives (keyed reads go megamorphic). */
function stageIsValid(s: Stage): boolean {
  const R = STAGE_RULES
  return (
    QUALITIES.includes(s.quality) &&
    BILLED_QUALITIES.includes(s.autoBilledAs) &&
    checkNumber(s.width, R.width) === null &&
    checkNumber(s.height, R.height) === null &&
    checkNumber(s.imagesPerJob, R.imagesPerJob) === null &&
    checkNumber(s.outputsPerRequest, R.outputsPerRequest) === null &&
    checkNumber(s.reachShare, R.reachShare) === null &&
    checkNumber(s.retryMultiplier, R.retryMultiplier) === null &&
    checkNumber(s.promptTokens, R.promptTokens) === null &&
    checkNumber(s.referenceImages, R.referenceImages) === null &&
    checkNumber(s.referenceImageTokens, R.referenceImageTokens) === null &&
    checkNumber(s.cachedInputShare, R.cachedInputShare) === null &&
    checkNumber(s.partialImages, R.partialImages) === null
  )
}
