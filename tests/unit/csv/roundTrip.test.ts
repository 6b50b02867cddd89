import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../../src/domain/engine'
import { defaultDeliversFinal, deliversFinalFlags } from '../../../src/domain/finals'
import type { Meter, Scenario, Stage } from '../../../src/domain/model'
import { METERS } from '../../../src/domain/model'
import { exportScenariosCsv } from '../../../src/io/csv/export'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { repeatingStageNames, validScenario, validStage } from '../arbitraries'

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
  '\uff1d',
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
    fc.option(fc.boolean(), { nil: undefined }),
  )
  .map(([st, name, numbers, final]) => {
    const out: Stage = { ...st, ...numbers, name }
    if (final !== undefined) out.deliversFinal = final
    return out
  })

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

/**
 * The scenario as it means the same thing written the shortest way, which is
 * how import hands it back: a price equal to gpt-image-2's list price is no
 * override, and stage flags are either all absent (they say what the default
 * rule says) or all present.
 */
function plain(s: Scenario): Scenario {
  const list: Record<Meter, number> = {
    textInput: 5,
    cachedTextInput: 1.25,
    imageInput: 8,
    cachedImageInput: 2,
    imageOutput: 30,
  }
  const { prices: _prices, ...rest } = s
  const out: Scenario = { ...rest }
  const kept = Object.entries(s.prices ?? {}).filter(([m, v]) => v !== list[m as Meter])
  if (kept.length > 0) out.prices = Object.fromEntries(kept)
  const flags = deliversFinalFlags(s.stages)
  const defaults = defaultDeliversFinal(s.stages)
  const ruled = flags.every((f, i) => f === defaults[i])
  out.stages = s.stages.map(({ deliversFinal: _f, ...st }, i) =>
    ruled ? st : { ...st, deliversFinal: flags[i] ?? false },
  )
  return out
}

const scenarios = fc.uniqueArray(scenario, { selector: (s) => s.name, minLength: 1, maxLength: 5 })

/**
 * Hundreds of files written and read per property: about a second alone, but
 * several on a machine whose two cores are shared, past vitest's 5 s default.
 */
const PROPERTY_TIMEOUT_MS = 30_000

describe('CSV round trip', () => {
  it(
    'export then import gives back the same scenarios',
    () => {
      fc.assert(
        fc.property(scenarios, (list) => {
          const result = importScenariosCsv(exportScenariosCsv(list, PRICE_BOOK), PRICE_BOOK)
          // Prices that differ from the list are said to, and a scenario repeating a stage
          // name is, and nothing else is.
          const said = result.problems.filter((p) => !p.column?.startsWith('price_'))
          expect(said.filter((p) => p.column !== 'stage' || p.severity !== 'notice')).toEqual([])
          expect(said).toHaveLength(repeatingStageNames(list).length)
          expect(result.scenarios.map((s) => s.scenario)).toEqual(list.map(plain))
        }),
        { numRuns: 300 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'export, import, export again gives the same bytes and the same totals',
    () => {
      fc.assert(
        fc.property(scenarios, (list) => {
          const first = exportScenariosCsv(list, PRICE_BOOK)
          const back = importScenariosCsv(first, PRICE_BOOK).scenarios.map((s) => s.scenario)
          expect(exportScenariosCsv(back, PRICE_BOOK)).toBe(first)
          const totals = (l: Scenario[]) => l.map((s) => computeScenario(s, PRICE_BOOK))
          expect(totals(back)).toEqual(totals(list))
        }),
        { numRuns: 200 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

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
