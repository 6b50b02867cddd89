import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import type { ScenarioDraft, ScenarioTextField, StageDraft } from '../domain/draft'
import type { Meter, Scenario, Stage } from '../domain/model'
import type { StageNumberField } from '../domain/validate'
import { canonicalText, parseTypedNumber } from '../io/numberInput'
import { readPersisted, STORAGE_VERSION } from '../io/persisted'
import type { PersistedState } from '../io/persisted'
import { blankStage, defaultScenario } from '../presets/defaultScenario'

export const STORAGE_KEY = 'gpt-image-budget'
const HISTORY_LIMIT = 200
export const PERCENT_FIELDS: ReadonlySet<string> = new Set(['reachShare', 'cachedInputShare'])

/** What undo and redo step between: the worksheet itself, not settings or notices. */
interface Snapshot {
  scenarios: ScenarioDraft[]
  activeId: string
}

interface HistorySlice {
  past: Snapshot[]
  future: Snapshot[]
  /** The field the last edit typed into: further keystrokes there join the same undo step. */
  lastEditKey: string | null
  undo: () => void
  redo: () => void
}

interface WorksheetSlice extends Snapshot {
  staleAfterDays: number
  /** Set when saved data could not be loaded and was kept aside. */
  storageNotice: string | null
  selectScenario: (id: string) => void
  editScenario: (
    patch: Partial<Pick<Scenario, 'name' | 'modelId' | 'batch' | 'pricesCheckedOn'>>,
    key?: string,
  ) => void
  typeScenarioNumber: (field: ScenarioTextField, text: string) => void
  resetPrice: (meter: Meter) => void
  editStage: (
    stageId: string,
    patch:
      | Partial<Omit<Stage, StageNumberField>>
      | Partial<Pick<Stage, 'width' | 'height' | 'retryMultiplier'>>,
    key?: string,
  ) => void
  typeStageNumber: (stageId: string, field: StageNumberField, text: string) => void
  /**
   * Sets fields of a stage of any scenario as one undoable step of its own
   * (a fix, measured values), replacing any text typed into those fields, and
   * makes that scenario the one being edited, so the change is in view.
   */
  setStageFields: (scenarioId: string, stageId: string, patch: Partial<Stage>) => void
  addStage: () => void
  removeStage: (stageId: string) => void
  moveStage: (stageId: string, delta: -1 | 1) => void
  setStaleAfterDays: (days: number) => void
  dismissStorageNotice: () => void
}

interface ScenariosSlice {
  /** Imported or shared scenarios: added after the person's own, or replacing them. Undoable. */
  importScenarios: (scenarios: readonly Scenario[], mode: 'add' | 'replace') => void
  /** Adds a scenario (from a preset or an import) and makes it the active one. */
  addScenario: (scenario: Scenario, presetId?: string) => void
  duplicateScenario: (id: string) => void
  deleteScenario: (id: string) => void
  moveScenario: (id: string, delta: -1 | 1) => void
  /** Scenarios left out of the comparison (all are compared unless left out). */
  compareExcluded: string[]
  /** The scenario the comparison measures differences against; the first when unset. */
  baselineId: string | null
  setCompared: (id: string, compared: boolean) => void
  setBaseline: (id: string) => void
}

export type WorksheetState = WorksheetSlice & HistorySlice & ScenariosSlice

const newId = (): string => crypto.randomUUID()

export function draftFromScenario(scenario: Scenario, presetId?: string): ScenarioDraft {
  const draft: ScenarioDraft = {
    ...scenario,
    id: newId(),
    stages: scenario.stages.map((s) => ({ ...s, id: newId() })),
  }
  if (presetId !== undefined) draft.presetId = presetId
  return draft
}

/** "Thumbnails (copy)", then "(copy 2)" and so on, so names stay tellable apart. */
function copyName(name: string, taken: readonly string[]): string {
  const base = `${name} (copy)`
  if (!taken.includes(base)) return base
  let n = 2
  while (taken.includes(`${name} (copy ${n})`)) n++
  return `${name} (copy ${n})`
}

function initialSnapshot(): Snapshot {
  const first = draftFromScenario(defaultScenario())
  return { scenarios: [first], activeId: first.id }
}

