import { computeScenario } from '../engine'
import type { BilledQuality, Scenario, Stage } from '../model'
import { METERS } from '../model'
import { gptImage2OutputTokens, gptImage2SizeProblems } from '../outputTokens'
import type { PriceBook } from '../priceBook'
import { findModel } from '../priceBook'
import type { Usd } from '../units'
import type { Size } from '../sizes'
import type { DecisionFailure } from './common'
import { billedQualityOf, isFiniteNumber, monthlyCostOf, stageLabel } from './common'
import type { ScenarioFix } from './fixes'
import { applyFix } from './fixes'
import { signedTenthsPercent, tenthsPercent, toTenth } from '../numberText'

export type BudgetCheckKind =
  | 'highQualityExploration'
  | 'retryMultiplierOne'
  | 'everyRatioBeforeSelection'
  | 'noUserQuota'
  | 'pricesStale'
  | 'poorSizeValue'

/** A warning drawn from the guide's common pricing mistakes. */
export interface BudgetCheck {
  kind: BudgetCheckKind
  /** Dotted path of the field to point at, e.g. 'stages.0.quality'. */
  path: string
  stageIndex: number | null
  /** The reason, in one line. */
  message: string
  /** A change the UI can apply, or null when only the user can act (e.g. re-check prices). */
  fix: ScenarioFix | null
  /** Monthly cost after the fix minus before, USD (negative saves); null without a fix. */
  monthlyCostDeltaUsd: Usd | null
  /** Where to act when the fix is outside the app, e.g. OpenAI's pricing page. */
  sourceUrl: string | null
}

export interface BudgetCheckOptions {
  /** Today's date, ISO YYYY-MM-DD: passed in so the domain never reads the clock. */
  today: string
  /** Prices checked longer ago than this many days are flagged; default 30. */
  maxPriceAgeDays?: number
  /** Nearby sizes span this share of the stage's pixel count either way; default 0.25. */
  sizePixelShare?: number
  /** "Same aspect ratio" allows this relative difference in width/height; default 0.02. */
  sizeAspectTolerance?: number
  /** A nearby size is reported when it is at least this much cheaper per pixel; default 0.1. */
  sizeMinImprovement?: number
}

export type BudgetChecksResult = { ok: true; checks: BudgetCheck[] } | DecisionFailure

/**
 * A starting retry multiplier for a stage left at exactly 1. The guide gives
 * no universal figure ("measure them from your own logs"); 1.3 matches the
 * example scenario's final stage and is meant to be replaced.
 */
export const SUGGESTED_RETRY_MULTIPLIER = 1.3
/** Example share of jobs whose winner gets ratio variants (one winner in four). */
export const SUGGESTED_SELECTION_SHARE = 0.25
/** A suggested quota leaves this much room over the plan's own images per user. */
export const QUOTA_HEADROOM = 1.5

const EXPLORATION_NAME =
  /\b(drafts?|concepts?|ideas?|ideation|explor\w*|brainstorm\w*|sketch\w*|rough\w*)\b/i

const PRICING_PAGE = 'https://developers.openai.com/api/docs/pricing#image-generation'

