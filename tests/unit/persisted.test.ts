import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { migratePersisted, readPersisted } from '../../src/io/persisted'

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8')

describe('stored worksheet, version 1', () => {
  it('reads the frozen v1 fixture, restoring unreadable typed values from their text', () => {
    const read = readPersisted(fixture('v1.json'))
    if (!read.ok) throw new Error(read.reason)
    const [listings, thumbnails] = read.state.scenarios
    // "2,5OO" (letter O) was unreadable when saved: JSON kept null, the text brings NaN back.
    expect(listings?.jobsPerMonth).toBeNaN()
    expect(listings?.text).toEqual({ jobsPerMonth: '2,5OO' })
    expect(listings?.prices).toEqual({ imageOutput: 27.5 })
    expect(listings?.stages[0]).toMatchObject({
      retryMultiplier: 1.2,
      text: { retryMultiplier: '1.20' },
    })
    expect(thumbnails).toEqual({
      id: 's2',
      name: 'Thumbnails',
      modelId: 'gpt-image-2',
      jobsPerMonth: 400,
      batch: false,
      stages: [],
    })
    expect(read.state.activeId).toBe('s2')
    expect(read.state.staleAfterDays).toBe(30)
    // Version 1 saved no comparison choices: all compared, per month, against the first.
    expect(read.state).toMatchObject({
      compareExcluded: [],
      baselineId: null,
      showCosts: 'perMonth',
      preparedBy: '',
    })
  })

  it('refuses data from a newer version, saying so', () => {
    const read = migratePersisted({}, 3)
    expect(read).toEqual({
      ok: false,
      reason:
        'It was saved by a newer version of this worksheet (storage version 3; this one reads up to 2).',
    })
  })

  it('refuses corrupt JSON and damaged shapes with a reason', () => {
    expect(readPersisted('{"state": {"scenarios": [')).toEqual({
      ok: false,
      reason: 'It is not readable JSON.',
    })
    const damaged = readPersisted(JSON.stringify({ state: { scenarios: 'x' }, version: 1 }))
    expect(damaged.ok).toBe(false)
    if (!damaged.ok) expect(damaged.reason).toMatch(/^It is damaged: /)
  })

  it('falls back to the first scenario when the active one is missing', () => {
    const raw = JSON.parse(fixture('v1.json')) as { state: { activeId: string } }
    raw.state.activeId = 'gone'
    const read = migratePersisted(raw.state, 1)
    expect(read.ok && read.state.activeId).toBe('s1')
  })
})

describe('stored worksheet, version 2', () => {
  const v1 = (JSON.parse(fixture('v1.json')) as { state: Record<string, unknown> }).state
  const v2 = (choices: Record<string, unknown>) => ({
    ...v1,
    compareExcluded: [],
    baselineId: null,
    showCosts: 'perMonth',
    preparedBy: '',
    ...choices,
  })

  it('keeps the comparison choices: left out, baseline, "Show costs", "Prepared by"', () => {
    const read = migratePersisted(
      v2({
        compareExcluded: ['s1', 'deleted-long-ago'],
        baselineId: 's2',
        showCosts: 'atBaselineJobs',
        preparedBy: 'Ana Núñez',
      }),
      2,
    )
    if (!read.ok) throw new Error(read.reason)
    expect(read.state).toMatchObject({
      compareExcluded: ['s1'],
      baselineId: 's2',
      showCosts: 'atBaselineJobs',
      preparedBy: 'Ana Núñez',
    })
  })

  it('forgets a baseline that is no longer in the worksheet', () => {
    const read = migratePersisted(v2({ baselineId: 'gone' }), 2)
    expect(read.ok && read.state.baselineId).toBeNull()
  })

  it('refuses an unknown "Show costs" choice as damaged', () => {
    const read = migratePersisted(v2({ showCosts: 'perFortnight' }), 2)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toMatch(/^It is damaged: /)
  })
})
