/**
 * Scenarios while a CSV is read: the rows of each, the scenario-level cells
 * every row must repeat, and the values checked against the engine once the
 * scenario is built.
 */
import { computeScenario, METER_LABELS } from '../../domain/engine'
import { defaultDeliversFinal } from '../../domain/finals'
import type { FieldError, Meter, Scenario, Stage } from '../../domain/model'
import { METERS } from '../../domain/model'
import type { PriceBook } from '../../domain/priceBook'
import { findModel } from '../../domain/priceBook'
import { growthFieldErrors } from '../../domain/projection'
import { surelyComputes } from '../../domain/surelyComputes'
import type { NumberRule } from '../../domain/validate'
import { checkNumber, QUOTA_RULE, USERS_RULE } from '../../domain/validate'
import { show } from '../cells'
import type { CsvProblem, InputColumn } from './format'
import { PRICE_COLUMNS } from './format'
import type { RowReader } from './rows'
import { COL } from './rows'
import type { RowTable } from './rowTable'

/**
 * One scenario while the file is read: where its rows are in the RowTable and
 * its first row's scenario-level values, which every other row is compared
 * with as it is read. Its stages are built at the end.
 */
export interface Group {
  name: string
  /** Index in the order scenarios first appear: the RowTable's `group` of its rows. */
  index: number
  /** Ordinals of the first and last row, and how many rows (fewer than the span when interleaved). */
  first: number
  last: number
  count: number
  /** Errors on the scenario's rows, in the order found; null while there are none. */
  errors: CsvProblem[] | null
  modelId: string
  jobsPerMonth: number
  batch: boolean
  prices: (number | undefined)[] | undefined
  pricesCheckedOn: string | undefined
  usersPerMonth: number | undefined
  maxImagesPerUser: number | undefined
  monthlyGrowth: number | undefined
  startMonth: string | undefined
  /** The custom_model cell of the scenario's rows (version 3); undefined when blank. */
  customModel: string | undefined
}

type LevelValue = string | number | boolean | undefined

const describeValue = (v: LevelValue): string =>
  v === undefined ? 'blank' : typeof v === 'string' ? show(v) : String(v)

function disagree(
  group: Group,
  r: RowReader,
  column: InputColumn,
  mine: LevelValue,
  theirs: LevelValue,
): void {
  const bit = 1 << COL[column]
  if (((r.table.bad[group.first] as number) | r.bad) & bit) return
  r.bad |= bit
  r.problems.push({
    row: r.row,
    column,
    message: `${column} is ${describeValue(mine)} here but ${describeValue(theirs)} on row ${String(r.table.row[group.first])}, the first row of scenario ${show(group.name)}; every row of a scenario must repeat its model, jobs, batch, prices, prices date and quotas.`,
    severity: 'error',
  })
}

/**
 * Scenario-level cells must repeat the scenario's first row. Spelled out
 * field by field: a loop over getters made one megamorphic call site that
 * cost more than reading the row.
 */
export function checkAgreement(group: Group, r: RowReader): void {
  if (r.modelId !== group.modelId) disagree(group, r, 'model', r.modelId, group.modelId)
  if (r.jobsPerMonth !== group.jobsPerMonth) {
    disagree(group, r, 'jobs_per_month', r.jobsPerMonth, group.jobsPerMonth)
  }
  if (r.batch !== group.batch) disagree(group, r, 'batch', r.batch, group.batch)
  if (r.prices !== group.prices) {
    for (let i = 0; i < METERS.length; i++) {
      const mine = r.prices?.[i]
      const theirs = group.prices?.[i]
      if (mine !== theirs) disagree(group, r, PRICE_COLUMNS[METERS[i] as Meter], mine, theirs)
    }
  }
  if (r.pricesCheckedOn !== group.pricesCheckedOn) {
    disagree(group, r, 'prices_checked_on', r.pricesCheckedOn, group.pricesCheckedOn)
  }
  if (r.monthlyGrowth !== group.monthlyGrowth) {
    disagree(group, r, 'monthly_growth', r.monthlyGrowth, group.monthlyGrowth)
  }
  if (r.startMonth !== group.startMonth) {
    disagree(group, r, 'start_month', r.startMonth, group.startMonth)
  }
  if (r.customModel !== group.customModel) {
    disagree(group, r, 'custom_model', r.customModel, group.customModel)
  }
  if (r.usersPerMonth !== group.usersPerMonth) {
    disagree(group, r, 'users_per_month', r.usersPerMonth, group.usersPerMonth)
  }
  if (r.maxImagesPerUser !== group.maxImagesPerUser) {
    disagree(group, r, 'max_images_per_user', r.maxImagesPerUser, group.maxImagesPerUser)
  }
}

/** Row ordinals of a scenario's stages, in order. */
function groupRows(group: Group, table: RowTable): number[] {
  const rows: number[] = []
  for (let o = group.first; o <= group.last; o++) if (table.group[o] === group.index) rows.push(o)
  return rows
}

