import { describe, expect, it } from 'vitest'
import { dearestImageCost, quotaExposure } from '../../../src/domain/decisions/quotas'
import type { Scenario } from '../../../src/domain/model'
import { defaultScenario } from '../../../src/presets/defaultScenario'
import { blankStage } from '../../../src/domain/model'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

// Default scenario per billable image: Draft 196 x $30/M + 120 x $5/M = $0.00648;
// Final (high 1536x1024) 5488 x $30/M + 120 x $5/M = $0.16524. Plan: 6325 images, $92.583.
function exposure(scenario: Scenario) {
  const r = quotaExposure(scenario, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}

describe('quotaExposure', () => {
  it('prices every user spending the whole quota at the dearest stage', () => {
    const r = exposure({ ...defaultScenario(), usersPerMonth: 100, maxImagesPerUser: 20 })
    expect(r.costPerImageUsd).toBeCloseTo(0.16524, 12)
    expect(r.costPerImageStageIndex).toBe(1)
    expect(r.costPerImageStageName).toBe('Final')
    // 100 users x 20 images = 2000 images x $0.16524 = $330.48
    expect(r.worstCaseImages).toBe(2000)
    expect(r.worstCaseMonthlyUsd).toBeCloseTo(330.48, 10)
    expect(r.plannedMonthlyUsd).toBeCloseTo(92.583, 10)
    expect(r.worstCaseOverPlanUsd).toBeCloseTo(237.897, 10)
    expect(r.hasQuota).toBe(true)
  })

  it('says when the quota is below what the plan itself needs', () => {
    const r = exposure({ ...defaultScenario(), usersPerMonth: 100, maxImagesPerUser: 20 })
    // 6325 billed images / 100 users = 63.25 per user > 20
    expect(r.plannedImagesPerUser).toBeCloseTo(63.25, 12)
    expect(r.issues).toEqual([
      {
        kind: 'quotaBelowPlan',
        path: 'maxImagesPerUser',
        message:
          'The plan expects 63.3 billed images per user, above the quota of 20: the quota would stop planned work.',
      },
    ])
    expect(
      exposure({ ...defaultScenario(), usersPerMonth: 100, maxImagesPerUser: 80 }).issues,
    ).toEqual([])
  })

  it('flags a plan without a quota', () => {
    const users = exposure({ ...defaultScenario(), usersPerMonth: 100 })
    expect(users.hasQuota).toBe(false)
    expect(users.worstCaseMonthlyUsd).toBeNull()
    expect(users.worstCaseImages).toBeNull()
    expect(users.issues.map((i) => i.kind)).toEqual(['noQuota'])
    expect(users.issues[0]?.message).toContain('100 users can generate without a per-user quota')
    const neither = exposure(defaultScenario())
    expect(neither.issues.map((i) => i.kind)).toEqual(['noQuota'])
    expect(neither.plannedImagesPerUser).toBeNull()
    const quotaOnly = exposure({ ...defaultScenario(), maxImagesPerUser: 10 })
    expect(quotaOnly.issues.map((i) => i.kind)).toEqual(['usersUnknown'])
    expect(quotaOnly.worstCaseMonthlyUsd).toBeNull()
  })

  it('prices a quota image with its inputs, whatever the volume, n or reach', () => {
    const edit: Scenario = {
      name: 'edits',
      modelId: 'gpt-image-2',
      jobsPerMonth: 0,
      batch: false,
      stages: [
        {
          ...blankStage('Edit'),
          width: 1024,
          height: 1536,
          outputsPerRequest: 4,
          reachShare: 0,
          promptTokens: 200,
          referenceImages: 2,
          referenceImageTokens: 1024,
        },
      ],
    }
    // medium 1024x1536: 1372 x $30/M = 0.04116 ; prompt 200 x $5/M = 0.001 ;
    // references 2 x 1024 x $8/M = 0.016384 -> $0.058544 per billable image
    expect(dearestImageCost(edit, PRICE_BOOK)?.costUsd).toBeCloseTo(0.058544, 12)
    const r = exposure({ ...edit, usersPerMonth: 50, maxImagesPerUser: 10 })
    // 500 images x 0.058544 = 29.272, although the plan itself costs nothing
    expect(r.worstCaseMonthlyUsd).toBeCloseTo(29.272, 10)
    expect(r.plannedMonthlyUsd).toBe(0)
  })

  it('refuses malformed quota fields and invalid scenarios', () => {
    const r = quotaExposure(
      { ...defaultScenario(), usersPerMonth: -1, maxImagesPerUser: 2.5 },
      PRICE_BOOK,
    )
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(['usersPerMonth', 'maxImagesPerUser'])
      expect(r.errors[1]?.message).toBe(
        'Max images per user per month must be a whole number from 0 to 1,000,000,000; it is 2.5.',
      )
    }
    expect(quotaExposure({ ...defaultScenario(), modelId: 'nope' }, PRICE_BOOK).ok).toBe(false)
  })
})
