import { computeScenario } from '../engine'
import type { FieldError, Scenario } from '../model'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'
import { checkNumber, isUnset, QUOTA_RULE, quotaFieldErrors, USERS_RULE } from '../validate'
import type { DecisionFailure } from './common'
import { stageLabel } from './common'
import { toTenth } from '../numberText'

// The rules live with the other scenario rules, so the engine, the worksheet and
// this tool agree on what a valid quota is. Re-exported for existing callers.
export { QUOTA_RULE, USERS_RULE }

export type QuotaIssueKind = 'noQuota' | 'usersUnknown' | 'quotaBelowPlan'

export interface QuotaIssue {
  kind: QuotaIssueKind
  /** The scenario field to look at. */
  path: 'usersPerMonth' | 'maxImagesPerUser'
  message: string
}

export type QuotaExposure =
  | {
      ok: true
      /** True when maxImagesPerUser is set. */
      hasQuota: boolean
      usersPerMonth: number | null
      maxImagesPerUser: number | null
      /**
       * The price assumed for one quota image, USD: the dearest stage's cost per
       * billable image (output plus that image's share of inputs). Conservative:
       * a user's images may all land in the dearest stage. Null with no stages.
       */
      costPerImageUsd: Usd | null
      /** The stage that sets costPerImageUsd, and its name as shown. */
      costPerImageStageIndex: number | null
      costPerImageStageName: string | null
      /** usersPerMonth x maxImagesPerUser; null unless both are set. */
      worstCaseImages: number | null
      /** worstCaseImages x costPerImageUsd, USD per month; null unless both are set. */
      worstCaseMonthlyUsd: Usd | null
      /** The scenario's own monthly cost, USD. */
      plannedMonthlyUsd: Usd
      /** Billable images the plan expects per user per month; null without users. */
      plannedImagesPerUser: number | null
      /** worstCaseMonthlyUsd minus plannedMonthlyUsd, USD; null unless both exist. */
      worstCaseOverPlanUsd: Usd | null
      issues: QuotaIssue[]
    }
  | DecisionFailure

/**
 * The quota fields' errors: out of range (the rules in validate.ts), or NaN.
 * validate.ts reads NaN as unset (an emptied box); here a NaN has got past
 * decisionScenario, which drops emptied boxes, so it was typed text that is
 * not a number, and the field is named.
 */
function fieldErrors(scenario: Scenario): FieldError[] {
  const errors: FieldError[] = []
  const users = scenario.usersPerMonth
  const quota = scenario.maxImagesPerUser
  if (users !== undefined && Number.isNaN(users)) {
    const message = checkNumber(users, USERS_RULE) ?? ''
    errors.push({ path: 'usersPerMonth', field: 'usersPerMonth', message })
  }
  quotaFieldErrors(scenario, errors)
  if (quota !== undefined && Number.isNaN(quota)) {
    const message = checkNumber(quota, QUOTA_RULE) ?? ''
    errors.push({ path: 'maxImagesPerUser', field: 'maxImagesPerUser', message })
  }
  return errors.sort((a, b) => fieldOrder(a.path) - fieldOrder(b.path))
}
const fieldOrder = (path: string) => (path === 'usersPerMonth' ? 0 : 1)

/**
 * The dearest stage's cost per billable image, USD. Priced on a one-image
 * copy of each stage so a stage with no volume (reach 0, no jobs) still has a
 * price: a quota user can reach it even when the plan does not.
 */
export function dearestImageCost(
  scenario: Scenario,
  book: PriceBook,
): { costUsd: Usd; stageIndex: number } | null {
  const one = computeScenario(
    {
      ...scenario,
      jobsPerMonth: 1,
      stages: scenario.stages.map((s) => ({
        ...s,
        reachShare: 1,
        imagesPerJob: 1,
        retryMultiplier: 1,
        outputsPerRequest: 1,
      })),
    },
    book,
  )
  if (!one.ok) return null
  let best: { costUsd: Usd; stageIndex: number } | null = null
  one.stages.forEach((s, i) => {
    if (!best || s.costUsd > best.costUsd) best = { costUsd: s.costUsd, stageIndex: i }
  })
  return best
}

/**
 * Worst-case monthly exposure (USD) if every user spends the whole quota:
 * usersPerMonth x maxImagesPerUser images, each at the dearest stage's cost per
 * billable image. A quota counts generated images, retries included, since
 * that is what an API-side counter sees. Flags a plan without a quota.
 * @example quotaExposure({ ...defaultScenario(), usersPerMonth: 100, maxImagesPerUser: 20 }, PRICE_BOOK)
 *   .worstCaseMonthlyUsd // 100 x 20 x $0.16524 = $330.48
 */
export function quotaExposure(scenario: Scenario, book: PriceBook): QuotaExposure {
  const errors = fieldErrors(scenario)
  const r = computeScenario(scenario, book)
  // Once the engine reports the quota fields too (quotaFieldErrors in scenarioFieldErrors),
  // each would come twice: keep the first.
  if (!r.ok) errors.push(...r.errors.filter((e) => !errors.some((x) => x.path === e.path)))
  if (!r.ok || errors.length > 0) return { ok: false, errors }

  const users = isUnset(scenario.usersPerMonth) ? null : (scenario.usersPerMonth ?? null)
  const quota = isUnset(scenario.maxImagesPerUser) ? null : (scenario.maxImagesPerUser ?? null)
  const dearest = dearestImageCost(scenario, book)
  const perImage = dearest?.costUsd ?? null
  const worstImages = users !== null && quota !== null ? users * quota : null
  const worstUsd = worstImages !== null && perImage !== null ? worstImages * perImage : null
  const plannedPerUser = users !== null && users > 0 ? r.billableImages / users : null

  const issues: QuotaIssue[] = []
  if (quota === null) {
    issues.push({
      kind: 'noQuota',
      path: 'maxImagesPerUser',
      message:
        users === null
          ? 'No per-user quota is set: if users trigger generation, one of them can run up any cost.'
          : `${users} users can generate without a per-user quota: one user regenerating endlessly has no cost ceiling.`,
    })
  } else if (users === null) {
    issues.push({
      kind: 'usersUnknown',
      path: 'usersPerMonth',
      message: 'Set users per month to see the worst case the quota allows.',
    })
  }
  if (quota !== null && plannedPerUser !== null && plannedPerUser > quota) {
    issues.push({
      kind: 'quotaBelowPlan',
      path: 'maxImagesPerUser',
      message: `The plan expects ${toTenth(plannedPerUser)} billed images per user, above the quota of ${quota}: the quota would stop planned work.`,
    })
  }

  const dearestIndex = dearest?.stageIndex ?? null
  const dearestStage = dearestIndex === null ? undefined : scenario.stages[dearestIndex]
  return {
    ok: true,
    hasQuota: quota !== null,
    usersPerMonth: users,
    maxImagesPerUser: quota,
    costPerImageUsd: perImage,
    costPerImageStageIndex: dearestIndex,
    costPerImageStageName:
      dearestStage && dearestIndex !== null ? stageLabel(dearestStage, dearestIndex) : null,
    worstCaseImages: worstImages,
    worstCaseMonthlyUsd: worstUsd === null ? null : (worstUsd as Usd),
    plannedMonthlyUsd: r.monthlyCostUsd,
    plannedImagesPerUser: plannedPerUser,
    worstCaseOverPlanUsd: worstUsd === null ? null : ((worstUsd - r.monthlyCostUsd) as Usd),
    issues,
  }
}
