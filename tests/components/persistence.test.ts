import { act, render, screen } from '@testing-library/react'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { StorageNotice } from '../../src/app/StorageNotice'
import { createWorksheetStore, STORAGE_KEY, useWorksheet } from '../../src/store/worksheet'

const KEPT_ASIDE = `${STORAGE_KEY}:kept-aside:`
const keptAsideKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(KEPT_ASIDE))

/** A page load over this jsdom's storage: a new store, created the way the app creates its own. */
const load = (now = new Date('2026-05-01T09:00:00Z')) => createWorksheetStore(localStorage, now)

/** Local storage holding `entries` that refuses every write, as a full one does. */
function fullStorage(entries: [string, string][] = []): {
  storage: Storage
  items: Map<string, string>
} {
  const items = new Map(entries)
  const storage: Storage = {
    get length() {
      return items.size
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    },
    removeItem: (k) => {
      items.delete(k)
    },
    clear: () => {
      items.clear()
    },
  }
  return { storage, items }
}

describe('the worksheet in local storage', () => {
  it('saves every edit and restores it exactly, typed text included', () => {
    const { typeScenarioNumber, scenarios } = useWorksheet.getState()
    const stageId = scenarios[0]!.stages[1]!.id
    typeScenarioNumber('jobsPerMonth', '12abc')
    useWorksheet.getState().typeStageNumber(stageId, 'reachShare', '40')
    const saved = localStorage.getItem(STORAGE_KEY)
    expect(saved).toContain('"jobsPerMonth":"12abc"')

    const restored = load().getState().scenarios[0]!
    expect(restored.jobsPerMonth).toBeNaN()
    expect(restored.text).toEqual({ jobsPerMonth: '12abc' })
    expect(restored.stages[1]!.reachShare).toBe(0.4)
    // Reading writes nothing: what was saved is still there as saved.
    expect(localStorage.getItem(STORAGE_KEY)).toBe(saved)
  })

  it.each([
    ['corrupt', 'not json {', 'It is not readable JSON.'],
    [
      'newer',
      JSON.stringify({ state: {}, version: 7 }),
      'It was saved by a newer version of this worksheet',
    ],
    [
      'wrongly typed',
      JSON.stringify({ state: { scenarios: 'three', activeId: 7 }, version: 1 }),
      'It is damaged',
    ],
  ])('keeps %s saved data aside instead of overwriting it, and says so', (_, raw, reason) => {
    localStorage.setItem(STORAGE_KEY, raw)
    const store = load()
    const notice = store.getState().storageNotice
    if (notice?.kind !== 'unreadable')
      throw new Error(`expected a notice, got ${JSON.stringify(notice)}`)
    expect(notice.reason).toContain(reason)
    const backupKey = keptAsideKeys()[0]
    expect(backupKey).toBeDefined()
    expect(localStorage.getItem(backupKey!)).toBe(raw)
    expect(notice.keptAs).toBe(backupKey)
    expect(store.getState().scenarios[0]!.name).toBe('Draft + final (example)')
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw)

    // What the page says, from the notice as the store holds it.
    act(() => {
      useWorksheet.setState({ storageNotice: notice })
    })
    render(createElement(StorageNotice))
    // (toHaveTextContent collapses white space, as the page does: zod's reasons span lines.)
    expect(screen.getByRole('alert')).toHaveTextContent(
      `Your saved worksheet could not be opened. ${notice.reason} It was kept unchanged in this browser's storage under "${backupKey!}", and the example worksheet was loaded instead.`.replace(
        /\s+/g,
        ' ',
      ),
    )
  })

  it('keeps unreadable data aside once, however often the page is loaded', () => {
    const raw = '{"state":{"scenarios":[{"id":"a","name":"Hero'
    localStorage.setItem(STORAGE_KEY, raw)
    const first = load(new Date('2026-05-01T09:00:00Z')).getState().storageNotice
    const second = load(new Date('2026-05-02T09:00:00Z')).getState().storageNotice
    expect(keptAsideKeys()).toEqual([`${KEPT_ASIDE}2026-05-01T09:00:00.000Z`])
    expect(second).toEqual(first)
    // A different unreadable value is a different copy.
    localStorage.setItem(STORAGE_KEY, 'also not json')
    load(new Date('2026-05-03T09:00:00Z'))
    expect(keptAsideKeys().sort()).toEqual([
      `${KEPT_ASIDE}2026-05-01T09:00:00.000Z`,
      `${KEPT_ASIDE}2026-05-03T09:00:00.000Z`,
    ])
  })

  it('says when the unreadable data could not be copied aside, and leaves it in place', () => {
    // Written before the storage filled up.
    const { storage, items } = fullStorage([[STORAGE_KEY, 'not json {']])
    const notice = createWorksheetStore(storage).getState().storageNotice
    expect(notice).toEqual({ kind: 'unreadable', reason: 'It is not readable JSON.', keptAs: null })
    expect([...items]).toEqual([[STORAGE_KEY, 'not json {']])
  })

  it('tells once that the browser refused a save, and keeps working in memory', () => {
    const store = createWorksheetStore(fullStorage().storage)
    expect(store.getState().storageNotice).toBeNull()
    store.getState().typeScenarioNumber('jobsPerMonth', '2000')
    expect(store.getState().storageNotice).toEqual({ kind: 'saveFailed' })
    // Dismissed, it stays dismissed: the saves that keep failing do not bring it back.
    store.getState().dismissStorageNotice()
    store.getState().typeScenarioNumber('jobsPerMonth', '3000')
    expect(store.getState().storageNotice).toBeNull()
    expect(store.getState().scenarios[0]!.jobsPerMonth).toBe(3000)
  })

  it('says from the start that nothing will be saved when the browser refuses storage', () => {
    const store = createWorksheetStore(null)
    expect(store.getState().storageNotice).toEqual({ kind: 'saveFailed' })
    expect(store.getState().scenarios[0]!.name).toBe('Draft + final (example)')
    store.getState().dismissStorageNotice()
    store.getState().addStage()
    expect(store.getState().storageNotice).toBeNull()
    expect(store.getState().scenarios[0]!.stages).toHaveLength(3)
  })
})
