import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../../src/domain/engine'
import { budgetCap } from '../../../src/domain/decisions/budgetCap'
import type { CapChange } from '../../../src/domain/decisions/budgetCap'
import { applyFix } from '../../../src/domain/decisions/fixes'
import type { Scenario } from '../../../src/domain/model'
import { JOBS_RULE } from '../../../src/domain/validate'
import { defaultScenario } from '../../../src/presets/defaultScenario'
import { validScenario } from '../arbitraries'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

// Default scenario: $92.583 a month for 1000 jobs, so $0.092583 a job.
//   Draft $38.88 (6000 images x $0.00648: 196 x $30/M + 120 x $5/M)
//   Final $53.703 (325 images x $0.16524: 5488 x $30/M + 120 x $5/M)
function cap(scenario: Scenario, budget: number) {
  const r = budgetCap(scenario, budget, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}
const cost = (s: Scenario): number => {
  const r = computeScenario(s, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.monthlyCostUsd
}
const change = (changes: CapChange[], kind: CapChange['kind'], stageIndex: number | null) => {
  const found = changes.find((c) => c.kind === kind && c.stageIndex === stageIndex)
  if (!found) throw new Error(`no ${kind} change for ${stageIndex}`)
  return found
}

describe('budgetCap', () => {
  it('solves the most jobs that fit, exactly, to whole jobs', () => {
    const r = cap(defaultScenario(), 50)
    expect(r.costPerJobUsd).toBeCloseTo(0.092583, 12)
    // 50 / 0.092583 = 540.06 -> 540 jobs: 540 x 0.092583 = 49.99482 <= 50; 541 jobs = 50.0874 > 50
    expect(r.maxJobsPerMonth).toBe(540)
    expect(r.headroomUsd).toBeCloseTo(-42.583, 10)
    expect(r.overrunUsd).toBeCloseTo(42.583, 10)
    expect(r.withinBudget).toBe(false)
  })

  it('lists no changes under budget, and reports the headroom', () => {
    const r = cap(defaultScenario(), 100)
    // 100 - 92.583 = 7.417 ; 100 / 0.092583 = 1080.11 -> 1080
    expect(r.headroomUsd).toBeCloseTo(7.417, 10)
    expect(r.overrunUsd).toBe(0)
    expect(r.withinBudget).toBe(true)
    expect(r.maxJobsPerMonth).toBe(1080)
    expect(r.changes).toEqual([])
  })

  it('prices each single change and says whether it fits a $50 budget', () => {
    const r = cap(defaultScenario(), 50)
    // Final high -> medium (1372): 325 x (1372 x 30/M + 0.0006) = 13.572; + 38.88 = 52.452
    const quality = change(r.changes, 'lowerQuality', 1)
    expect(quality.description).toBe('Lower "Final" quality from high to medium')
    expect(quality.newMonthlyCostUsd).toBeCloseTo(52.452, 10)
    expect(quality.savingsUsd).toBeCloseTo(40.131, 10)
    expect(quality.fits).toBe(false)
    // Draft is already low: no quality step for it.
    expect(r.changes.some((c) => c.kind === 'lowerQuality' && c.stageIndex === 0)).toBe(false)
    // Draft retry: 1.5 x (50 - 53.703) / 38.88 < 1, so the best is 1:
    //   4000 x 0.00648 = 25.92 + 53.703 = 79.623
    const draftRetry = change(r.changes, 'lowerRetryMultiplier', 0)
    expect(draftRetry.fix).toEqual({
      kind: 'setStageField',
      stageIndex: 0,
      field: 'retryMultiplier',
      value: 1,
    })
    expect(draftRetry.newMonthlyCostUsd).toBeCloseTo(79.623, 10)
    expect(draftRetry.fits).toBe(false)
    // Final reach: 0.25 x (50 - 38.88) / 53.703 = 0.05177 -> 0.051 (0.1-point steps, rounded down):
    //   1000 x 0.051 x 1.3 = 66.3 images x 0.16524 = 10.955412 + 38.88 = 49.835412
    const reach = change(r.changes, 'cutFinalReachShare', 1)
    expect(reach.description).toBe('Cut the share of jobs reaching "Final" from 25% to 5.1%')
    expect(reach.fix).toMatchObject({ field: 'reachShare', value: 0.051 })
    expect(reach.newMonthlyCostUsd).toBeCloseTo(49.835412, 10)
    expect(reach.fits).toBe(true)
    // Jobs to 540: 49.99482 ; Batch: 92.583 / 2 = 46.2915
    expect(change(r.changes, 'cutJobsPerMonth', null).newMonthlyCostUsd).toBeCloseTo(49.99482, 10)
    expect(change(r.changes, 'useBatch', null).newMonthlyCostUsd).toBeCloseTo(46.2915, 10)
    // Fitting changes first, each group by savings.
    expect(r.changes.map((c) => c.kind)).toEqual([
      'useBatch',
      'cutFinalReachShare',
      'cutJobsPerMonth',
      'lowerQuality',
      'lowerRetryMultiplier',
      'lowerRetryMultiplier',
    ])
  })

  it('finds the retry multiplier that fits, to two decimals', () => {
    const r = cap(defaultScenario(), 85)
    // Draft: 1.5 x (85 - 53.703) / 38.88 = 1.20745 -> 1.20: 4800 x 0.00648 = 31.104 + 53.703 = 84.807
    const draft = change(r.changes, 'lowerRetryMultiplier', 0)
    expect(draft.fix).toMatchObject({ value: 1.2 })
    expect(draft.description).toBe('Lower "Draft" retry multiplier from 1.5 to 1.2')
    expect(draft.newMonthlyCostUsd).toBeCloseTo(84.807, 10)
    expect(draft.fits).toBe(true)
    // Final: 1.3 x (85 - 38.88) / 53.703 = 1.11644 -> 1.11: 277.5 x 0.16524 = 45.8541 + 38.88 = 84.7341
    const final = change(r.changes, 'lowerRetryMultiplier', 1)
    expect(final.fix).toMatchObject({ value: 1.11 })
    expect(final.newMonthlyCostUsd).toBeCloseTo(84.7341, 10)
  })

  it('sets an auto stage to an explicit quality one step below what it is billed as', () => {
    const s = defaultScenario()
    const auto = { ...s, stages: [s.stages[0]!, { ...s.stages[1]!, quality: 'auto' as const }] }
    const q = change(cap(auto, 50).changes, 'lowerQuality', 1)
    expect(q.description).toBe('Lower "Final" quality from auto (billed as high) to medium')
    expect(q.fix).toEqual({
      kind: 'setStageField',
      stageIndex: 1,
      field: 'quality',
      value: 'medium',
    })
  })

  it('has no job limit when a job costs nothing', () => {
    const s = defaultScenario()
    const free = { ...s, stages: s.stages.map((st) => ({ ...st, imagesPerJob: 0 })) }
    const r = cap(free, 10)
    expect(r.costPerJobUsd).toBe(0)
    expect(r.maxJobsPerMonth).toBeNull()
    expect(r.withinBudget).toBe(true)
  })

  it('refuses a budget that is not a number of dollars, and an invalid scenario', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e13]) {
      const r = budgetCap(defaultScenario(), bad, PRICE_BOOK)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.errors[0]?.path).toBe('budgetUsd')
    }
    const r = budgetCap({ ...defaultScenario(), jobsPerMonth: Number.NaN }, 50, PRICE_BOOK)
    expect(r.ok).toBe(false)
  })

  it('max jobs really fits, and one more job does not', () => {
    fc.assert(
      fc.property(validScenario, fc.integer({ min: 0, max: 10_000_000 }), (s, cents) => {
        const budget = cents / 100
        const r = cap(s, budget)
        if (r.maxJobsPerMonth === null) {
          expect(r.costPerJobUsd).toBe(0)
          return
        }
        expect(cost({ ...s, jobsPerMonth: r.maxJobsPerMonth })).toBeLessThanOrEqual(budget)
        if (r.maxJobsPerMonth < JOBS_RULE.max) {
          expect(cost({ ...s, jobsPerMonth: r.maxJobsPerMonth + 1 })).toBeGreaterThan(budget)
        }
      }),
    )
  })

  it('every change is priced by the engine, saves money, and fits when it says so', () => {
    fc.assert(
      fc.property(validScenario, fc.integer({ min: 0, max: 1_000_000 }), (s, cents) => {
        const budget = cents / 100
        const r = cap(s, budget)
        for (const c of r.changes) {
          const after = cost(applyFix(s, c.fix))
          expect(c.newMonthlyCostUsd).toBe(after)
          expect(c.savingsUsd).toBeGreaterThan(0)
          expect(c.fits).toBe(after <= budget)
          // When the floor of the range fits, the solved value must fit too.
          if (c.fix.kind === 'setStageField' && c.fix.field === 'retryMultiplier') {
            const floor = cost(applyFix(s, { ...c.fix, value: 1 }))
            if (floor <= budget) expect(c.fits).toBe(true)
          }
          if (c.fix.kind === 'setStageField' && c.fix.field === 'reachShare') {
            const floor = cost(applyFix(s, { ...c.fix, value: 0 }))
            if (floor <= budget) expect(c.fits).toBe(true)
          }
        }
      }),
      { numRuns: 60 },
    )
  })
})
