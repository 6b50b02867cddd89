import * as z from 'zod/mini'
import { isShowCosts } from '../domain/compareSet'
import type { ShowCosts } from '../domain/compareSet'
import type { ScenarioDraft, StageDraft } from '../domain/draft'
import { withExplicitFinals } from '../domain/finals'
import { BILLED_QUALITIES, METERS, QUALITIES } from '../domain/model'
import { uniqueScenarioNames } from '../domain/scenarioNames'
import { PERCENT_STAGE_FIELDS, STAGE_NUMBER_FIELDS } from '../domain/validate'
import type { CurrencySetting } from '../domain/currency'
import { currencySettingSchema, isCurrencySetting, restoredCurrency } from './currencySetting'
import { parseTypedNumber } from './numberInput'
import type { CustomModel } from '../domain/customModels'
import { PRICE_BOOK } from '../presets/priceBook'
import { readCustomModels } from './customModelsSchema'

/** Names a custom model may not take: the shipped models'. */
export const builtInLabels = (): string[] => Object.values(PRICE_BOOK).map((s) => s.label)

/**
 * Version of what the worksheet keeps in local storage. Bump it with every
 * change of shape, add a step to `migratePersisted`, and freeze a fixture of the
 * old shape under tests/fixtures/storage.
 */
export const STORAGE_VERSION = 2

/** Longest "Prepared by" kept: a name or two, not a document. */
export const PREPARED_BY_MAX = 200

export interface PersistedState {
  scenarios: ScenarioDraft[]
  activeId: string
  /** Warn when prices were checked more than this many days ago. */
  staleAfterDays: number
  /** Since version 2: scenarios left out of the comparison. */
  compareExcluded: string[]
  /** Since version 2: the scenario the comparison measures against (the first when null). */
  baselineId: string | null
  /** Since version 2: what the comparison's costs are expressed in. */
  showCosts: ShowCosts
  /** Since version 2: the memo's "Prepared by" line. */
  preparedBy: string
  /** Optional in version 2 (added without a bump): the models the person added. */
  customModels?: CustomModel[]
  /** Optional since version 2: the currency amounts are shown in (USD when absent). */
  currency?: CurrencySetting
}

/** What a version-1 worksheet, which saved no comparison choices, compares: everything, per month. */
export const COMPARE_DEFAULTS = {
  compareExcluded: [] as string[],
  baselineId: null as string | null,
  showCosts: 'perMonth' as ShowCosts,
  preparedBy: '',
}

// JSON has no NaN or Infinity: a field holding unreadable text was saved as
// null, and its text (kept beside it) is read again on load.
const num = z.nullable(z.number())
const text = z.optional(z.record(z.string(), z.string()))

const stageSchema = z.object({
  id: z.string(),
  name: z.string(),
  quality: z.enum(QUALITIES as [string, ...string[]]),
  autoBilledAs: z.enum(BILLED_QUALITIES as [string, ...string[]]),
  ...Object.fromEntries(STAGE_NUMBER_FIELDS.map((f) => [f, num])),
  // Version 2: the "Delivers final images" choice; absent means the default rule.
  deliversFinal: z.optional(z.boolean()),
  text,
})

const scenarioSchema = z.object({
  id: z.string(),
  presetId: z.optional(z.string()),
  name: z.string(),
  modelId: z.string(),
  jobsPerMonth: num,
  batch: z.boolean(),
  prices: z.optional(z.partialRecord(z.enum(METERS as [string, ...string[]]), num)),
  pricesCheckedOn: z.optional(z.string()),
  usersPerMonth: z.optional(num),
  maxImagesPerUser: z.optional(num),
  // Optional, so every earlier save reads as it did: no growth, starting this month.
  monthlyGrowth: z.optional(num),
  startMonth: z.optional(z.string()),
  stages: z.array(stageSchema),
  text,
})

/** Versions 1 and 2 share a shape; version 1 stages never carry deliversFinal. */
const v1Schema = z.object({
  scenarios: z.array(scenarioSchema),
  activeId: z.string(),
  staleAfterDays: z.number(),
})

// Version 2 adds the comparison's choices, saved with the worksheet.
const v2Schema = z.object({
  ...v1Schema.shape,
  compareExcluded: z.array(z.string()),
  baselineId: z.nullable(z.string()),
  showCosts: z.string().check(z.refine(isShowCosts, 'not a known "Show costs" choice')),
  preparedBy: z.string().check(z.maxLength(PREPARED_BY_MAX)),
  // Checked model by model in customModelsSchema.ts, as the form checks them.
  customModels: z.optional(z.array(z.unknown())),
  currency: z.optional(currencySettingSchema),
})

// The same shapes checked by hand. zod cannot compile its checks under the page's
// Content-Security-Policy (no eval), and its interpreted path took a quarter of a
// second for 3,000 saved scenarios, in the task that paints the page. This check
// accepts only what the schemas above accept, with no key they would strip, and
// answers in one pass; anything it does not accept goes through zod, which then
// decides and words the reason.
type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const isNumOrNull = (v: unknown) => v === null || isNum(v)
const isStr = (v: unknown) => typeof v === 'string'
const QUALITY_SET: ReadonlySet<unknown> = new Set(QUALITIES)
const BILLED_SET: ReadonlySet<unknown> = new Set(BILLED_QUALITIES)
const METER_SET: ReadonlySet<string> = new Set(METERS)

