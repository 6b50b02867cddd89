import type { Scenario, Stage } from '../domain/model'
import { DEFAULT_MODEL_ID } from './priceBook'

/** A stage with neutral values: one image per job, no retries, no inputs beyond the prompt. */
export function blankStage(name: string): Stage {
  return {
    name,
    quality: 'medium',
    autoBilledAs: 'high',
    width: 1024,
    height: 1024,
    imagesPerJob: 1,
    outputsPerRequest: 1,
    reachShare: 1,
    retryMultiplier: 1,
    promptTokens: 120,
    referenceImages: 0,
    referenceImageTokens: 1024,
    cachedInputShare: 0,
    partialImages: 0,
  }
}

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
