import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Meter, Scenario, Stage } from '../../../src/domain/model'
import { METERS } from '../../../src/domain/model'
import { exportScenariosCsv } from '../../../src/io/csv/export'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { validScenario, validStage } from '../arbitraries'

/**
 * Characters that break naive CSV handling: delimiters, quotes, line breaks,
 * formula starts, a BOM, and text outside ASCII. Other control characters
 * are left out: a file full of them is rejected as binary, by design.
 */
const tricky = fc.constantFrom(
  ',',
  ';',
  '"',
  "'",
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '=',
  '+',
  '-',
  '@',
  '\ufeff',
  'é',
  '名',
  '🙂',
)
const oddText = fc
  .string({ unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 1 })), maxLength: 16 })
  // Names are required: a blank one is reported as missing.
  .filter((s) => s.trim() !== '')

/** Any double in range, not just short decimals: String(n) must round-trip them all. */
const anyShare = fc.double({ min: 0, max: 1, noNaN: true }).map((n) => n + 0) // no -0
const anyAmount = (max: number) => fc.double({ min: 0, max, noNaN: true }).map((n) => n + 0)

/**
 * validStage with a name that is not blank (the stage column is required, so
 * a blank name is reported, not round-tripped), and half the time with
 * full-precision doubles in place of short decimals.
 */
const stage: fc.Arbitrary<Stage> = fc
  .tuple(
    validStage,
    oddText,
    fc.option(
      fc.record({
        imagesPerJob: anyAmount(1_000_000),
        reachShare: anyShare,
        cachedInputShare: anyShare,
      }),
      { nil: undefined },
    ),
  )
  .map(([st, name, numbers]) => ({ ...st, ...numbers, name }))

const prices = fc
  .dictionary(fc.constantFrom(...METERS), anyAmount(100_000), { minKeys: 1, maxKeys: 5 })
  .map((d) => d as Partial<Record<Meter, number>>)

const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const scenario: fc.Arbitrary<Scenario> = fc
  .record(
    {
      base: validScenario,
      name: oddText,
      jobsPerMonth: anyAmount(1e12),
      stages: fc.array(stage, { minLength: 1, maxLength: 4 }),
      prices,
      pricesCheckedOn: isoDate,
      usersPerMonth: anyAmount(1e12),
      maxImagesPerUser: fc.integer({ min: 0, max: 1_000_000 }),
    },
    // Optional fields are absent, never undefined (exactOptionalPropertyTypes).
    { requiredKeys: ['base', 'name', 'jobsPerMonth', 'stages'] },
  )
  .map(({ base, ...rest }) => ({ ...base, ...rest }))

describe('CSV round trip', () => {
  it('export then import gives back the same scenarios', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(scenario, { selector: (s) => s.name, minLength: 1, maxLength: 5 }),
        (scenarios) => {
          const result = importScenariosCsv(exportScenariosCsv(scenarios, PRICE_BOOK), PRICE_BOOK)
          expect(result.problems).toEqual([])
          expect(result.scenarios.map((s) => s.scenario)).toEqual(scenarios)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives back the classic models and their table sizes', () => {
    const classic: Scenario[] = ['gpt-image-1.5', 'gpt-image-1-mini', 'gpt-image-1'].map(
      (modelId) => ({
        name: modelId,
        modelId,
        jobsPerMonth: 100,
        batch: false,
        stages: ['1024x1024', '1024x1536', '1536x1024'].map((size, i) => {
          const [width, height] = size.split('x').map(Number) as [number, number]
          return {
            name: `Stage ${String(i + 1)}`,
            quality: 'medium' as const,
            autoBilledAs: 'high' as const,
            width,
            height,
            imagesPerJob: 1,
            outputsPerRequest: 1,
            reachShare: 1,
            retryMultiplier: 1,
            promptTokens: 50,
            referenceImages: 0,
            referenceImageTokens: 0,
            cachedInputShare: 0,
            partialImages: 0,
          }
        }),
      }),
    )
    const result = importScenariosCsv(exportScenariosCsv(classic, PRICE_BOOK), PRICE_BOOK)
    expect(result.problems).toEqual([])
    expect(result.scenarios.map((s) => s.scenario)).toEqual(classic)
  })
})
