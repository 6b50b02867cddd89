import { bench, describe } from 'vitest'
import { computeScenario } from '../src/domain/engine'
import type { Scenario } from '../src/domain/model'
import { blankStage } from '../src/domain/model'
import { PRICE_BOOK } from '../src/presets/priceBook'

// Draft at low, review at medium, final at high: the guide's three-step workflow.
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

let sink = 0

describe('engine', () => {
  // hz here is scenario evaluations per second. Goal: >= 1,000,000 on one core,
  // so a 10,000-sample what-if sweep takes under 10 ms.
  bench('computeScenario, 3-stage scenario (evaluations/s)', () => {
    const r = computeScenario(threeStages, PRICE_BOOK)
    sink += r.monthlyCostUsd ?? 0
  })

  // The same goal read as a sweep: this should finish in under 10 ms a run.
  bench('10,000-sample jobs-per-month sweep', () => {
    for (let i = 0; i < 10_000; i++) {
      const r = computeScenario({ ...threeStages, jobsPerMonth: i * 10 }, PRICE_BOOK)
      sink += r.monthlyCostUsd ?? 0
    }
  })
})

export { sink }
