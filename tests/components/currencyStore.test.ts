import { describe, expect, it } from 'vitest'
import { migratePersisted } from '../../src/io/persisted'
import { createWorksheetStore, STORAGE_KEY } from '../../src/store/worksheet'

const load = () => createWorksheetStore(localStorage, new Date('2026-11-30T09:00:00Z'))

describe('the currency setting in the store', () => {
  it('is USD with no rate on a first visit', () => {
    localStorage.clear()
    expect(load().getState().currency).toEqual({ code: 'USD', rate: '', rateDate: '' })
  })

  it('is saved with the worksheet and restored, a mistyped rate included', () => {
    localStorage.clear()
    const store = load()
    store.getState().setCurrency({ code: 'EUR' })
    store.getState().setCurrency({ rate: '0,92x' })
    store.getState().setCurrency({ rateDate: '2026-11-27' })
    store.flushSaves()
    expect(localStorage.getItem(STORAGE_KEY)).toContain(
      '"currency":{"code":"EUR","rate":"0,92x","rateDate":"2026-11-27"}',
    )
    expect(load().getState().currency).toEqual({
      code: 'EUR',
      rate: '0,92x',
      rateDate: '2026-11-27',
    })
  })

  it('is undoable: typing a rate is one step, choosing the currency another', () => {
    localStorage.clear()
    const store = load()
    const s = () => store.getState()
    s().setCurrency({ code: 'JPY' })
    for (const rate of ['1', '15', '156', '156.3']) s().setCurrency({ rate })
    expect(s().currency.rate).toBe('156.3')
    s().undo()
    expect(s().currency).toEqual({ code: 'JPY', rate: '', rateDate: '' })
    s().undo()
    expect(s().currency.code).toBe('USD')
    s().redo()
    s().redo()
    expect(s().currency).toEqual({ code: 'JPY', rate: '156.3', rateDate: '' })
  })

  it('leaves scenario edits undoable around it', () => {
    localStorage.clear()
    const store = load()
    const s = () => store.getState()
    s().setCurrency({ code: 'EUR', rate: '0.92' })
    s().typeScenarioNumber('jobsPerMonth', '500')
    s().undo()
    expect(s().scenarios[0]!.jobsPerMonth).not.toBe(500)
    expect(s().currency.code).toBe('EUR')
  })
})

describe('the currency across two tabs', () => {
  const tell = (before: string | null) => {
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: STORAGE_KEY,
        oldValue: before,
        newValue: localStorage.getItem(STORAGE_KEY),
        storageArea: localStorage,
      }),
    )
  }

  it('an idle tab takes the other tab’s currency; a busy one keeps its own and has theirs one Undo away', () => {
    localStorage.clear()
    const a = load()
    const b = load()
    const c = load()
    c.getState().setCurrency({ code: 'JPY', rate: '156.3' })
    const before = localStorage.getItem(STORAGE_KEY)
    a.getState().setCurrency({ code: 'EUR', rate: '0.92' })
    a.flushSaves()
    tell(before)
    expect(b.getState().currency).toEqual({ code: 'EUR', rate: '0.92', rateDate: '' })

    c.getState().keepMine()
    expect(c.getState().currency.code).toBe('JPY')
    c.getState().undo()
    expect(c.getState().currency).toEqual({ code: 'EUR', rate: '0.92', rateDate: '' })
  })
})

describe('the saved currency field', () => {
  const v2 = {
    scenarios: [
      { id: 'a', name: 'A', modelId: 'gpt-image-2', jobsPerMonth: 1, batch: false, stages: [] },
    ],
    activeId: 'a',
    staleAfterDays: 90,
    compareExcluded: [],
    baselineId: null,
    showCosts: 'perMonth',
    preparedBy: '',
  }

  it('is optional: a save from before it reads as USD', () => {
    const r = migratePersisted(v2, 2)
    expect(r.ok && r.state.currency).toEqual({ code: 'USD', rate: '', rateDate: '' })
  })

  it('is read back as saved', () => {
    const currency = { code: 'INR', rate: '83.25', rateDate: '2026-11-27' }
    const r = migratePersisted({ ...v2, currency }, 2)
    expect(r.ok && r.state.currency).toEqual(currency)
  })

  it.each([
    [{ code: 'euro', rate: '1', rateDate: '' }],
    [{ code: 'EUR', rate: 1, rateDate: '' }],
    [{ code: 'EUR', rate: '1', rateDate: 'yesterday' }],
  ])('refuses a malformed one with a reason, so the save is kept aside: %j', (currency) => {
    const r = migratePersisted({ ...v2, currency }, 2)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/currency/)
  })
})
