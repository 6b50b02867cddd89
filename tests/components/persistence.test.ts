import { describe, expect, it } from 'vitest'
import { STORAGE_KEY, useWorksheet } from '../../src/store/worksheet'

describe('the worksheet in local storage', () => {
  it('saves every edit and restores it exactly, typed text included', async () => {
    const { typeScenarioNumber, scenarios } = useWorksheet.getState()
    const stageId = scenarios[0]!.stages[1]!.id
    typeScenarioNumber('jobsPerMonth', '12abc')
    useWorksheet.getState().typeStageNumber(stageId, 'reachShare', '40')
    const saved = localStorage.getItem(STORAGE_KEY)
    expect(saved).toContain('"jobsPerMonth":"12abc"')

    useWorksheet.setState(useWorksheet.getInitialState(), true)
    localStorage.setItem(STORAGE_KEY, saved!)
    await useWorksheet.persist.rehydrate()
    const restored = useWorksheet.getState().scenarios[0]!
    expect(restored.jobsPerMonth).toBeNaN()
    expect(restored.text).toEqual({ jobsPerMonth: '12abc' })
    expect(restored.stages[1]!.reachShare).toBe(0.4)
  })

  it.each([
    ['corrupt', 'not json {', 'It is not readable JSON.'],
    [
      'newer',
      JSON.stringify({ state: {}, version: 7 }),
      'It was saved by a newer version of this worksheet',
    ],
  ])('keeps %s saved data aside instead of overwriting it, and says so', async (_, raw, reason) => {
    localStorage.setItem(STORAGE_KEY, raw)
    await useWorksheet.persist.rehydrate()
    const notice = useWorksheet.getState().storageNotice
    expect(notice).toContain(reason)
    const backupKey = Object.keys(localStorage).find((k) =>
      k.startsWith(`${STORAGE_KEY}:kept-aside:`),
    )
    expect(backupKey).toBeDefined()
    expect(localStorage.getItem(backupKey!)).toBe(raw)
    expect(notice).toContain(backupKey)
    expect(useWorksheet.getState().scenarios[0]!.name).toBe('Draft + final (example)')
  })
})
