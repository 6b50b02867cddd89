import fc from 'fast-check'
import type { Scenario, Stage } from '../../src/domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../../src/domain/model'
import { gptImage2SizeProblems } from '../../src/domain/outputTokens'

/** Valid gpt-image-2 sizes: multiples of 16 that pass every published limit. */
export const validSize = fc
  .tuple(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 240 }))
  .map(([w, h]) => [w * 16, h * 16] as const)
  .filter(([w, h]) => gptImage2SizeProblems(w, h).length === 0)

// Decimal fractions, as people type them. Doubles would reach subnormals (1e-323),
// where no dollar amount lives and halving is no longer exact in floating point.
const decimal = (max: number, scale = 1_000_000) =>
  fc.integer({ min: 0, max: max * scale }).map((n) => n / scale)
const share = decimal(1)

export const validStage: fc.Arbitrary<Stage> = fc
  .record({
    name: fc.string({ maxLength: 12 }),
    quality: fc.constantFrom(...QUALITIES),
    autoBilledAs: fc.constantFrom(...BILLED_QUALITIES),
    size: validSize,
    imagesPerJob: decimal(50, 1000),
    outputsPerRequest: fc.integer({ min: 1, max: 10 }),
    reachShare: share,
    retryMultiplier: decimal(4, 1000).map((n) => 1 + n),
    promptTokens: fc.integer({ min: 0, max: 4000 }),
    referenceImages: fc.integer({ min: 0, max: 16 }),
    referenceImageTokens: fc.integer({ min: 0, max: 1536 }),
    cachedInputShare: share,
    partialImages: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ size: [width, height], ...rest }) => ({ ...rest, width, height }))

export const validScenario: fc.Arbitrary<Scenario> = fc.record({
  name: fc.string({ maxLength: 20 }),
  modelId: fc.constant('gpt-image-2'),
  jobsPerMonth: fc.integer({ min: 0, max: 10_000_000 }),
  batch: fc.boolean(),
  stages: fc.array(validStage, { minLength: 1, maxLength: 4 }),
})

/**
 * Scenarios that repeat a stage name: import gives each one notice (two same-named scenarios
 * read as one look like this), so a round trip of generated scenarios expects exactly these.
 */
export function repeatingStageNames(list: readonly Scenario[]): string[] {
  return list
    .filter((s) => new Set(s.stages.map((st) => st.name)).size < s.stages.length)
    .map((s) => s.name)
}