/** Every own key of `o` is in `allowed`, so nothing would be stripped. */
function onlyKeys(o: Plain, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false
  return true
}

function isTexts(v: unknown): boolean {
  if (v === undefined) return true
  if (!isPlain(v)) return false
  for (const k in v) if (k === '__proto__' || !isStr(v[k])) return false
  return true
}

const STAGE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'quality',
  'autoBilledAs',
  ...STAGE_NUMBER_FIELDS,
  'deliversFinal',
  'text',
])
function isStage(v: unknown): boolean {
  if (!isPlain(v) || !onlyKeys(v, STAGE_KEYS)) return false
  if (!isStr(v.id) || !isStr(v.name)) return false
  if (!QUALITY_SET.has(v.quality) || !BILLED_SET.has(v.autoBilledAs)) return false
  for (const f of STAGE_NUMBER_FIELDS) if (!isNumOrNull(v[f])) return false
  if (v.deliversFinal !== undefined && typeof v.deliversFinal !== 'boolean') return false
  return isTexts(v.text)
}

const SCENARIO_KEYS: ReadonlySet<string> = new Set([
  'id',
  'presetId',
  'name',
  'modelId',
  'jobsPerMonth',
  'batch',
  'prices',
  'pricesCheckedOn',
  'usersPerMonth',
  'maxImagesPerUser',
  'stages',
  'text',
])
function isScenario(v: unknown): boolean {
  if (!isPlain(v) || !onlyKeys(v, SCENARIO_KEYS)) return false
  if (!isStr(v.id) || !isStr(v.name) || !isStr(v.modelId)) return false
  if (v.presetId !== undefined && !isStr(v.presetId)) return false
  if (v.pricesCheckedOn !== undefined && !isStr(v.pricesCheckedOn)) return false
  if (!isNumOrNull(v.jobsPerMonth) || typeof v.batch !== 'boolean') return false
  for (const f of ['usersPerMonth', 'maxImagesPerUser'])
    if (v[f] !== undefined && !isNumOrNull(v[f])) return false
  if (v.prices !== undefined) {
    if (!isPlain(v.prices)) return false
    for (const m in v.prices) if (!METER_SET.has(m) || !isNumOrNull(v.prices[m])) return false
  }
  return Array.isArray(v.stages) && v.stages.every(isStage) && isTexts(v.text)
}

const V1_KEYS: ReadonlySet<string> = new Set(['scenarios', 'activeId', 'staleAfterDays'])
const V2_KEYS: ReadonlySet<string> = new Set([
  ...V1_KEYS,
  'compareExcluded',
  'baselineId',
  'showCosts',
  'preparedBy',
  'customModels',
  'currency',
])
/** True only for a state the version's schema accepts as it is. */
function plainlyValid(state: unknown, version: 1 | 2): boolean {
  if (!isPlain(state) || !onlyKeys(state, version === 1 ? V1_KEYS : V2_KEYS)) return false
  if (!isStr(state.activeId) || !isNum(state.staleAfterDays)) return false
  if (!Array.isArray(state.scenarios) || !state.scenarios.every(isScenario)) return false
  if (version === 1) return true
  const { compareExcluded, baselineId, showCosts, preparedBy, customModels, currency } = state
  return (
    (customModels === undefined || Array.isArray(customModels)) &&
    (currency === undefined || isCurrencySetting(currency)) &&
    Array.isArray(compareExcluded) &&
    compareExcluded.every(isStr) &&
    (baselineId === null || isStr(baselineId)) &&
    isStr(showCosts) &&
    isShowCosts(showCosts) &&
    isStr(preparedBy) &&
    preparedBy.length <= PREPARED_BY_MAX
  )
}

/** Puts back NaN/Infinity where JSON wrote null, from the text the person typed. */
function revive(value: unknown, typed: string | undefined, percent: boolean): number {
  if (typeof value === 'number') return value
  return typed === undefined ? Number.NaN : parseTypedNumber(typed, percent)
}

function reviveStage(raw: Record<string, unknown>): StageDraft {
  const typed = raw.text as Record<string, string> | undefined
  const stage = { ...raw } as Record<string, unknown>
  for (const f of STAGE_NUMBER_FIELDS)
    stage[f] = revive(raw[f], typed?.[f], PERCENT_STAGE_FIELDS.has(f))
  if (typed === undefined) delete stage.text
  return stage as unknown as StageDraft
}