/** A copy of a record without some keys (delete on a shared object would mutate history). */
function without<V>(
  record: Partial<Record<string, V>> | undefined,
  keys: readonly string[],
): Record<string, V> | undefined {
  if (!record) return undefined
  const entries = Object.entries(record).filter(([k]) => !keys.includes(k)) as [string, V][]
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
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

function setText<T extends { text?: unknown }>(obj: T, text: T['text'] | undefined): T {
  const copy = { ...obj }
  if (text === undefined) delete copy.text
  else copy.text = text
  return copy
}

export const useWorksheet = create<WorksheetState>()(
  persist(
    (set, get) => {
      /**
       * Every edit to the worksheet goes through here so that undo sees it.
       * `key` names the field being typed into: keystrokes in one field make
       * one undo step, as in a spreadsheet cell.
       */
      const commit = (change: (s: Snapshot) => Snapshot, key: string | null = null): void => {
        const state = get()
        const before: Snapshot = { scenarios: state.scenarios, activeId: state.activeId }
        const after = change(before)
        if (after === before) return
        const joins = key !== null && key === state.lastEditKey
        set({
          ...after,
          past: joins ? state.past : [...state.past, before].slice(-HISTORY_LIMIT),
          future: [],
          lastEditKey: key,
        })
      }

      const updateActive = (fn: (d: ScenarioDraft) => ScenarioDraft, key: string | null = null) => {
        commit(
          (s) => ({
            ...s,
            scenarios: s.scenarios.map((d) => (d.id === s.activeId ? fn(d) : d)),
          }),
          key === null ? null : `${get().activeId}:${key}`,
        )
      }

      const updateStage = (
        stageId: string,
        fn: (st: StageDraft) => StageDraft,
        key: string | null = null,
      ) => {
        updateActive(
          (d) => ({ ...d, stages: d.stages.map((st) => (st.id === stageId ? fn(st) : st)) }),
          key === null ? null : `${stageId}:${key}`,
        )
      }

      return {
        ...initialSnapshot(),
        past: [],
        future: [],
        lastEditKey: null,
        staleAfterDays: 90,
        storageNotice: null,

        undo: () => {
          const { past, future, scenarios, activeId } = get()
          const previous = past.at(-1)
          if (!previous) return
          set({
            ...previous,
            past: past.slice(0, -1),
            future: [{ scenarios, activeId }, ...future],
            lastEditKey: null,
          })
        },
        redo: () => {
          const { past, future, scenarios, activeId } = get()
          const next = future[0]
          if (!next) return
          set({
            ...next,
            past: [...past, { scenarios, activeId }],
            future: future.slice(1),
            lastEditKey: null,
          })
        },

        selectScenario: (id) => {
          set({ activeId: id, lastEditKey: null })
        },
        editScenario: (patch, key) => {
          updateActive((d) => {
            const next = { ...d, ...patch }
            // A cleared date field means "not checked", not an empty date.
            if (next.pricesCheckedOn === '') delete next.pricesCheckedOn
            return next
          }, key ?? null)
        },
        typeScenarioNumber: (field, text) => {
          updateActive((d) => {
            const typed = withTyped(d, field, text, false)
            const next = setText(d, typed.text)
            if (field.startsWith('prices.')) {
              const meter = field.slice('prices.'.length) as Meter
              next.prices = { ...d.prices, [meter]: typed.value }
            } else {
              next[field as 'jobsPerMonth' | 'usersPerMonth' | 'maxImagesPerUser'] = typed.value
            }
            return next
          }, field)
        },
        resetPrice: (meter) => {
          updateActive((d) => {
            const { prices: _old, ...next }: ScenarioDraft = setText(
              d,
              without(d.text, [`prices.${meter}`]),
            )
            const prices = without(d.prices, [meter])
            return prices ? { ...next, prices } : next
          })
        },
        editStage: (stageId, patch, key) => {
          updateStage(
            stageId,
            (st) => {
              // A value set by a control (size choice, quick pick) replaces any typed text.
              return setText({ ...st, ...patch }, without(st.text, Object.keys(patch)))
            },
            key ?? null,
          )
        },
        typeStageNumber: (stageId, field, text) => {
          updateStage(
            stageId,
            (st) => {
              const typed = withTyped(st, field, text, PERCENT_FIELDS.has(field))
              return { ...setText(st, typed.text), [field]: typed.value }
            },
            field,
          )
        },
        setStageFields: (scenarioId, stageId, patch) => {
          commit((s) => {
            const target = s.scenarios.find((d) => d.id === scenarioId)
            if (!target?.stages.some((st) => st.id === stageId)) return s
            const stages = target.stages.map((st) =>
              // Measured numbers replace whatever was typed into those fields.
              st.id === stageId
                ? setText({ ...st, ...patch }, without(st.text, Object.keys(patch)))
                : st,
            )
            return {
              scenarios: s.scenarios.map((d) => (d.id === scenarioId ? { ...d, stages } : d)),
              activeId: scenarioId,
            }
          })
        },
        addStage: () => {
          updateActive((d) => {
            const last = d.stages.at(-1)
            const base: Stage = last
              ? { ...last, name: `Stage ${d.stages.length + 1}` }
              : blankStage(`Stage ${d.stages.length + 1}`)
            const { text: _t, id: _i, ...copy } = base as StageDraft
            return { ...d, stages: [...d.stages, { ...copy, id: newId() }] }
          })
        },
        removeStage: (stageId) => {
          updateActive((d) => ({ ...d, stages: d.stages.filter((st) => st.id !== stageId) }))
        },
        moveStage: (stageId, delta) => {
          updateActive((d) => {
            const i = d.stages.findIndex((st) => st.id === stageId)
            const j = i + delta
            if (i < 0 || j < 0 || j >= d.stages.length) return d
            const stages = [...d.stages]
            ;[stages[i], stages[j]] = [stages[j] as StageDraft, stages[i] as StageDraft]
            return { ...d, stages }
          })
        },
        importScenarios: (scenarios, mode) => {
          if (scenarios.length === 0) return
          const drafts = scenarios.map((sc) => draftFromScenario(sc))
          commit((s) => ({
            scenarios: mode === 'replace' ? drafts : [...s.scenarios, ...drafts],
            activeId: (drafts[0] as ScenarioDraft).id,
          }))
        },
        addScenario: (scenario, presetId) => {
          const draft = draftFromScenario(scenario, presetId)
          commit((s) => ({ scenarios: [...s.scenarios, draft], activeId: draft.id }))
        },
        duplicateScenario: (id) => {
          commit((s) => {
            const source = s.scenarios.find((d) => d.id === id)
            if (!source) return s
            const { id: _id, stages, ...rest } = source
            const copy: ScenarioDraft = {
              ...rest,
              name: copyName(
                source.name,
                s.scenarios.map((d) => d.name),
              ),
              id: newId(),
              stages: stages.map((st) => ({ ...st, id: newId() })),
            }
            const at = s.scenarios.indexOf(source) + 1
            return {
              scenarios: [...s.scenarios.slice(0, at), copy, ...s.scenarios.slice(at)],
              activeId: copy.id,
            }
          })
        },
        deleteScenario: (id) => {
          commit((s) => {
            const at = s.scenarios.findIndex((d) => d.id === id)
            // The worksheet always shows one scenario; the last one can be changed, not deleted.
            if (at < 0 || s.scenarios.length === 1) return s
            const scenarios = s.scenarios.filter((d) => d.id !== id)
            const neighbour = scenarios[Math.min(at, scenarios.length - 1)] as ScenarioDraft
            return { scenarios, activeId: s.activeId === id ? neighbour.id : s.activeId }
          })
        },
        moveScenario: (id, delta) => {
          commit((s) => {
            const i = s.scenarios.findIndex((d) => d.id === id)
            const j = i + delta
            if (i < 0 || j < 0 || j >= s.scenarios.length) return s
            const scenarios = [...s.scenarios]
            ;[scenarios[i], scenarios[j]] = [
              scenarios[j] as ScenarioDraft,
              scenarios[i] as ScenarioDraft,
            ]
            return { ...s, scenarios }
          })
        },
        compareExcluded: [],
        baselineId: null,
        setCompared: (id, compared) => {
          const rest = get().compareExcluded.filter((x) => x !== id)
          set({ compareExcluded: compared ? rest : [...rest, id] })
        },
        setBaseline: (id) => {
          set({ baselineId: id })
        },
        setStaleAfterDays: (days) => {
          set({ staleAfterDays: days })
        },
        dismissStorageNotice: () => {
          set({ storageNotice: null })
        },
      }
    },
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: createSafeStorage(),
      partialize: (s): PersistedState => ({
        scenarios: s.scenarios,
        activeId: s.activeId,
        staleAfterDays: s.staleAfterDays,
      }),
      onRehydrateStorage: () => () => {
        if (pendingNotice) {
          useWorksheet.setState({ storageNotice: pendingNotice })
          pendingNotice = null
        }
      },
    },
  ),
)

