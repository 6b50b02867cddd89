import { describe, expect, it } from 'vitest'
import type { ScenarioOutcome } from '../../src/domain/compare'
import { computeScenario } from '../../src/domain/engine'
import type { Scenario } from '../../src/domain/model'
import {
  draftVersusFinal,
  monthlyCostByMeter,
  monthlyCostByStage,
  monthlyCostByVolume,
  volumePoints,
} from '../../src/domain/series'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { blankStage } from '../../src/domain/model'
import { presetScenario } from '../../src/presets/useCases'
import { PRICE_BOOK } from '../../src/presets/priceBook'

const outcome = (scenario: Scenario): ScenarioOutcome => ({
  name: scenario.name,
  result: computeScenario(scenario, PRICE_BOOK),
})

// expect.closeTo is typed any; as unknown it can sit in an object literal.
const near = (n: number, digits = 10): unknown => expect.closeTo(n, digits)

// Hand-computed elsewhere (engine.test.ts, useCases.test.ts):
// default: Draft $38.88 (text $3.60 + output $35.28), Final $53.703 (text $0.195 + output $53.508),
//   1000 jobs, month $92.583
// SaaS: Draft $15.912 (text $1.80 + output $14.112), Upgrade visual $19.2348 (text $0.27 +
//   output $18.9648), 2000 jobs, month $35.1468
// Marketplace: text $19.50, image input $159.744, image output $1,027.26, one stage
// Growth: Concept drafts $2.5668, finals $16.53366 + $12.93942 + $12.93942
const defaults = defaultScenario()
const saas = presetScenario('saas-onboarding-thumbnails')
const broken: Scenario = {
  ...defaultScenario(),
  name: 'Broken',
  stages: [{ ...blankStage('Draft'), retryMultiplier: 0.5 }],
}
const brokenReason =
  'Incomplete: Retry multiplier must be at least 1 (every kept image takes at least one billed attempt); it is 0.5.'

function everyNumberFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(everyNumberFinite)
  if (value && typeof value === 'object') return Object.values(value).every(everyNumberFinite)
  return true
}

describe('monthlyCostByStage', () => {
  const chart = monthlyCostByStage([defaults, saas, broken].map(outcome))

  it('gives one row per complete scenario and one key per stage name', () => {
    expect(chart.series).toEqual([
      { key: 'stage0', label: 'Draft' },
      { key: 'stage1', label: 'Final' },
      { key: 'stage2', label: 'Upgrade visual' },
    ])
    expect(chart.rows).toEqual([
      {
        scenarioIndex: 0,
        scenarioName: 'Draft + final (example)',
        stage0: near(38.88, 10),
        stage1: near(53.703, 10),
      },
      {
        scenarioIndex: 1,
        scenarioName: 'SaaS onboarding thumbnails',
        stage0: near(15.912, 10),
        stage2: near(19.2348, 10),
      },
    ])
    expect(chart.excluded).toEqual([
      { scenarioIndex: 2, scenarioName: 'Broken', reason: brokenReason },
    ])
    expect(everyNumberFinite(chart)).toBe(true)
  })

  it('keys stages by position, never by a name recharts would read as a path', () => {
    const dotted = { ...defaults, stages: [blankStage('v1.2 [wide]')] }
    const c = monthlyCostByStage([outcome(dotted)])
    expect(c.series).toEqual([{ key: 'stage0', label: 'v1.2 [wide]' }])
    // 1000 jobs x 1,756 medium tokens x $30/M = $52.68; 1000 x 120 text tokens x $5/M = $0.60
    expect(c.rows[0]?.stage0).toBeCloseTo(53.28, 10)
  })
})

describe('monthlyCostByMeter', () => {
  it('stacks by meter and lists only the meters some scenario spends on', () => {
    const chart = monthlyCostByMeter([defaults, saas, broken].map(outcome))
    expect(chart.series).toEqual([
      { key: 'textInput', label: 'Text input' },
      { key: 'imageOutput', label: 'Image output' },
    ])
    // default: text $3.60 + $0.195 = $3.795; output $35.28 + $53.508 = $88.788
    // SaaS: text $1.80 + $0.27 = $2.07; output $14.112 + $18.9648 = $33.0768
    expect(chart.rows).toEqual([
      {
        scenarioIndex: 0,
        scenarioName: 'Draft + final (example)',
        textInput: near(3.795, 10),
        cachedTextInput: 0,
        imageInput: 0,
        cachedImageInput: 0,
        imageOutput: near(88.788, 10),
      },
      {
        scenarioIndex: 1,
        scenarioName: 'SaaS onboarding thumbnails',
        textInput: near(2.07, 10),
        cachedTextInput: 0,
        imageInput: 0,
        cachedImageInput: 0,
        imageOutput: near(33.0768, 10),
      },
    ])
    expect(chart.excluded).toEqual([
      { scenarioIndex: 2, scenarioName: 'Broken', reason: brokenReason },
    ])
  })

  it('adds image input once a scenario sends reference images', () => {
    const chart = monthlyCostByMeter([outcome(presetScenario('marketplace-listing-images'))])
    expect(chart.series.map((s) => s.key)).toEqual(['textInput', 'imageInput', 'imageOutput'])
    expect(chart.rows[0]?.imageInput).toBeCloseTo(159.744, 10)
    expect(chart.rows[0]?.imageOutput).toBeCloseTo(1027.26, 9)
  })
})