function reviveScenario(raw: z.infer<typeof scenarioSchema>): ScenarioDraft {
  const typed = raw.text
  const { prices, usersPerMonth, maxImagesPerUser, monthlyGrowth, text: _t, ...rest } = raw
  const draft = {
    ...rest,
    jobsPerMonth: revive(raw.jobsPerMonth, typed?.jobsPerMonth, false),
    stages: raw.stages.map((s) => reviveStage(s as Record<string, unknown>)),
  } as ScenarioDraft
  if (prices) {
    draft.prices = Object.fromEntries(
      Object.entries(prices).map(([m, v]) => [m, revive(v, typed?.[`prices.${m}`], false)]),
    )
  }
  if (usersPerMonth !== undefined) {
    draft.usersPerMonth = revive(usersPerMonth, typed?.usersPerMonth, false)
  }
  if (maxImagesPerUser !== undefined) {
    draft.maxImagesPerUser = revive(maxImagesPerUser, typed?.maxImagesPerUser, false)
  }
  if (monthlyGrowth !== undefined) {
    draft.monthlyGrowth = revive(monthlyGrowth, typed?.monthlyGrowth, true)
  }
  if (typed) draft.text = typed
  return draft
}

/** A scenario renamed on load because an earlier one had its name. */
export interface Renamed {
  from: string
  to: string
}

export type MigrateResult =
  | {
      ok: true
      state: PersistedState
      /** Scenarios renamed so that names are unique; the person is told. */
      renamed: Renamed[]
    }
  | { ok: false; reason: string }

/**
 * Brings a stored state of any known version up to the current shape. Pure:
 * never touches storage. Unknown, newer or malformed states are refused with a
 * reason, so the caller can keep them aside instead of overwriting them.
 */
export function migratePersisted(state: unknown, version: number): MigrateResult {
  if (version > STORAGE_VERSION) {
    return {
      ok: false,
      reason: `It was saved by a newer version of this worksheet (storage version ${version}; this one reads up to ${STORAGE_VERSION}).`,
    }
  }
  if (version !== 1 && version !== 2) {
    return { ok: false, reason: `Storage version ${version} is not one this worksheet knows.` }
  }
  let checked: z.infer<typeof v1Schema> | z.infer<typeof v2Schema>
  if (plainlyValid(state, version)) checked = state as typeof checked
  else {
    const parsed = version === 1 ? v1Schema.safeParse(state) : v2Schema.safeParse(state)
    if (!parsed.success) {
      return { ok: false, reason: `It is damaged: ${z.prettifyError(parsed.error)}` }
    }
    checked = parsed.data
  }
  // Version 1 to 2: the comparison's choices did not exist and take their defaults.
  const data = { ...COMPARE_DEFAULTS, ...checked }
  let scenarios = data.scenarios.map(reviveScenario)
  if (version === 1) {
    // Pin what the draft-vs-final chart showed as finals, so adding a stage later
    // does not quietly move the cost per delivered image of a saved plan.
    scenarios = scenarios.map((d) => ({ ...d, stages: withExplicitFinals(d.stages) }))
  }
  if (scenarios.length === 0) return { ok: false, reason: 'It holds no scenario.' }
  let customModels: CustomModel[] | undefined
  if ('customModels' in data && data.customModels !== undefined) {
    const read = readCustomModels(data.customModels, builtInLabels())
    if (!read.ok) return { ok: false, reason: `It is damaged: ${read.reason.replace(/\.?$/, '.')}` }
    customModels = read.models
  }
  // Worksheets saved before names were kept unique may hold two scenarios of one
  // name, which a CSV file would merge into one: the later ones are numbered,
  // never merged, and the caller tells the person. No version bump: the shape
  // is unchanged, and the repair is saved with the next edit.
  const names = uniqueScenarioNames(
    scenarios.map((d) => d.name),
    new Set(),
  )
  const renamed: Renamed[] = []
  scenarios = scenarios.map((d, i) => {
    const name = names[i] ?? d.name
    if (name === d.name) return d
    renamed.push({ from: d.name, to: name })
    return { ...d, name }
  })
  const activeId = scenarios.some((s) => s.id === data.activeId)
    ? data.activeId
    : (scenarios[0] as ScenarioDraft).id
  const ids = new Set(scenarios.map((s) => s.id))
  return {
    ok: true,
    state: {
      scenarios,
      activeId,
      staleAfterDays: data.staleAfterDays,
      // Ids of scenarios no longer there mean nothing: dropped, so they cannot pile up.
      compareExcluded: data.compareExcluded.filter((id) => ids.has(id)),
      baselineId: data.baselineId !== null && ids.has(data.baselineId) ? data.baselineId : null,
      showCosts: isShowCosts(data.showCosts) ? data.showCosts : 'perMonth',
      preparedBy: data.preparedBy,
      ...(customModels ? { customModels } : {}),
      currency: restoredCurrency('currency' in data ? data.currency : undefined),
    },
    renamed,
  }
}

/** Reads the raw text zustand's persist wrote: `{ state, version }` as JSON. */
export function readPersisted(raw: string): MigrateResult {
  let envelope: unknown
  try {
    envelope = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'It is not readable JSON.' }
  }
  if (typeof envelope !== 'object' || envelope === null || !('state' in envelope)) {
    return { ok: false, reason: 'It does not look like a saved worksheet.' }
  }
  const version = 'version' in envelope ? envelope.version : undefined
  return migratePersisted(envelope.state, typeof version === 'number' ? version : 0)
}
