import type { FieldError, Scenario, Stage } from './model'
import { BILLED_QUALITIES, QUALITIES } from './model'
import { groupedNumber, groupedPercent } from './numberText'

/** The allowed range of one numeric input, with the words the UI uses for it. */
export interface NumberRule {
  label: string
  min: number
  max: number
  integer?: boolean
  /** Stored as a 0..1 fraction, shown to people as a percentage. */
  percent?: boolean
  /** Why the minimum is what it is, when that is not obvious. */
  minReason?: string
}

export type StageNumberField =
  | 'width'
  | 'height'
  | 'imagesPerJob'
  | 'outputsPerRequest'
  | 'reachShare'
  | 'retryMultiplier'
  | 'promptTokens'
  | 'referenceImages'
  | 'referenceImageTokens'
  | 'cachedInputShare'
  | 'partialImages'

/**
 * Ranges of every stage number. Upper bounds are far above any real workload;
 * they exist so a typo like 1e400 is caught at the field, not as an Infinity total.
 */
export const STAGE_RULES: Record<StageNumberField, NumberRule> = {
  width: { label: 'Width', min: 1, max: 100_000, integer: true },
  height: { label: 'Height', min: 1, max: 100_000, integer: true },
  imagesPerJob: { label: 'Images per job', min: 0, max: 1_000_000 },
  outputsPerRequest: { label: 'Outputs per request', min: 1, max: 10, integer: true },
  reachShare: { label: 'Share of jobs reaching this stage', min: 0, max: 1, percent: true },
  retryMultiplier: {
    label: 'Retry multiplier',
    min: 1,
    max: 100,
    minReason: 'every kept image takes at least one billed attempt',
  },
  promptTokens: { label: 'Prompt tokens', min: 0, max: 1_000_000 },
  referenceImages: { label: 'Reference images', min: 0, max: 16, integer: true },
  referenceImageTokens: { label: 'Tokens per reference image', min: 0, max: 100_000 },
  cachedInputShare: { label: 'Cached input share', min: 0, max: 1, percent: true },
  partialImages: { label: 'Partial images', min: 0, max: 3, integer: true },
}

export const STAGE_NUMBER_FIELDS = Object.keys(STAGE_RULES) as StageNumberField[]

/** The stage fields stored as 0..1 fractions and typed and shown as percentages. */
export const PERCENT_STAGE_FIELDS: ReadonlySet<string> = new Set(
  STAGE_NUMBER_FIELDS.filter((f) => STAGE_RULES[f].percent === true),
)

export const JOBS_RULE: NumberRule = { label: 'Jobs per month', min: 0, max: 1e12 }
export const PRICE_RULE: NumberRule = { label: 'Price', min: 0, max: 100_000 }
/** Optional: users who can trigger generation in a month. May be an average, so not whole. */
export const USERS_RULE: NumberRule = { label: 'Users per month', min: 0, max: 1e12 }
/** Optional: a per-user cap counts whole images, as an API-side counter does. */
export const QUOTA_RULE: NumberRule = {
  label: 'Max images per user per month',
  min: 0,
  max: 1e9,
  integer: true,
}

/**
 * An optional number left out or emptied: a cleared box is stored as NaN, and
 * for an optional field that means "not set", not "not a number". A NaN that
 * stands for unreadable text ("abc") is told apart by the draft's text, which
 * only the UI has (see decisionScenario).
 */
export function isUnset(value: number | undefined): boolean {
  return value === undefined || Number.isNaN(value)
}

/**
 * Appends an error for a usersPerMonth or maxImagesPerUser that is set but not
 * allowed. Not part of scenarioFieldErrors on purpose: quotas feed no cost, so
 * a bad one is reported where it is typed (the Quotas panel, a CSV row) and
 * never turns the monthly total into "Incomplete".
 */
export function quotaFieldErrors(scenario: Scenario, out: FieldError[]): void {
  const users = scenario.usersPerMonth
  const quota = scenario.maxImagesPerUser
  // Both are unset in most scenarios: two comparisons and out, for the engine's hot path.
  if (users === undefined && quota === undefined) return
  const u = isUnset(users) ? null : checkNumber(users, USERS_RULE)
  if (u) out.push({ path: 'usersPerMonth', field: 'usersPerMonth', message: u })
  const q = isUnset(quota) ? null : checkNumber(quota, QUOTA_RULE)
  if (q) out.push({ path: 'maxImagesPerUser', field: 'maxImagesPerUser', message: q })
}

