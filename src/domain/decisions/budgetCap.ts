import { BATCH_FACTOR, computeScenario } from '../engine'
import type { Scenario } from '../model'
import type { PriceBook } from '../priceBook'
import type { Usd } from '../units'
import { JOBS_RULE } from '../validate'
import type { DecisionFailure } from './common'
import {
  billedQualityOf,
  floorTo,
  isFiniteNumber,
  monthlyCostOf,
  stageLabel,
  stepQuality,
} from './common'
import type { ScenarioFix } from './fixes'
import { applyFix } from './fixes'
import { tenthsPercent } from '../numberText'

/** Budgets above this are typos: a trillion dollars a month is no image plan. */
export const MAX_BUDGET_USD = 1e12

/** Whether a typed budget can be planned with: what budgetCap accepts. */
export function isUsableBudget(budgetUsd: number): boolean {
  return isFiniteNumber(budgetUsd) && budgetUsd >= 0 && budgetUsd <= MAX_BUDGET_USD
}

/** Smallest step a suggested retry multiplier moves in (people type 1.25, not 1.2371). */
export const RETRY_STEP = 0.01
/** Smallest step a suggested reach share moves in: 0.1 percentage point. */
export const REACH_STEP = 0.001

export type CapChangeKind =
  'lowerQuality' | 'lowerRetryMultiplier' | 'cutFinalReachShare' | 'cutJobsPerMonth' | 'useBatch'

/** One single change to the scenario, priced. */
export interface CapChange {
  kind: CapChangeKind
  stageIndex: number | null
  /** One line, e.g. 'Lower "Final" retry multiplier from 1.3 to 1.12'. */
  description: string
  /** The change as data the UI can apply. */
  fix: ScenarioFix
  /** Monthly cost (USD) after the change. */
  newMonthlyCostUsd: Usd
  /** Current monthly cost minus the new one, USD (>= 0). */
  savingsUsd: Usd
  /** True when the new cost is at or under the budget. */
  fits: boolean
}

export type BudgetCapResult =
  | {
      ok: true
      budgetUsd: Usd
      monthlyCostUsd: Usd
      /** Budget minus monthly cost, USD: positive is headroom, negative is overrun. */
      headroomUsd: Usd
      /** Monthly cost minus budget when over, else 0 (USD). */
      overrunUsd: Usd
      withinBudget: boolean
      /** Monthly cost of one job, USD (cost is linear in jobs). */
      costPerJobUsd: Usd
      /**
       * Most whole jobs per month whose cost is at or under the budget; null when
       * a job costs nothing (any volume fits). At most JOBS_RULE.max.
       */
      maxJobsPerMonth: number | null
      /**
       * Single changes that lower the cost, when over budget (empty otherwise):
       * those that fit first, then by savings, largest first.
       */
      changes: CapChange[]
    }
  | DecisionFailure

function budgetError(message: string): DecisionFailure {
  return { ok: false, errors: [{ path: 'budgetUsd', field: 'budgetUsd', message }] }
}

/**
 * Largest whole n with cost(n) <= budget. Solved exactly from the linear cost,
 * then nudged against the engine so rounding in either direction is caught.
 */
function maxWholeJobs(
  scenario: Scenario,
  perJob: number,
  budget: number,
  book: PriceBook,
): number | null {
  if (perJob <= 0) return null
  const fits = (n: number): boolean => {
    const c = monthlyCostOf({ ...scenario, jobsPerMonth: n }, book)
    return c !== null && c <= budget
  }
  let n = Math.min(JOBS_RULE.max, Math.floor(budget / perJob))
  // The division is off by at most an ulp or two, so a few steps settle it;
  // the bound keeps a surprise from ever becoming a long loop.
  for (let k = 0; k < 4 && n > 0 && !fits(n); k++) n--
  for (let k = 0; k < 4 && n < JOBS_RULE.max && fits(n + 1); k++) n++
  if (n === 0 || fits(n)) return n
  // Not reached with the engine as it is (cost is exactly linear); bisect rather than guess.
  let lo = 0
  let hi = n
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid
  }
  return lo
}

/**
 * How a monthly budget (USD) meets the scenario: the most jobs per month that
 * fit, the headroom or overrun, and (when over) the single changes that help:
 * one quality step down per stage, a lower retry multiplier per stage (the value
 * that fits, or 1), a smaller reach share for the final stage (the share that
 * fits, or 0), fewer jobs, or the Batch API.
 * @example budgetCap(defaultScenario(), 50, PRICE_BOOK).maxJobsPerMonth // 540
 */
