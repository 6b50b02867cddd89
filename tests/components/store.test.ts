import { describe, expect, it } from 'vitest'
import { presetScenario, USE_CASE_PRESET_IDS } from '../../src/presets/useCases'
import { createWorksheetStore } from '../../src/store/worksheet'

/** A fresh worksheet over this jsdom's (cleared) storage: the example scenario, Draft and Final. */
function worksheet() {
  const store = createWorksheetStore(localStorage)
  const s = () => store.getState()
  const active = () => s().scenarios.find((d) => d.id === s().activeId)!
  return { s, active }
}

describe('undo steps', () => {
  it('joins keystrokes in one field into one step, until endEditGroup closes it', () => {
    const { s, active } = worksheet()
    s().typeScenarioNumber('jobsPerMonth', '2')
    s().typeScenarioNumber('jobsPerMonth', '20')
    s().typeScenarioNumber('jobsPerMonth', '200')
    expect(s().past).toHaveLength(1)
    s().endEditGroup()
    s().typeScenarioNumber('jobsPerMonth', '2000')
    expect(s().past).toHaveLength(2)
    s().undo()
    expect(active().jobsPerMonth).toBe(200)
    s().undo()
    expect(active().jobsPerMonth).toBe(1000)
    s().redo()
    expect(active().jobsPerMonth).toBe(200)
  })

  it('starts a new step after switching scenarios and back', () => {
    const { s, active } = worksheet()
    const first = s().activeId
    s().addScenario(presetScenario(USE_CASE_PRESET_IDS[0]), USE_CASE_PRESET_IDS[0])
    const second = s().activeId
    s().selectScenario(first)
    s().typeScenarioNumber('jobsPerMonth', '1500')
    s().selectScenario(second)
    s().selectScenario(first)
    s().typeScenarioNumber('jobsPerMonth', '1600')
    // Added, typed, typed again.
    expect(s().past).toHaveLength(3)
    s().undo()
    expect(active().jobsPerMonth).toBe(1500)
  })

  it('records nothing for a change that changes nothing', () => {
    const { s, active } = worksheet()
    const last = active().stages.at(-1)!.id
    s().moveStage(last, 1)
    s().moveScenario(s().activeId, -1)
    s().setStageFields(s().activeId, 'no such stage', { retryMultiplier: 2 })
    expect(s().past).toEqual([])
  })
})

describe('applyFix', () => {
  it('is a step of its own between keystrokes in the same field, and replaces typed text', () => {
    const { s, active } = worksheet()
    s().typeScenarioNumber('jobsPerMonth', '2,000')
    expect(active().text).toEqual({ jobsPerMonth: '2,000' })
    s().applyFix({ kind: 'setScenarioField', field: 'jobsPerMonth', value: 1080 }, active())
    expect(active().jobsPerMonth).toBe(1080)
    expect(active().text).toBeUndefined()
    s().typeScenarioNumber('jobsPerMonth', '1100')
    expect(s().past).toHaveLength(3)
    s().undo()
    expect(active().jobsPerMonth).toBe(1080)
    s().undo()
    expect(active().jobsPerMonth).toBe(2000)
  })

  it('changes the stage it was computed for, even after the stages moved', () => {
    const { s, active } = worksheet()
    const computedFrom = active()
    const draftId = computedFrom.stages[0]!.id
    s().moveStage(draftId, 1)
    s().applyFix(
      { kind: 'setStageField', stageIndex: 0, field: 'retryMultiplier', value: 1 },
      computedFrom,
    )
    expect(active().stages.map((st) => [st.name, st.retryMultiplier])).toEqual([
      ['Final', 1.3],
      ['Draft', 1],
    ])
  })

  it('goes to its own scenario and shows it, whichever scenario is being edited', () => {
    const { s, active } = worksheet()
    const example = active()
    s().addScenario(presetScenario(USE_CASE_PRESET_IDS[0]), USE_CASE_PRESET_IDS[0])
    const step = s().applyFix(
      { kind: 'setStageSize', stageIndex: 1, width: 1024, height: 1024 },
      example,
    )
    expect(s().activeId).toBe(example.id)
    expect(active().stages[1]).toMatchObject({ name: 'Final', width: 1024, height: 1024 })
    expect(step?.after).toBe(s().scenarios)
    expect(
      s().applyFix({ kind: 'setStageSize', stageIndex: 9, width: 1, height: 1 }, example),
    ).toBe(null)
  })
})

describe('setStageFields', () => {
  it('returns the step it recorded, so a caller can tell applied from undone', () => {
    const { s, active } = worksheet()
    const stage = active().stages[1]!
    s().typeStageNumber(stage.id, 'retryMultiplier', '1.30')
    const step = s().setStageFields(s().activeId, stage.id, {
      retryMultiplier: 1.5,
      promptTokens: 80,
    })
    expect(step?.after).toBe(s().scenarios)
    expect(active().stages[1]).toMatchObject({ retryMultiplier: 1.5, promptTokens: 80 })
    expect(active().stages[1]!.text).toBeUndefined()
    s().undo()
    expect(s().scenarios).toBe(step?.before)
    expect(active().stages[1]!.text).toEqual({ retryMultiplier: '1.30' })
  })
})

describe('the compared set', () => {
  const compared = (s: ReturnType<typeof worksheet>['s']) =>
    s()
      .scenarios.filter((d) => !s().compareExcluded.includes(d.id))
      .slice(0, 12)
      .map((d) => d.name)

  it('"Compare all presets" adds the missing presets in one undo step and compares them all', () => {
    const { s } = worksheet()
    s().addScenario(presetScenario('blog-headers'), 'blog-headers')
    const blog = s().scenarios[1]!.id
    s().setCompared(blog, false)
    const steps = s().past.length
    s().compareAllPresets()
    // The example plus five presets, the blog preset not added twice.
    expect(s().scenarios).toHaveLength(6)
    expect(s().past).toHaveLength(steps + 1)
    expect(
      s()
        .scenarios.filter((d) => d.presetId)
        .map((d) => d.presetId),
    ).toEqual(['blog-headers', ...USE_CASE_PRESET_IDS.filter((p) => p !== 'blog-headers')])
    expect(compared(s)).toHaveLength(6)
    s().undo()
    expect(s().scenarios).toHaveLength(2)
    expect(compared(s)).toEqual(['Draft + final (example)', 'Blog headers'])
  })

  it('compares 12 at most: a 13th tick is refused, and unticking never slides another in', () => {
    const { s } = worksheet()
    for (let i = 0; i < 13; i++)
      s().addScenario({ ...presetScenario('blog-headers'), name: `B${i}` })
    // 14 scenarios: the first 12 are compared by default.
    expect(compared(s)).toHaveLength(12)
    const thirteenth = s().scenarios[12]!.id
    expect(s().setCompared(thirteenth, true)).toBe(false)
    expect(s().setCompared(s().scenarios[0]!.id, false)).toBe(true)
    expect(compared(s)).toHaveLength(11)
    expect(s().setCompared(thirteenth, true)).toBe(true)
    expect(compared(s)).toContain('B11')
    expect(compared(s)).toHaveLength(12)
  })
})