describe('volumePoints', () => {
  it.each([
    // twice the volume / 10, rounded up to 1, 2, 2.5 or 5 x 10^k, as many steps as reach it
    [2000, 500, 8], // 4000 / 10 = 400 -> 500
    [5000, 1000, 10], // 10,000 / 10 = 1000 -> 1000
    [1200, 250, 10], // 2400 / 10 = 240 -> 250; 2400 / 250 = 9.6 -> 10 steps
    [400, 100, 8], // 800 / 10 = 80 -> 100
    [60, 20, 6], // 120 / 10 = 12 -> 20
    [20, 5, 8], // 40 / 10 = 4 -> 5 (never 2.5 jobs)
    [1, 1, 2], // 2 / 10 = 0.2 -> at least 1 job
    [0, 1, 10], // nothing to scale from: 0..10
    [1e12, 1e11, 10], // capped at the largest allowed volume
    [Number.POSITIVE_INFINITY, 1e11, 10],
    [Number.NaN, 1, 10],
  ])('max %d jobs: steps of %d, %d steps', (max, step, steps) => {
    expect(volumePoints(max)).toEqual(Array.from({ length: steps + 1 }, (_, i) => i * step))
  })
})

describe('monthlyCostByVolume', () => {
  const chart = monthlyCostByVolume([broken, defaults, saas], PRICE_BOOK)

  it('draws one line per complete scenario, keyed by its place in the input', () => {
    expect(chart.series).toEqual([
      {
        key: 'scenario1',
        label: 'Draft + final (example)',
        scenarioIndex: 1,
        currentJobsPerMonth: 1000,
        currentMonthlyCostUsd: near(92.583, 10),
      },
      {
        key: 'scenario2',
        label: 'SaaS onboarding thumbnails',
        scenarioIndex: 2,
        currentJobsPerMonth: 2000,
        currentMonthlyCostUsd: near(35.1468, 10),
      },
    ])
    expect(chart.excluded).toEqual([
      { scenarioIndex: 0, scenarioName: 'Broken', reason: brokenReason },
    ])
  })

  it('recomputes each scenario at volumes up to twice the largest', () => {
    // Largest volume 2000 -> 0 to 4000 jobs in steps of 500.
    expect(chart.rows.map((r) => r.jobsPerMonth)).toEqual([
      0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000,
    ])
    expect(chart.rows[0]).toEqual({ jobsPerMonth: 0, scenario1: 0, scenario2: 0 })
    // Default at 500 jobs: Draft 500 x 4 x 1.5 = 3000 images x ($0.00588 + $0.0006) = $19.44;
    //   Final 125 x 1.3 = 162.5 images x ($0.16464 + $0.0006) = $26.8515; month $46.2915
    // SaaS at 500 jobs: Draft 600 images x ($0.00588 + $0.00075) = $3.978;
    //   Upgrade 75 x 1.2 = 90 images x ($0.05268 + $0.00075) = $4.8087; month $8.7867
    expect(chart.rows[1]?.scenario1).toBeCloseTo(46.2915, 10)
    expect(chart.rows[1]?.scenario2).toBeCloseTo(8.7867, 10)
    // Default at 4000 jobs: Draft 24,000 images x $0.00648 = $155.52;
    //   Final 1000 x 1.3 = 1300 images x $0.16524 = $214.812; month $370.332
    // SaaS at 4000 jobs: twice its 2000-job month, 2 x $35.1468 = $70.2936
    expect(chart.rows[8]?.scenario1).toBeCloseTo(370.332, 9)
    expect(chart.rows[8]?.scenario2).toBeCloseTo(70.2936, 10)
    // Each line passes through the scenario's own point.
    expect(chart.rows[2]?.scenario1).toBeCloseTo(92.583, 10)
    expect(chart.rows[4]?.scenario2).toBeCloseTo(35.1468, 10)
    expect(everyNumberFinite(chart)).toBe(true)
  })

  it('draws nothing when no scenario is complete', () => {
    const c = monthlyCostByVolume([broken], PRICE_BOOK)
    expect(c.rows).toEqual([])
    expect(c.series).toEqual([])
    expect(c.excluded).toHaveLength(1)
  })
})