/** Days since 1970-01-01 of an ISO YYYY-MM-DD date, or null when it is not a real date. */
export function isoDateToDays(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  if (monthDays === undefined || d < 1 || d > monthDays) return null
  // Howard Hinnant's days_from_civil: exact integer arithmetic, no Date object.
  const yy = mo <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

const billsHigh = (stage: Stage): boolean => billedQualityOf(stage) === 'high'
const generates = (stage: Stage): boolean => stage.reachShare > 0 && stage.imagesPerJob > 0

/**
 * A stage is exploration when its name says so, or when it is the first of
 * several and a later stage is gated (reach below 100%): its output feeds a
 * selection, so most of it is discarded.
 */
function isExploration(scenario: Scenario, index: number): boolean {
  const stage = scenario.stages[index]
  if (!stage) return false
  if (EXPLORATION_NAME.test(stage.name)) return true
  return index === 0 && scenario.stages.slice(1).some((s) => s.reachShare < 1)
}

/** Closest size (same shape within tolerance, pixels within share) with the best tokens per pixel. */
export function betterValueSize(
  quality: BilledQuality,
  width: number,
  height: number,
  pixelShare = 0.25,
  aspectTolerance = 0.02,
): { size: Size; tokens: number; tokensPerMegapixel: number } | null {
  const pixels = width * height
  const ratio = width / height
  const minPx = pixels * (1 - pixelShare)
  const maxPx = pixels * (1 + pixelShare)
  const minRatio = ratio / (1 + aspectTolerance)
  const maxRatio = ratio * (1 + aspectTolerance)
  const own = gptImage2OutputTokens(quality, width, height)
  let best: { size: Size; tokens: number; tokensPerMegapixel: number } | null = null
  let bestShape = Infinity
  for (let w = 16; w <= 3840; w += 16) {
    // Bounds on h from the pixel and ratio windows, snapped inward to multiples of 16.
    const hMin = Math.max(minPx / w, w / maxRatio)
    const hMax = Math.min(maxPx / w, w / minRatio)
    for (let h = Math.ceil(hMin / 16) * 16; h <= hMax; h += 16) {
      if (h <= 0 || (w === width && h === height)) continue
      if (gptImage2SizeProblems(w, h).length > 0) continue
      const t = gptImage2OutputTokens(quality, w, h)
      // Advice that raises the per-image bill is not a saving, however good the per-pixel rate.
      if (t > own) continue
      const perMp = (t * 1e6) / (w * h)
      const shape = Math.abs(Math.log(w / h / ratio))
      if (
        !best ||
        perMp < best.tokensPerMegapixel ||
        (perMp === best.tokensPerMegapixel && shape < bestShape)
      ) {
        best = { size: { width: w, height: h }, tokens: t, tokensPerMegapixel: perMp }
        bestShape = shape
      }
    }
  }
  return best
}

/**
 * Warnings drawn from the guide's common pricing mistakes, each with a one-line
 * reason and, where one exists, a fix as data with its monthly cost change (USD).
 * `today` (ISO date) is an argument: the domain never reads the clock.
 * @example budgetChecks(defaultScenario(), PRICE_BOOK, { today: '2026-06-30' }).checks[0].kind // 'pricesStale' (2026-04-28 is 63 days back)
 */
export function budgetChecks(
  scenario: Scenario,
  book: PriceBook,
  options: BudgetCheckOptions,
): BudgetChecksResult {
  const today = isoDateToDays(options.today)
  if (today === null) {
    return {
      ok: false,
      errors: [{ path: 'today', field: 'today', message: "Today's date must be YYYY-MM-DD." }],
    }
  }
  const base = computeScenario(scenario, book)
  if (!base.ok) return { ok: false, errors: base.errors }
  const cost = base.monthlyCostUsd

  const checks: BudgetCheck[] = []
  const push = (
    kind: BudgetCheckKind,
    path: string,
    stageIndex: number | null,
    message: string,
    fix: ScenarioFix | null,
    sourceUrl: string | null = null,
  ): void => {
    const after = fix ? monthlyCostOf(applyFix(scenario, fix), book) : null
    checks.push({
      kind,
      path,
      stageIndex,
      message,
      fix,
      monthlyCostDeltaUsd: after === null ? null : ((after - cost) as Usd),
      sourceUrl,
    })
  }

  const stages = scenario.stages
  stages.forEach((stage, i) => {
    const name = stageLabel(stage, i)
    if (generates(stage) && billsHigh(stage) && isExploration(scenario, i)) {
      const how = stage.quality === 'auto' ? 'auto, budgeted as high' : 'high quality'
      push(
        'highQualityExploration',
        `stages.${i}.quality`,
        i,
        `"${name}" explores at ${how}, but most drafts are discarded: draft at low, then regenerate the winners at high.`,
        { kind: 'setStageField', stageIndex: i, field: 'quality', value: 'low' },
      )
    }
    if (generates(stage) && stage.retryMultiplier === 1) {
      push(
        'retryMultiplierOne',
        `stages.${i}.retryMultiplier`,
        i,
        `"${name}" assumes every image is kept on the first try; rejected and regenerated images are billed too: measure the multiplier from your logs.`,
        {
          kind: 'setStageField',
          stageIndex: i,
          field: 'retryMultiplier',
          value: SUGGESTED_RETRY_MULTIPLIER,
        },
      )
    }
  })

  // Stages reaching every job at one quality are variants of the same, unselected
  // images; different qualities (a low draft, a high final) are a workflow, not variants.
  const seen = new Map<BilledQuality, { index: number; ratio: number }[]>()
  stages.forEach((stage, i) => {
    if (!generates(stage) || stage.reachShare < 1) return
    const q = billedQualityOf(stage)
    const ratio = stage.width / stage.height
    const group = seen.get(q) ?? []
    const first = group[0]
    const sameShapeBefore = group.some((g) => Math.abs(Math.log(g.ratio / ratio)) < 0.01)
    if (first && !sameShapeBefore) {
      const other = stages[first.index]
      const otherName = other ? stageLabel(other, first.index) : ''
      const otherSize = other ? `${other.width}x${other.height}` : ''
      push(
        'everyRatioBeforeSelection',
        `stages.${i}.reachShare`,
        i,
        `"${stageLabel(stage, i)}" makes a ${stage.width}x${stage.height} variant for every job, like "${otherName}" (${otherSize}), before any selection: pick the winning concept first, then make ratio variants.`,
        {
          kind: 'setStageField',
          stageIndex: i,
          field: 'reachShare',
          value: SUGGESTED_SELECTION_SHARE,
        },
      )
    }
    group.push({ index: i, ratio })
    seen.set(q, group)
  })

  const users = scenario.usersPerMonth
  if (isFiniteNumber(users) && users > 0 && scenario.maxImagesPerUser === undefined) {
    const perUser = base.billableImages / users
    const quota = Math.max(1, Math.ceil(perUser * QUOTA_HEADROOM))
    push(
      'noUserQuota',
      'maxImagesPerUser',
      null,
      `${users} users can trigger generation with no per-user quota, so one user regenerating endlessly has no cost ceiling; the plan expects ${toTenth(perUser)} images per user.`,
      { kind: 'setScenarioField', field: 'maxImagesPerUser', value: quota },
    )
  }

  const spec = findModel(book, scenario.modelId)
  const checkedOn = scenario.pricesCheckedOn
  const bookDate = spec
    ? METERS.map((m) => spec.meters[m].asOf).reduce((a, b) => (b < a ? b : a))
    : undefined
  const checkedDate = checkedOn ?? bookDate
  const maxAge = options.maxPriceAgeDays ?? 30
  if (checkedDate !== undefined) {
    const checked = isoDateToDays(checkedDate)
    const source = checkedOn === undefined ? " (the price book's date)" : ''
    if (checked === null) {
      push(
        'pricesStale',
        'pricesCheckedOn',
        null,
        `The prices' check date "${checkedDate}" is not a date (YYYY-MM-DD): re-check OpenAI's pricing page.`,
        null,
        PRICING_PAGE,
      )
    } else if (today - checked > maxAge) {
      push(
        'pricesStale',
        'pricesCheckedOn',
        null,
        `Prices were last checked on ${checkedDate}${source}, ${today - checked} days ago: API prices change, re-check them before relying on this budget.`,
        null,
        PRICING_PAGE,
      )
    }
  }

  // A custom model on the same rule but with a list of sizes may not make the better size.
  if (spec?.output.kind === 'gpt-image-2' && !spec.sizes) {
    const pixelShare = options.sizePixelShare ?? 0.25
    const tolerance = options.sizeAspectTolerance ?? 0.02
    const minImprovement = options.sizeMinImprovement ?? 0.1
    stages.forEach((stage, i) => {
      if (!generates(stage)) return
      const q = billedQualityOf(stage)
      const { width, height } = stage
      const ownTokens = gptImage2OutputTokens(q, width, height)
      const ownPerMp = (ownTokens * 1e6) / (width * height)
      const better = betterValueSize(q, width, height, pixelShare, tolerance)
      if (!better || better.tokensPerMegapixel > ownPerMp * (1 - minImprovement)) return
      const b = better.size
      const pixelChange = (b.width * b.height) / (width * height) - 1
      const tokenChange = better.tokens / ownTokens - 1
      push(
        'poorSizeValue',
        `stages.${i}.size`,
        i,
        `"${stageLabel(stage, i)}" at ${width}x${height}: ${b.width}x${b.height} (nearly the same shape) costs ${tenthsPercent(1 - better.tokensPerMegapixel / ownPerMp)} less per pixel, with ${signedTenthsPercent(pixelChange)} pixels and ${signedTenthsPercent(tokenChange)} output tokens at ${q}.`,
        { kind: 'setStageSize', stageIndex: i, width: b.width, height: b.height },
      )
    })
  }

  return { ok: true, checks }
}
