import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
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
    useWorksheet.flushSaves()
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
    expect(notice).toEqual({
      kind: 'unreadable',
      reason: 'It is not readable JSON.',
      keptAs: null,
      raw: 'not json {',
    })
    expect([...items]).toEqual([[STORAGE_KEY, 'not json {']])
  })

  it('never saves over unreadable data it could not copy, until the person says so', () => {
    // Room for one write: the copy aside is refused for its size, a save would fit.
    const items = new Map([[STORAGE_KEY, 'x'.repeat(50)]])
    const storage: Storage = {
      get length() {
        return items.size
      },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => {
        if (k !== STORAGE_KEY) throw new DOMException('full', 'QuotaExceededError')
        items.set(k, v)
      },
      removeItem: (k) => items.delete(k),
      clear: () => {
        items.clear()
      },
    }
    const store = createWorksheetStore(storage)
    expect(store.getState().savesHeld).toBe(true)
    store.getState().typeScenarioNumber('jobsPerMonth', '2000')
    store.flushSaves()
    expect(items.get(STORAGE_KEY)).toBe('x'.repeat(50))
    expect(store.getState().scenarios[0]!.jobsPerMonth).toBe(2000)

    store.getState().saveOverUnreadable()
    store.flushSaves()
    expect(store.getState().storageNotice).toBeNull()
    expect(items.get(STORAGE_KEY)).toContain('"jobsPerMonth":2000')
  })

  it('tells once that the browser refused a save, and keeps working in memory', () => {
    const store = createWorksheetStore(fullStorage().storage)
    expect(store.getState().storageNotice).toBeNull()
    store.getState().typeScenarioNumber('jobsPerMonth', '2000')
    store.flushSaves()
    expect(store.getState().storageNotice).toEqual({ kind: 'saveFailed' })
    // Dismissed, it stays dismissed: the saves that keep failing do not bring it back.
    store.getState().dismissStorageNotice()
    store.getState().typeScenarioNumber('jobsPerMonth', '3000')
    store.flushSaves()
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

  it('writes once typing pauses, not on every keystroke, and at once when the page hides', () => {
    vi.useFakeTimers()
    const store = load()
    const typed = ['1', '12', '123']
    for (const t of typed) {
      store.getState().typeScenarioNumber('jobsPerMonth', t)
      vi.advanceTimersByTime(100)
    }
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    vi.advanceTimersByTime(400)
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"jobsPerMonth":123')

    store.getState().typeScenarioNumber('jobsPerMonth', '1234')
    window.dispatchEvent(new Event('pagehide'))
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"jobsPerMonth":1234')
    vi.useRealTimers()
  })
})

describe('the storage notice', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** The text of every file the page hands to the browser as a download. */
  function captureDownloads(): string[] {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob)
      return 'blob:test'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    return blobs as unknown as string[]
  }

  it('offers the kept-aside copy for download and deletes it on request', async () => {
    const raw = '{"state":{"scenarios":[{"id":"a","name":"Hero'
    localStorage.setItem(STORAGE_KEY, raw)
    const notice = load().getState().storageNotice
    act(() => {
      useWorksheet.setState({ storageNotice: notice })
    })
    const blobs = captureDownloads() as unknown as Blob[]
    const user = userEvent.setup()
    render(createElement(StorageNotice))
    await user.click(screen.getByRole('button', { name: 'Download the kept-aside copy' }))
    expect(blobs).toHaveLength(1)
    expect(await blobs[0]!.text()).toBe(raw)

    await user.click(screen.getByRole('button', { name: 'Delete the kept-aside copy' }))
    expect(keptAsideKeys()).toEqual([])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers the data it could not copy aside for download, with no way to just dismiss it', async () => {
    const { storage } = fullStorage([[STORAGE_KEY, 'not json {']])
    const notice = createWorksheetStore(storage).getState().storageNotice
    act(() => {
      useWorksheet.setState({ storageNotice: notice, savesHeld: true })
    })
    const blobs = captureDownloads() as unknown as Blob[]
    const user = userEvent.setup()
    render(createElement(StorageNotice))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your edits are kept in memory only, not saved, until you download the unreadable data or choose to replace it.',
    )
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Download the unreadable data' }))
    expect(await blobs[0]!.text()).toBe('not json {')

    await user.click(screen.getByRole('button', { name: 'Replace it and save my edits' }))
    expect(useWorksheet.getState().savesHeld).toBe(false)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