export function budgetCap(scenario: Scenario, budgetUsd: number, book: PriceBook): BudgetCapResult {
  if (!isFiniteNumber(budgetUsd) || budgetUsd < 0) {
    return budgetError('The monthly budget must be a number of US dollars, 0 or more.')
  }
  if (budgetUsd > MAX_BUDGET_USD) {
    return budgetError('The monthly budget is too large to plan with; check for a typo.')
  }
  const r = computeScenario(scenario, book)
  if (!r.ok) return { ok: false, errors: r.errors }
  const unit = computeScenario({ ...scenario, jobsPerMonth: 1 }, book)
  if (!unit.ok) return { ok: false, errors: unit.errors }

  const cost = r.monthlyCostUsd
  const headroom = budgetUsd - cost
  return {
    ok: true,
    budgetUsd: budgetUsd as Usd,
    monthlyCostUsd: cost,
    headroomUsd: headroom as Usd,
    overrunUsd: Math.max(0, -headroom) as Usd,
    withinBudget: headroom >= 0,
    costPerJobUsd: unit.monthlyCostUsd,
    maxJobsPerMonth: maxWholeJobs(scenario, unit.monthlyCostUsd, budgetUsd, book),
    changes:
      headroom >= 0
        ? []
        : capChanges(scenario, cost, budgetUsd, unit.monthlyCostUsd, r.stages, book),
  }
}

function capChanges(
  scenario: Scenario,
  cost: number,
  budget: number,
  perJob: number,
  stageResults: readonly { costUsd: number }[],
  book: PriceBook,
): CapChange[] {
  const changes: CapChange[] = []
  const add = (
    kind: CapChangeKind,
    stageIndex: number | null,
    description: string,
    fix: ScenarioFix,
  ): void => {
    const next = monthlyCostOf(applyFix(scenario, fix), book)
    if (next === null || next >= cost) return
    changes.push({
      kind,
      stageIndex,
      description,
      fix,
      newMonthlyCostUsd: next,
      savingsUsd: (cost - next) as Usd,
      fits: next <= budget,
    })
  }
  const others = (i: number): number => cost - (stageResults[i]?.costUsd ?? 0)

  scenario.stages.forEach((stage, i) => {
    const name = stageLabel(stage, i)
    const billed = billedQualityOf(stage)
    const lower = stepQuality(billed, -1)
    if (lower) {
      // An auto stage is set to an explicit quality: only that changes what the API bills.
      const from = stage.quality === 'auto' ? `auto (billed as ${billed})` : billed
      add('lowerQuality', i, `Lower "${name}" quality from ${from} to ${lower}`, {
        kind: 'setStageField',
        stageIndex: i,
        field: 'quality',
        value: lower,
      })
    }

    const stageCost = stageResults[i]?.costUsd ?? 0
    if (stage.retryMultiplier > 1 && stageCost > 0) {
      // The stage's cost is proportional to its retry multiplier; solve for the one that fits.
      const exact = (stage.retryMultiplier * (budget - others(i))) / stageCost
      let value = exact >= 1 ? floorTo(exact, RETRY_STEP) : 1
      value = settle(
        value,
        1,
        RETRY_STEP,
        (v) => monthlyCostOf(applyFix(scenario, retryFix(i, v)), book),
        budget,
      )
      add(
        'lowerRetryMultiplier',
        i,
        `Lower "${name}" retry multiplier from ${stage.retryMultiplier} to ${value}`,
        retryFix(i, value),
      )
    }
  })

  const last = scenario.stages.length - 1
  const final = scenario.stages[last]
  const finalCost = stageResults[last]?.costUsd ?? 0
  if (final && final.reachShare > 0 && finalCost > 0) {
    const exact = (final.reachShare * (budget - others(last))) / finalCost
    let share = exact >= 0 ? floorTo(exact, REACH_STEP) : 0
    share = settle(
      share,
      0,
      REACH_STEP,
      (v) => monthlyCostOf(applyFix(scenario, reachFix(last, v)), book),
      budget,
    )
    add(
      'cutFinalReachShare',
      last,
      `Cut the share of jobs reaching "${stageLabel(final, last)}" from ${tenthsPercent(final.reachShare)} to ${tenthsPercent(share)}`,
      reachFix(last, share),
    )
  }

  const jobs = maxWholeJobs(scenario, perJob, budget, book)
  if (jobs !== null && jobs < scenario.jobsPerMonth) {
    add('cutJobsPerMonth', null, `Cut jobs per month from ${scenario.jobsPerMonth} to ${jobs}`, {
      kind: 'setScenarioField',
      field: 'jobsPerMonth',
      value: jobs,
    })
  }
  if (!scenario.batch) {
    add(
      'useBatch',
      null,
      `Use the Batch API (${tenthsPercent(1 - BATCH_FACTOR)} off, results within 24 hours)`,
      {
        kind: 'setScenarioField',
        field: 'batch',
        value: true,
      },
    )
  }

  return changes.sort((a, b) => Number(b.fits) - Number(a.fits) || b.savingsUsd - a.savingsUsd)
}

/**
 * Steps a rounded-down solution further down while the engine still finds it
 * over budget (floating-point rounding), never below `min`.
 */
function settle(
  value: number,
  min: number,
  step: number,
  costAt: (v: number) => number | null,
  budget: number,
): number {
  let v = value
  for (let k = 0; k < 3 && v > min; k++) {
    const c = costAt(v)
    if (c !== null && c <= budget) break
    v = Math.max(min, floorTo(v - step, step))
  }
  return v
}

function retryFix(stageIndex: number, value: number): ScenarioFix {
  return { kind: 'setStageField', stageIndex, field: 'retryMultiplier', value }
}

function reachFix(stageIndex: number, value: number): ScenarioFix {
  return { kind: 'setStageField', stageIndex, field: 'reachShare', value }
}
