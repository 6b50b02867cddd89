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
      // version 1 knew no "Delivers final images": the default rule's answer is written in
      deliversFinal: true,
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

const COMPARE_V2 = { compareExcluded: [], baselineId: null, showCosts: 'perMonth', preparedBy: '' }

describe('stored worksheet, version 2', () => {
  it('keeps each stage\'s "Delivers final images" choice, and leaves unset ones to the rule', () => {
    const raw = JSON.parse(fixture('v1.json')) as {
      state: { scenarios: { stages: Record<string, unknown>[] }[] }
    }
    // Version 2 also saves the comparison's choices.
    Object.assign(raw.state, COMPARE_V2)
    const edit = raw.state.scenarios[0]?.stages[0]
    if (!edit) throw new Error('the fixture has a stage')
    edit.deliversFinal = false
    const draft: Record<string, unknown> = { ...edit, id: 'st2', name: 'Upscale' }
    raw.state.scenarios[0]?.stages.push(draft)
    const read = migratePersisted(raw.state, 2)
    if (!read.ok) throw new Error(read.reason)
    const stages = read.state.scenarios[0]?.stages ?? []
    expect(stages.map((s) => s.deliversFinal)).toEqual([false, false])
    delete edit.deliversFinal
    delete draft.deliversFinal
    const unset = migratePersisted(raw.state, 2)
    if (!unset.ok) throw new Error(unset.reason)
    expect(unset.state.scenarios[0]?.stages.map((s) => 'deliversFinal' in s)).toEqual([
      false,
      false,
    ])
  })

  it('refuses a flag that is not true or false', () => {
    const raw = JSON.parse(fixture('v1.json')) as {
      state: { scenarios: { stages: Record<string, unknown>[] }[] }
    }
    // Version 2 also saves the comparison's choices.
    Object.assign(raw.state, COMPARE_V2)
    const edit = raw.state.scenarios[0]?.stages[0]
    if (edit) edit.deliversFinal = 'yes'
    expect(migratePersisted(raw.state, 2).ok).toBe(false)
  })

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

describe('stored worksheet with scenarios that share a name', () => {
  it('numbers the later ones on load, never merges them, and lists what was renamed', () => {
    const read = readPersisted(fixture('v2-same-names.json'))
    if (!read.ok) throw new Error(read.reason)
    expect(read.state.scenarios.map((d) => [d.id, d.name, d.jobsPerMonth])).toEqual([
      ['a', 'Draft + final (example)', 1000],
      // "(2)" is the fourth scenario's own name, so the second becomes "(3)".
      ['b', 'Draft + final (example) (3)', 2000],
      ['c', 'Untitled scenario', 1],
      ['d', 'Draft + final (example) (2)', 3],
    ])
    expect(read.renamed).toEqual([
      { from: 'Draft + final (example)', to: 'Draft + final (example) (3)' },
      { from: '', to: 'Untitled scenario' },
    ])
    // Ids are untouched, so the choices made about each scenario still hold.
    expect(read.state).toMatchObject({ activeId: 'b', compareExcluded: ['c'], baselineId: 'b' })
  })

  it('renames nothing in a worksheet whose names are unique', () => {
    const read = readPersisted(fixture('v1.json'))
    expect(read.ok && read.renamed).toEqual([])
  })
})

describe('reading a big saved worksheet', () => {
  // A saved worksheet as the app writes it: a v2 envelope around the frozen v1 scenarios.
  function saved(copies: number) {
    const v1 = JSON.parse(fixture('v1.json')) as { state: { scenarios: { id: string }[] } }
    const scenarios = Array.from({ length: copies }, (_, i) =>
      v1.state.scenarios.map((s) => ({ ...s, id: `${s.id}-${String(i)}` })),
    ).flat()
    return {
      scenarios,
      activeId: 's2-0',
      staleAfterDays: 30,
      compareExcluded: ['s1-0'],
      baselineId: 's2-1',
      showCosts: 'perJob',
      preparedBy: 'Ops',
    }
  }

  it('reads it the same whether or not a key the schema strips sends it through zod', () => {
    const state = saved(3)
    const direct = migratePersisted(state, 2)
    // An unknown key is stripped by the schema: this one is checked by zod, not the quick check.
    const throughZod = migratePersisted({ ...state, addedByALaterVersion: true }, 2)
    expect(direct.ok).toBe(true)
    expect(throughZod).toEqual(direct)
    const stageExtra = structuredClone(state)
    ;(
      stageExtra.scenarios[0] as unknown as { stages: Record<string, unknown>[] }
    ).stages[0]!.extra = 1
    expect(migratePersisted(stageExtra, 2)).toEqual(direct)
  })

  it('still refuses, with zod words, what the quick check does not accept', () => {
    const state = saved(2)
    ;(state.scenarios[3] as Record<string, unknown>).batch = 'yes'
    const read = migratePersisted(state, 2)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.reason).toMatch(/^It is damaged: .*batch/s)
    const meter = saved(1)
    ;(meter.scenarios[0] as Record<string, unknown>).prices = { constructor: 3 }
    expect(migratePersisted(meter, 2).ok).toBe(false)
  })

  it('reads 3,000 saved scenarios', () => {
    const state = saved(1_500)
    const read = migratePersisted(state, 2)
    if (!read.ok) throw new Error(read.reason)
    expect(read.state.scenarios).toHaveLength(3_000)
    expect(read.state.scenarios[2_999]?.id).toBe('s2-1499')
    expect(read.state.compareExcluded).toEqual(['s1-0'])
  })
})
