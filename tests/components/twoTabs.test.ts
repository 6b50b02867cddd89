import { describe, expect, it } from 'vitest'
import { createWorksheetStore, STORAGE_KEY } from '../../src/store/worksheet'

/** A tab: a store over this jsdom's storage, created the way a page load creates it. */
const openTab = () => createWorksheetStore(localStorage)
type Tab = ReturnType<typeof openTab>

/**
 * What the browser does in every other tab when one tab writes: a storage
 * event (jsdom does not send it to its own window, so the test does).
 */
function saveAndTell(tab: Tab) {
  const before = localStorage.getItem(STORAGE_KEY)
  tab.flushSaves()
  const after = localStorage.getItem(STORAGE_KEY)
  if (after === before) return
  window.dispatchEvent(
    new StorageEvent('storage', {
      key: STORAGE_KEY,
      oldValue: before,
      newValue: after,
      storageArea: localStorage,
    }),
  )
}

const name = (tab: Tab) => tab.getState().scenarios[0]!.name
const jobs = (tab: Tab) => tab.getState().scenarios[0]!.jobsPerMonth

describe('two tabs on one worksheet', () => {
  it('an idle tab takes the other tab’s save, as one undo step, without writing it back', () => {
    const a = openTab()
    a.getState().editScenario({ name: 'Thumbnails' })
    saveAndTell(a)
    const b = openTab()
    expect(name(b)).toBe('Thumbnails')

    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)
    expect(name(b)).toBe('Renamed in A')
    expect(b.getState().otherTab).toBeNull()

    // Undo in B shows what B showed before, and nothing after it was lost.
    b.getState().undo()
    expect(name(b)).toBe('Thumbnails')
    b.getState().redo()
    expect(name(b)).toBe('Renamed in A')
  })

  it('writes nothing back when it takes a save, so two tabs never echo', () => {
    const a = openTab()
    const b = openTab()
    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)
    // Anything B had pending would now land over this marker.
    localStorage.setItem(STORAGE_KEY, 'marker')
    b.flushSaves()
    expect(localStorage.getItem(STORAGE_KEY)).toBe('marker')
  })

  it('keeps the scenario a tab is editing when the other tab saves', () => {
    const a = openTab()
    a.getState().duplicateScenario(a.getState().scenarios[0]!.id)
    saveAndTell(a)
    const b = openTab()
    const first = b.getState().scenarios[0]!.id
    b.getState().selectScenario(first)
    saveAndTell(b)
    a.getState().typeScenarioNumber('jobsPerMonth', '5')
    saveAndTell(a)
    expect(b.getState().activeId).toBe(first)
  })

  it('asks when both tabs have unsaved edits, and saves nothing until the person picks', () => {
    const a = openTab()
    const b = openTab()
    b.getState().typeScenarioNumber('jobsPerMonth', '777')
    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)
    const theirs = localStorage.getItem(STORAGE_KEY)
    expect(b.getState().otherTab?.scenarios[0]!.name).toBe('Renamed in A')
    expect(jobs(b)).toBe(777)
    // B's edit waits: hiding the page does not write it over A's.
    b.flushSaves()
    expect(localStorage.getItem(STORAGE_KEY)).toBe(theirs)
  })

  it('Keep mine saves this tab’s worksheet and leaves theirs one Undo away', () => {
    const a = openTab()
    const b = openTab()
    b.getState().typeScenarioNumber('jobsPerMonth', '777')
    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)

    b.getState().keepMine()
    expect(b.getState().otherTab).toBeNull()
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"jobsPerMonth":777')
    expect(name(b)).toBe('Draft + final (example)')

    b.getState().undo()
    expect(name(b)).toBe('Renamed in A')
    expect(jobs(b)).not.toBe(777)
  })

  it('Load their version shows theirs and leaves this tab’s edits one Undo away', () => {
    const a = openTab()
    const b = openTab()
    b.getState().typeScenarioNumber('jobsPerMonth', '777')
    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)

    b.getState().loadOtherTab()
    expect(b.getState().otherTab).toBeNull()
    expect(name(b)).toBe('Renamed in A')
    expect(jobs(b)).not.toBe(777)

    b.getState().undo()
    expect(jobs(b)).toBe(777)
    expect(name(b)).toBe('Draft + final (example)')
  })

  it('a tab closed before the person picks keeps its edits aside, and the next page offers them', () => {
    const a = openTab()
    const b = openTab()
    b.getState().typeScenarioNumber('jobsPerMonth', '4321')
    a.getState().editScenario({ name: 'Renamed in A' })
    saveAndTell(a)
    const theirs = localStorage.getItem(STORAGE_KEY)

    // What pagehide does as the tab closes with the question still open.
    b.saveOnClose()
    expect(localStorage.getItem(STORAGE_KEY)).toBe(theirs)
    const c = openTab()
    expect(name(c)).toBe('Renamed in A')
    const notice = c.getState().storageNotice
    expect(notice?.kind).toBe('closedTab')
    if (notice?.kind !== 'closedTab') return
    expect(notice.keptAs.startsWith(`${STORAGE_KEY}:closed-tab:`)).toBe(true)
    expect(notice.worksheet.scenarios[0]!.jobsPerMonth).toBe(4321)

    c.getState().loadClosedTab()
    expect(jobs(c)).toBe(4321)
    expect(c.getState().storageNotice).toBeNull()
    c.getState().undo()
    expect(name(c)).toBe('Renamed in A')
  })

  it('leaves saved data it cannot read to the tab that wrote it', () => {
    const b = openTab()
    const before = b.getState().scenarios
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: STORAGE_KEY,
        newValue: 'not json {',
        storageArea: localStorage,
      }),
    )
    expect(b.getState().scenarios).toBe(before)
    expect(b.getState().otherTab).toBeNull()
  })
})