let pendingNotice: string | null = null
const SAVE_FAILED =
  'This browser refused to save the worksheet (storage full or disabled). Your edits stay until you close the page.'

/**
 * Local storage that never silently overwrites what it cannot read: corrupt
 * or newer saved data is copied to a backup key first and the person is told.
 */
function createSafeStorage(): PersistStorage<PersistedState> {
  return {
    getItem: (name) => {
      const raw = localStorage.getItem(name)
      if (raw === null) return null
      const read = readPersisted(raw)
      if (read.ok) return { state: read.state, version: STORAGE_VERSION }
      const backupKey = `${name}:kept-aside:${new Date().toISOString()}`
      localStorage.setItem(backupKey, raw)
      pendingNotice = `Your saved worksheet could not be opened. ${read.reason} It was kept unchanged in this browser's storage under "${backupKey}", and the example worksheet was loaded instead.`
      return null
    },
    setItem: (name, value: StorageValue<PersistedState>) => {
      // JSON writes NaN as null; the typed text kept beside it restores it on load.
      try {
        localStorage.setItem(name, JSON.stringify(value))
      } catch {
        // Storage full or disabled (private windows): the worksheet keeps working in
        // memory. Setting state saves again, so set the notice only once.
        if (useWorksheet.getState().storageNotice !== SAVE_FAILED) {
          useWorksheet.setState({ storageNotice: SAVE_FAILED })
        }
      }
    },
    removeItem: (name) => {
      localStorage.removeItem(name)
    },
  }
}
