import { computeScenario } from './engine'
import type { FieldError, Scenario } from './model'
import type { PriceBook } from './priceBook'
import type { Usd } from './units'
import { checkNumber } from './validate'
import type { NumberRule } from './validate'

/** A projection covers a budget year: twelve months from the starting month. */
export const PROJECTION_MONTHS = 12

/**
 * Monthly growth of jobs per month, as a 0..1 fraction like every percent field. The
 * upper bound only catches typos (1e400); at or below -100% a month would have no jobs
 * or fewer than none, which `growthFieldErrors` explains on its own.
 */
export const GROWTH_RULE: NumberRule = {
  label: 'Monthly growth',
  min: -1,
  max: 10,
  percent: true,
}

/** "2026-12": a month of a year, as an `<input type="month">` gives it. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** Whether `text` is a month of a year written YYYY-MM. */
export function isYearMonth(text: string): boolean {
  return MONTH.test(text)
}

export interface ProjectedMonth {
  /** "2026-12". */
  month: string
  /** Jobs that month: the first month's jobs compounded by the growth. */
  jobs: number
  costUsd: Usd
}

export interface YearProjection {
  months: ProjectedMonth[]
  totalUsd: Usd
  growth: number
  startMonth: string
}

export type YearProjectionResult =
  ({ ok: true } & YearProjection) | { ok: false; errors: FieldError[] }

/** The month after `month`, both as "YYYY-MM". */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

/** The "YYYY-MM" of a date in its local calendar: the default starting month is this one. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

/**
 * Errors of the growth and starting month, reported at their fields. Not part of the
 * monthly total's checks, like quotas: a bad growth rate says nothing about this month.
 */
export function growthFieldErrors(scenario: Scenario, out: FieldError[]): void {
  const growth = scenario.monthlyGrowth
  // NaN stands for text that reads as no number: the UI drops a box emptied by hand first.
  if (growth !== undefined) {
    const problem =
      growth === GROWTH_RULE.min
        ? 'Monthly growth must be above -100%: at -100% every job is gone after the first month.'
        : checkNumber(growth, GROWTH_RULE)
    if (problem) out.push({ path: 'monthlyGrowth', field: 'monthlyGrowth', message: problem })
  }
  const start = scenario.startMonth
  if (start !== undefined && !isYearMonth(start)) {
    out.push({
      path: 'startMonth',
      field: 'startMonth',
      message: `Starting month must be a month of a year, like 2027-01; it is ${JSON.stringify(start)}.`,
    })
  }
}

/**
 * Twelve months of the scenario, its jobs per month growing by `monthlyGrowth` each month
 * (compounded: month k has jobs × (1 + growth)^(k-1)). The engine prices the first month
 * once; every meter it bills is counted per job, so each later month is that cost times its
 * jobs over the first month's. One engine run instead of twelve keeps the compare table,
 * which projects every compared scenario, cheap on each edit.
 * @example projectYear({ ...oneHighSquareImage, jobsPerMonth: 1000, monthlyGrowth: 0.1 }, book, '2027-01').totalUsd // 4506.10…
 */
export function projectYear(
  scenario: Scenario,
  book: PriceBook,
  defaultStartMonth: string,
): YearProjectionResult {
  const errors: FieldError[] = []
  growthFieldErrors(scenario, errors)
  if (errors.length > 0) return { ok: false, errors }
  const first = computeScenario(scenario, book)
  if (!first.ok) return { ok: false, errors: first.errors }
  const growth = scenario.monthlyGrowth ?? 0
  const startMonth = scenario.startMonth ?? defaultStartMonth
  const months: ProjectedMonth[] = []
  let total = 0
  let month = startMonth
  for (let k = 0; k < PROJECTION_MONTHS; k++) {
    const factor = (1 + growth) ** k
    const costUsd = (first.monthlyCostUsd * factor) as Usd
    months.push({ month, jobs: scenario.jobsPerMonth * factor, costUsd })
    total += costUsd
    month = nextMonth(month)
  }
  return { ok: true, months, totalUsd: total as Usd, growth, startMonth }
}

/** The first projected month whose cost is over `budgetUsd`, or null when none is. */
export function firstMonthOver(
  months: readonly ProjectedMonth[],
  budgetUsd: number,
): ProjectedMonth | null {
  return months.find((m) => m.costUsd > budgetUsd) ?? null
}