const show = (n: number, percent: boolean | undefined): string =>
  percent ? groupedPercent(n) : groupedNumber(n)

/**
 * Why `value` breaks `rule`, or null when it is allowed. Never throws: the
 * message names the field, what is wrong and the allowed range.
 */
export function checkNumber(value: unknown, rule: NumberRule): string | null {
  // The fast path runs for every field of every evaluation; NaN fails every
  // comparison, so it falls through to the explanation like any other bad value.
  if (
    typeof value === 'number' &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  ) {
    return null
  }
  return explain(value, rule)
}

function explain(value: unknown, rule: NumberRule): string {
  const { label, min, max, percent } = rule
  const range = `${show(min, percent)} to ${show(max, percent)}`
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return `${label} must be a number from ${range}.`
  }
  if (!Number.isFinite(value)) {
    return `${label} is too large to compute: the most allowed is ${show(max, percent)}.`
  }
  if (value > max) {
    return `${label} must be at most ${show(max, percent)}; it is ${show(value, percent)}.`
  }
  if (value < min) {
    const why = rule.minReason ? ` (${rule.minReason})` : ''
    return `${label} must be at least ${show(min, percent)}${why}; it is ${show(value, percent)}.`
  }
  return `${label} must be a whole number from ${range}; it is ${show(value, percent)}.`
}

function stageError(stage: Stage, index: number, field: string, message: string): FieldError {
  return {
    path: `stages.${index}.${field}`,
    field,
    stageIndex: index,
    stageName: stage.name,
    message,
  }
}

function checkField(
  stage: Stage,
  index: number,
  field: StageNumberField,
  value: number,
  rule: NumberRule,
  out: FieldError[],
): void {
  const problem = checkNumber(value, rule)
  if (problem) out.push(stageError(stage, index, field, problem))
}

/** Appends an error for every malformed field of a stage other than its size. */
export function stageFieldErrors(stage: Stage, index: number, out: FieldError[]): void {
  if (!QUALITIES.includes(stage.quality)) {
    const message = `Quality must be low, medium, high or auto; it is ${JSON.stringify(stage.quality)}.`
    out.push(stageError(stage, index, 'quality', message))
  }
  if (!BILLED_QUALITIES.includes(stage.autoBilledAs)) {
    const message = `Bill auto as must be low, medium or high; it is ${JSON.stringify(stage.autoBilledAs)}.`
    out.push(stageError(stage, index, 'autoBilledAs', message))
  }
  // One named read per field rather than a loop over keys: keyed reads
  // (stage[field], STAGE_RULES[field]) go megamorphic and cost more than the
  // whole cost computation (npm run bench).
  const R = STAGE_RULES
  checkField(stage, index, 'width', stage.width, R.width, out)
  checkField(stage, index, 'height', stage.height, R.height, out)
  checkField(stage, index, 'imagesPerJob', stage.imagesPerJob, R.imagesPerJob, out)
  checkField(stage, index, 'outputsPerRequest', stage.outputsPerRequest, R.outputsPerRequest, out)
  checkField(stage, index, 'reachShare', stage.reachShare, R.reachShare, out)
  checkField(stage, index, 'retryMultiplier', stage.retryMultiplier, R.retryMultiplier, out)
  checkField(stage, index, 'promptTokens', stage.promptTokens, R.promptTokens, out)
  checkField(stage, index, 'referenceImages', stage.referenceImages, R.referenceImages, out)
  checkField(
    stage,
    index,
    'referenceImageTokens',
    stage.referenceImageTokens,
    R.referenceImageTokens,
    out,
  )
  checkField(stage, index, 'cachedInputShare', stage.cachedInputShare, R.cachedInputShare, out)
  checkField(stage, index, 'partialImages', stage.partialImages, R.partialImages, out)
}

export function scenarioFieldErrors(scenario: Scenario, out: FieldError[]): void {
  const jobs = checkNumber(scenario.jobsPerMonth, JOBS_RULE)
  if (jobs) out.push({ path: 'jobsPerMonth', field: 'jobsPerMonth', message: jobs })
}