describe('draftVersusFinal', () => {
  const sameQuality: Scenario = {
    ...defaultScenario(),
    name: 'Medium twice',
    jobsPerMonth: 100,
    // Each stage: 100 images x 1,756 tokens x $30/M = $5.268 (no prompt tokens).
    stages: [
      { ...blankStage('Generate'), promptTokens: 0 },
      { ...blankStage('Polish'), promptTokens: 0 },
    ],
  }
  const chart = draftVersusFinal(
    [
      defaults,
      presetScenario('growth-campaign-creative'),
      presetScenario('marketplace-listing-images'),
      broken,
      sameQuality,
    ].map(outcome),
  )

  it('splits staged scenarios into draft and final spend', () => {
    expect(chart.series).toEqual([
      { key: 'draftUsd', label: 'Drafts' },
      { key: 'finalUsd', label: 'Finals' },
    ])
    expect(chart.rows).toEqual([
      {
        scenarioIndex: 0,
        scenarioName: 'Draft + final (example)',
        draftUsd: near(38.88, 10),
        finalUsd: near(53.703, 10),
        draftStageNames: ['Draft'],
        finalStageNames: ['Final'],
      },
      {
        // Finals: $16.53366 + $12.93942 + $12.93942 = $42.4125
        scenarioIndex: 1,
        scenarioName: 'Growth campaign creative',
        draftUsd: near(2.5668, 10),
        finalUsd: near(42.4125, 10),
        draftStageNames: ['Concept drafts'],
        finalStageNames: ['Final square 1:1', 'Final portrait 2:3', 'Final landscape 3:2'],
      },
      {
        scenarioIndex: 4,
        scenarioName: 'Medium twice',
        draftUsd: near(5.268, 12),
        finalUsd: near(5.268, 12),
        draftStageNames: ['Generate'],
        finalStageNames: ['Polish'],
      },
    ])
  })

  it('follows the stages\' "Delivers final images" flags over the default rule', () => {
    const flagged: Scenario = {
      ...sameQuality,
      stages: sameQuality.stages.map((s) => ({ ...s, deliversFinal: true })),
    }
    expect(draftVersusFinal([outcome(flagged)]).rows[0]).toMatchObject({
      draftUsd: 0,
      finalUsd: near(10.536, 12),
      draftStageNames: [],
      finalStageNames: ['Generate', 'Polish'],
    })
  })

  it('leaves out one-stage and incomplete scenarios, saying why', () => {
    expect(chart.excluded).toEqual([
      {
        scenarioIndex: 2,
        scenarioName: 'Marketplace listing images',
        reason: 'One stage only: there is no draft step to set against the final.',
      },
      { scenarioIndex: 3, scenarioName: 'Broken', reason: brokenReason },
    ])
    expect(everyNumberFinite(chart)).toBe(true)
  })

  it('counts how many more errors an incomplete scenario has', () => {
    const twoErrors = { ...broken, jobsPerMonth: -1 }
    expect(draftVersusFinal([outcome(twoErrors)]).excluded[0]?.reason).toBe(
      'Incomplete, 2 fields to fix. First: Jobs per month must be at least 0; it is -1.',
    )
  })
})

describe('charts follow the "Show costs" choice', () => {
  const outcomes = [outcome(defaults), outcome(saas)]
  // Per job: example 1,000 jobs, SaaS 2,000 jobs.
  const perJob = [1 / 1000, 1 / 2000]

  it('stacks stage costs per job', () => {
    const chart = monthlyCostByStage(outcomes, perJob)
    // Example Final $53.703 / 1,000; SaaS Upgrade visual $19.2348 / 2,000.
    expect(chart.rows[0]?.stage1).toBeCloseTo(0.053703, 12)
    expect(chart.rows[1]?.stage2).toBeCloseTo(0.0096174, 12)
  })

  it('stacks meter costs and splits drafts from finals with the same factor', () => {
    // SaaS at the example's 1,000 jobs: image output $33.0768 x 0.5.
    expect(monthlyCostByMeter(outcomes, [1, 0.5]).rows[1]?.imageOutput).toBeCloseTo(16.5384, 10)
    // Example drafts $38.88 and finals $53.703 per 1,000 jobs.
    const split = draftVersusFinal(outcomes, perJob).rows[0]
    expect(split?.draftUsd).toBeCloseTo(0.03888, 12)
    expect(split?.finalUsd).toBeCloseTo(0.053703, 12)
  })

  it('leaves out a scenario that has no figure in the view, saying why', () => {
    const chart = monthlyCostByStage(outcomes, [null, 1])
    expect(chart.rows.map((r) => r.scenarioIndex)).toEqual([1])
    expect(chart.excluded[0]?.reason).toMatch(/No figure in this view/)
  })
})
