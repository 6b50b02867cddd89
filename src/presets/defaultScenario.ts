import type { Scenario } from '../domain/model'
import { blankStage } from '../domain/model'
import { DEFAULT_MODEL_ID } from './priceBook'

/**
 * What a first visit shows: the guide's recommended shape (cheap drafts, then
 * only approved winners at high quality). Example values, meant to be replaced.
 */
export function defaultScenario(): Scenario {
  return {
    name: 'Draft + final (example)',
    modelId: DEFAULT_MODEL_ID,
    jobsPerMonth: 1000,
    batch: false,
    stages: [
      { ...blankStage('Draft'), quality: 'low', imagesPerJob: 4, retryMultiplier: 1.5 },
      {
        ...blankStage('Final'),
        quality: 'high',
        width: 1536,
        height: 1024,
        reachShare: 0.25,
        retryMultiplier: 1.3,
      },
    ],
  }
}