/**
 * The scenario a group of rows describes. A price equal to the book's list price for the model
 * is left out here (version 2 writes every price out), so the scenario follows the price book
 * as one made in this app does; `settlePrices` speaks for the others.
 */
export function buildScenario(group: Group, table: RowTable, book: PriceBook): Scenario {
  // Sized up front: pushing onto [] reserves room for 16 stages.
  const stages = new Array<Stage>(group.count)
  const rows = group.last - group.first + 1 === group.count ? null : groupRows(group, table)
  const rowOf = (i: number) => (rows ? (rows[i] as number) : group.first + i)
  for (let i = 0; i < group.count; i++) stages[i] = table.stage(rowOf(i))
  settleFinals(stages, (i) => table.finalFlag(rowOf(i)))
  const scenario: Scenario = {
    name: group.name,
    modelId: group.modelId,
    jobsPerMonth: group.jobsPerMonth,
    batch: group.batch,
    stages,
  }
  if (group.prices) {
    const spec = findModel(book, group.modelId)
    let prices: Partial<Record<Meter, number>> | undefined
    for (let i = 0; i < METERS.length; i++) {
      const meter = METERS[i] as Meter
      const value = group.prices[i]
      if (value === undefined || value === spec?.meters[meter].usdPerMillion) continue
      prices ??= {}
      prices[meter] = value
    }
    if (prices) scenario.prices = prices
  }
  if (group.pricesCheckedOn !== undefined) scenario.pricesCheckedOn = group.pricesCheckedOn
  if (group.usersPerMonth !== undefined) scenario.usersPerMonth = group.usersPerMonth
  if (group.maxImagesPerUser !== undefined) scenario.maxImagesPerUser = group.maxImagesPerUser
  if (group.monthlyGrowth !== undefined) scenario.monthlyGrowth = group.monthlyGrowth
  if (group.startMonth !== undefined) scenario.startMonth = group.startMonth
  return scenario
}

export function addError(group: Group, problem: CsvProblem): void {
  if (group.errors) group.errors.push(problem)
  else group.errors = [problem]
}

/** Where each engine error field lives in the file. */
const FIELD_COLUMN: Readonly<Record<string, InputColumn>> = {
  modelId: 'model',
  jobsPerMonth: 'jobs_per_month',
  ...PRICE_COLUMNS,
  quality: 'quality',
  autoBilledAs: 'auto_billed_as',
  width: 'size',
  height: 'size',
  size: 'size',
  imagesPerJob: 'images_per_job',
  outputsPerRequest: 'outputs_per_request',
  reachShare: 'reach_share',
  retryMultiplier: 'retry_multiplier',
  promptTokens: 'prompt_tokens',
  referenceImages: 'reference_images',
  referenceImageTokens: 'reference_image_tokens',
  cachedInputShare: 'cached_input_share',
  partialImages: 'partial_images',
}

/**
 * The quota fields feed no cost, so the engine leaves them out of a scenario's
 * errors (a bad quota must not blank the monthly total); import checks them
 * with the same rules the Quotas panel uses.
 */
const QUOTA_RULES = {
  users_per_month: USERS_RULE,
  max_images_per_user: QUOTA_RULE,
} as const satisfies Partial<Record<InputColumn, NumberRule>>

const GROWTH_HINT = ' In the file, growth is a fraction: write 0.1 for 10% a month, -0.05 for -5%.'
const SHARE_HINT = ' In the file, shares are fractions from 0 to 1: write 0.25 for 25%.'

function checkQuota(
  group: Group,
  row: number,
  column: keyof typeof QUOTA_RULES,
  value: number,
  problems: CsvProblem[],
): void {
  const message = checkNumber(value, QUOTA_RULES[column])
  if (message === null) return
  const problem: CsvProblem = { row, column, message, severity: 'error' }
  problems.push(problem)
  addError(group, problem)
}

/**
 * Ranges, models and sizes are checked by the engine, so a file and the
 * worksheet can never disagree on what is valid; its errors are mapped back
 * to cells (a stage to its row, scenario fields to the scenario's first row).
 */
export function checkValues(
  group: Group,
  scenario: Scenario,
  book: PriceBook,
  table: RowTable,
  problems: CsvProblem[],
): void {
  const firstRow = table.row[group.first] as number
  if (scenario.usersPerMonth !== undefined) {
    checkQuota(group, firstRow, 'users_per_month', scenario.usersPerMonth, problems)
  }
  if (scenario.maxImagesPerUser !== undefined) {
    checkQuota(group, firstRow, 'max_images_per_user', scenario.maxImagesPerUser, problems)
  }
  if (scenario.monthlyGrowth !== undefined) {
    // The projection's own check, worded for the file: shares there are fractions.
    const errors: FieldError[] = []
    growthFieldErrors(scenario, errors)
    for (const e of errors) {
      const problem: CsvProblem = {
        row: firstRow,
        column: 'monthly_growth',
        message: `${e.message}${GROWTH_HINT}`,
        severity: 'error',
      }
      problems.push(problem)
      addError(group, problem)
    }
  }
  // Most scenarios in a file are fine; only the rest need the engine's wording.
  if (surelyComputes(scenario, book)) return
  const result = computeScenario(scenario, book)
  if (result.ok) return
  const rows = groupRows(group, table)
  for (const e of result.errors) {
    const o = rows[e.stageIndex ?? 0]
    if (o === undefined) continue
    const column: InputColumn | undefined = FIELD_COLUMN[e.field]
    if (column !== undefined && (table.bad[o] as number) & (1 << COL[column])) continue
    const share = column === 'reach_share' || column === 'cached_input_share'
    const problem: CsvProblem = {
      row: table.row[o] as number,
      column: column ?? null,
      message: share ? e.message + SHARE_HINT : e.message,
      severity: 'error',
    }
    problems.push(problem)
    addError(group, problem)
  }
}

