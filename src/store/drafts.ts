import type { CustomModel } from '../domain/customModels'
import type { CurrencySetting } from '../domain/currency'
import type { ScenarioDraft, ScenarioTextField, StageDraft } from '../domain/draft'
import type { Meter, Scenario, Stage } from '../domain/model'
import { PERCENT_STAGE_FIELDS } from '../domain/validate'
import type { StageNumberField } from '../domain/validate'
import { canonicalText, parseTypedNumber } from '../io/numberInput'
import { defaultScenario } from '../presets/defaultScenario'

// Copies of drafts with one change each, shared by the slices. Every function
// returns a new object and never mutates its argument: undo keeps the old ones.

/** What undo and redo step between: the worksheet itself, not settings or notices. */
export interface Snapshot {
  scenarios: ScenarioDraft[]
  activeId: string
  /**
   * The worksheet's custom models. Recorded with every undo step; an edit that
   * leaves it out leaves the models as they are.
   */
  customModels?: CustomModel[]
  /** The currency amounts are shown in (store/currency.ts); absent in a step that kept it. */
  currency?: CurrencySetting
}

export const newId = (): string => crypto.randomUUID()

export function draftFromScenario(scenario: Scenario, presetId?: string): ScenarioDraft {
  const draft: ScenarioDraft = {
    ...scenario,
    id: newId(),
    stages: scenario.stages.map((s) => ({ ...s, id: newId() })),
  }
  if (presetId !== undefined) draft.presetId = presetId
  return draft
}

/** The worksheet a first visit opens: the example scenario. */
export function exampleSnapshot(): Snapshot {
  const first = draftFromScenario(defaultScenario())
  return { scenarios: [first], activeId: first.id }
}

/** A copy of a record without some keys (delete on a shared object would mutate history). */
export function without<V>(
  record: Partial<Record<string, V>> | undefined,
  keys: readonly string[],
): Record<string, V> | undefined {
  if (!record) return undefined
  const entries = Object.entries(record).filter(([k]) => !keys.includes(k)) as [string, V][]
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

function setText<T extends { text?: unknown }>(obj: T, text: T['text'] | undefined): T {
  const copy = { ...obj }
  if (text === undefined) delete copy.text
  else copy.text = text
  return copy
}

/**
 * Stores a typed value: the number the text reads as (NaN when it reads as
 * none, so the engine names the field), and the text itself whenever it is
 * not just that number written plainly.
 */
function withTyped<T extends { text?: Partial<Record<K, string>> }, K extends string>(
  target: T,
  field: K,
  text: string,
  percent: boolean,
): { value: number; text: T['text'] | undefined } {
  const value = parseTypedNumber(text, percent)
  const others = without<string>(target.text, [field])
  const texts = text === canonicalText(value, percent) ? others : { ...others, [field]: text }
  return { value, text: texts as T['text'] | undefined }
}

export function typeIntoScenario(
  d: ScenarioDraft,
  field: ScenarioTextField,
  text: string,
): ScenarioDraft {
  const typed = withTyped(d, field, text, field === 'monthlyGrowth')
  const next = setText(d, typed.text)
  if (field.startsWith('prices.')) {
    const meter = field.slice('prices.'.length) as Meter
    next.prices = { ...d.prices, [meter]: typed.value }
  } else {
    next[field as 'jobsPerMonth' | 'usersPerMonth' | 'maxImagesPerUser' | 'monthlyGrowth'] =
      typed.value
  }
  return next
}

export function typeIntoStage(st: StageDraft, field: StageNumberField, text: string): StageDraft {
  const typed = withTyped(st, field, text, PERCENT_STAGE_FIELDS.has(field))
  return { ...setText(st, typed.text), [field]: typed.value }
}

/** Values set by a control, a fix or a measurement replace any text typed into those fields. */
export function patchScenario(
  d: ScenarioDraft,
  patch: Partial<Omit<Scenario, 'stages'>>,
): ScenarioDraft {
  return setText({ ...d, ...patch }, without(d.text, Object.keys(patch)))
}

/** As patchScenario, for a stage. */
export function patchStage(st: StageDraft, patch: Partial<Stage>): StageDraft {
  return setText({ ...st, ...patch }, without(st.text, Object.keys(patch)))
}

/** The draft back on its list price for one meter: the override and its text are dropped. */
export function withListPrice(d: ScenarioDraft, meter: Meter): ScenarioDraft {
  const { prices: _old, ...next }: ScenarioDraft = setText(d, without(d.text, [`prices.${meter}`]))
  const prices = without(d.prices, [meter])
  return prices ? { ...next, prices } : next
}

/** A copy of the list with item `i` swapped with its neighbour `delta` away; null past either end. */
export function swapped<T>(list: readonly T[], i: number, delta: -1 | 1): T[] | null {
  const j = i + delta
  if (i < 0 || j < 0 || j >= list.length) return null
  const copy = [...list]
  ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  return copy
}
