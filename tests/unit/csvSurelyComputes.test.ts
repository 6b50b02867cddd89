import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../src/domain/engine'
import type { Scenario, Stage } from '../../src/domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../../src/domain/model'
import { surelyComputes } from '../../src/domain/surelyComputes'
import { STAGE_RULES } from '../../src/domain/validate'
import { PRICE_BOOK } from '../../src/presets/priceBook'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { validScenario } from './arbitraries'

// CSV import trusts surelyComputes in place of computeScenario, so a scenario
// it passes must be one the engine computes; anything else costs only time.

/** Each number at a rule's edge, just past it, or not a number at all. */
const edgy = (min: number, max: number) =>
  fc.constantFrom(min, max, min - 1, max + 1, max * 10, 0.5, Number.NaN, Infinity, -Infinity)

const anyStage: fc.Arbitrary<Stage> = fc.record({
  name: fc.string({ maxLength: 4 }),
  quality: fc.constantFrom(...QUALITIES, 'ultra' as never),
  autoBilledAs: fc.constantFrom(...BILLED_QUALITIES, 'auto' as never),
  width: fc.oneof(fc.constantFrom(1024, 1536, 3840, 16, 8), edgy(1, 100_000)),
  height: fc.oneof(fc.constantFrom(1024, 1536, 2160, 16, 8), edgy(1, 100_000)),
  imagesPerJob: edgy(STAGE_RULES.imagesPerJob.min, STAGE_RULES.imagesPerJob.max),
  outputsPerRequest: edgy(1, 10),
  reachShare: edgy(0, 1),
  retryMultiplier: edgy(1, 100),
  promptTokens: edgy(0, 1_000_000),
  referenceImages: edgy(0, 16),
  referenceImageTokens: edgy(0, 100_000),
  cachedInputShare: edgy(0, 1),
  partialImages: edgy(0, 3),
})

const anyScenario: fc.Arbitrary<Scenario> = fc.record({
  name: fc.constant('s'),
  modelId: fc.constantFrom(...Object.keys(PRICE_BOOK), 'gpt-image-9', 'constructor'),
  jobsPerMonth: edgy(0, 1e12),
  batch: fc.boolean(),
  prices: fc.record(
    { imageOutput: edgy(0, 100_000), textInput: edgy(0, 100_000) },
    { requiredKeys: [] },
  ),
  stages: fc.array(anyStage, { maxLength: 3 }),
})

describe('surelyComputes', () => {
  it('passes the default scenario', () => {
    expect(surelyComputes(defaultScenario(), PRICE_BOOK)).toBe(true)
  })

  it('never passes a scenario computeScenario rejects (values at and past every limit)', () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        if (surelyComputes(s, PRICE_BOOK)) expect(computeScenario(s, PRICE_BOOK).ok).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('passes valid gpt-image-2 scenarios (so import stays fast on good files)', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(surelyComputes(s, PRICE_BOOK)).toBe(computeScenario(s, PRICE_BOOK).ok)
      }),
    )
  })

  it('passes every input at its maximum at once: the total stays finite', () => {
    const s = defaultScenario()
    s.jobsPerMonth = 1e12
    s.prices = { textInput: 1e5, cachedTextInput: 1e5, imageInput: 1e5, imageOutput: 1e5 }
    for (const st of s.stages) {
      Object.assign(st, {
        imagesPerJob: 1e6,
        outputsPerRequest: 10,
        reachShare: 1,
        retryMultiplier: 100,
        promptTokens: 1e6,
        referenceImages: 16,
        referenceImageTokens: 1e5,
        partialImages: 3,
      })
    }
    expect(surelyComputes(s, PRICE_BOOK)).toBe(true)
    expect(computeScenario(s, PRICE_BOOK).ok).toBe(true)
  })
})