/**
 * Stage flags as import keeps them. Flags that say what the default rule
 * says are left off, so a scenario that followed the rule still does (a stage
 * added later becomes its final); any other choice is pinned on every stage,
 * blanks resolved by the rule, so it no longer moves. Added to stages built
 * without them: deleting a property leaves V8 an object in slow dictionary
 * mode, and a version-2 file flags every stage.
 */
function settleFinals(stages: Stage[], flagOf: (i: number) => boolean | undefined): void {
  let flagged = false
  for (let i = 0; i < stages.length && !flagged; i++) flagged = flagOf(i) !== undefined
  if (!flagged) return
  const defaults = defaultDeliversFinal(stages)
  let followsRule = true
  for (let i = 0; i < stages.length && followsRule; i++)
    followsRule = (flagOf(i) ?? defaults[i]) === defaults[i]
  if (followsRule) return
  for (let i = 0; i < stages.length; i++)
    (stages[i] as Stage).deliversFinal = flagOf(i) ?? defaults[i] ?? false
}

/**
 * Prices as import keeps them: `buildScenario` left out those equal to this app's list price
 * for the model (the scenario follows the price book, as one made here does); the others are
 * the scenario's own, and a notice on its first row says so, because its totals then differ
 * from a fresh scenario's.
 */
export function settlePrices(
  group: Group,
  scenario: Scenario,
  book: PriceBook,
  table: RowTable,
  problems: CsvProblem[],
): void {
  const prices = scenario.prices
  const spec = prices ? findModel(book, scenario.modelId) : undefined
  // A scenario that cannot import needs no word about its prices.
  if (!prices || !spec || group.errors) return
  const differ: string[] = []
  let column: InputColumn | null = null
  for (const meter of METERS) {
    const value = prices[meter]
    if (value === undefined) continue
    column ??= PRICE_COLUMNS[meter]
    differ.push(
      `${METER_LABELS[meter].toLowerCase()} ${String(value)} (list ${String(spec.meters[meter].usdPerMillion)})`,
    )
  }
  problems.push({
    row: table.row[group.first] as number,
    column,
    message: `Scenario ${show(group.name)} is priced differently from this app's list prices for ${scenario.modelId}, in USD per 1M tokens: ${differ.join(', ')}. The file's prices are kept as the scenario's own, so its totals are the file's.`,
    severity: 'notice',
  })
}

/**
 * Two stages of one scenario with the same name most often mean two
 * scenarios that shared a name and merged into one on the way: said in the
 * preview, once per scenario, at the row that repeats it.
 */
export function checkStageNames(
  group: Group,
  scenario: Scenario,
  table: RowTable,
  problems: CsvProblem[],
): void {
  const stages = scenario.stages
  if (stages.length < 2) return
  const repeat = firstRepeatedName(stages)
  if (repeat) {
    const [before, i] = repeat
    const name = (stages[i] as Stage).name
    const rows = group.last - group.first + 1 === group.count ? null : groupRows(group, table)
    const rowOf = (k: number) => table.row[rows ? (rows[k] as number) : group.first + k] as number
    problems.push({
      row: rowOf(i),
      column: 'stage',
      message: `Scenario ${show(group.name)} has a second stage named ${show(name)} (the first is on row ${String(rowOf(before))}). If these rows are two scenarios that shared a name, they were read as one: give one of them its own name in the file and import it again.`,
      severity: 'notice',
    })
  }
}

/** The first stage whose name an earlier stage has, as [earlier, later], or null. */
function firstRepeatedName(stages: readonly Stage[]): [number, number] | null {
  // Most scenarios have a handful of stages: compared pairwise, no Map for each of thousands.
  if (stages.length <= 8) {
    for (let i = 1; i < stages.length; i++) {
      const name = (stages[i] as Stage).name
      for (let k = 0; k < i; k++) if ((stages[k] as Stage).name === name) return [k, i]
    }
    return null
  }
  const seen = new Map<string, number>()
  for (let i = 0; i < stages.length; i++) {
    const name = (stages[i] as Stage).name
    const before = seen.get(name)
    if (before !== undefined) return [before, i]
    seen.set(name, i)
  }
  return null
}
