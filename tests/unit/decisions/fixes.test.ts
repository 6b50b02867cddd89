import { describe, expect, it } from 'vitest'
import { applyFix } from '../../../src/domain/decisions/fixes'
import { defaultScenario } from '../../../src/presets/defaultScenario'

describe('applyFix', () => {
  it('applies each kind of fix without touching the input', () => {
    const s = defaultScenario()
    const before = JSON.stringify(s)
    const quality = applyFix(s, {
      kind: 'setStageField',
      stageIndex: 1,
      field: 'quality',
      value: 'medium',
    })
    expect(quality.stages[1]?.quality).toBe('medium')
    expect(quality.stages[0]).toBe(s.stages[0])
    const size = applyFix(s, { kind: 'setStageSize', stageIndex: 0, width: 2048, height: 1152 })
    expect(size.stages[0]).toMatchObject({ width: 2048, height: 1152 })
    const quota = applyFix(s, { kind: 'setScenarioField', field: 'maxImagesPerUser', value: 40 })
    expect(quota.maxImagesPerUser).toBe(40)
    expect(JSON.stringify(s)).toBe(before)
  })

  it('changes nothing for a stage that does not exist', () => {
    const s = defaultScenario()
    const r = applyFix(s, { kind: 'setStageField', stageIndex: 9, field: 'reachShare', value: 0 })
    expect(r.stages).toEqual(s.stages)
  })
})
