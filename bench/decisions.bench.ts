import { bench, describe } from 'vitest'
import { budgetCap } from '../src/domain/decisions/budgetCap'
import { budgetChecks } from '../src/domain/decisions/budgetChecks'
import { compareModels } from '../src/domain/decisions/modelComparison'
import { monteCarlo, monteCarloVolumeBand } from '../src/domain/decisions/monteCarlo'
import type { UncertainInputs } from '../src/domain/decisions/monteCarlo'
import { sensitivity } from '../src/domain/decisions/sensitivity'
import type { Scenario } from '../src/domain/model'
import { blankStage } from '../src/domain/model'
import { PRICE_BOOK } from '../src/presets/priceBook'

// The engine bench's three-stage workflow: draft at low, review at medium, final at high.
const threeStages: Scenario = {
  name: 'three stages',
  modelId: 'gpt-image-2',
  jobsPerMonth: 12_000,
  batch: false,
  stages: [
    { ...blankStage('Draft'), quality: 'low', imagesPerJob: 4, retryMultiplier: 1.6 },
    {
      ...blankStage('Review'),
      quality: 'medium',
      width: 1024,
      height: 1536,
      reachShare: 0.4,
      referenceImages: 1,
      cachedInputShare: 0.3,
    },
    {
      ...blankStage('Final'),
      quality: 'high',
      width: 2048,
      height: 1152,
      reachShare: 0.1,
      retryMultiplier: 1.2,
      partialImages: 2,
    },
  ],
}

// Every input the sampler can draw is uncertain: the slowest case.
const uncertain: UncertainInputs = {
  jobsPerMonth: { low: 8_000, high: 20_000 },
  stages: [
    { retryMultiplier: { low: 1.2, high: 2.5 }, reachShare: { low: 1, high: 1 } },
    { retryMultiplier: { low: 1, high: 1.5 }, reachShare: { low: 0.2, high: 0.6 } },
    { retryMultiplier: { low: 1, high: 2 }, reachShare: { low: 0.05, high: 0.2 } },
  ],
}

let sink = 0

// Goal: each of these well inside one 60 Hz frame (16 ms) on a 2-core machine.
describe('decision tools', () => {
  bench('sensitivity (tornado), 3 stages', () => {
    const r = sensitivity(threeStages, PRICE_BOOK)
    sink += r.ok ? r.rows.length : 0
  })

  bench('budget cap solver, over budget (all candidates)', () => {
    const r = budgetCap(threeStages, 500, PRICE_BOOK)
    sink += r.ok ? (r.maxJobsPerMonth ?? 0) : 0
  })

  bench('Monte Carlo, 10,000 samples, 7 uncertain inputs', () => {
    const r = monteCarlo(threeStages, uncertain, PRICE_BOOK, { samples: 10_000, seed: 42 })
    sink += r.ok ? r.p50Usd : 0
  })

  bench('volume band, 10,000 samples x 11 volumes', () => {
    const r = monteCarloVolumeBand(threeStages, uncertain, PRICE_BOOK, undefined, { seed: 42 })
    sink += r.ok ? r.points.length : 0
  })

  bench('model comparison, 4 models', () => {
    const r = compareModels(threeStages, PRICE_BOOK)
    sink += r.ok ? r.rows.length : 0
  })

  bench('budget checks (size search on 3 stages)', () => {
    const r = budgetChecks(threeStages, PRICE_BOOK, { today: '2026-06-30' })
    sink += r.ok ? r.checks.length : 0
  })
})

export { sink }
