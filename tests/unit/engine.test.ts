import { describe, expect, it } from 'vitest'
import { computeScenario, outputTokens } from '../../src/domain/engine'
import type { Scenario, ScenarioResult } from '../../src/domain/model'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { blankStage } from '../../src/domain/model'
import { PRICE_BOOK } from '../../src/presets/priceBook'

function ok(result: ScenarioResult) {
  if (!result.ok) throw new Error(`expected a total, got ${JSON.stringify(result.errors)}`)
  return result
}

describe('computeScenario: hand-computed totals', () => {
  it('prices the default draft + final scenario', () => {
    // Draft: 1000 jobs x 4 images x 1.5 retries = 6000 images.
    //   output 6000 x 196 tokens x $30/M = $35.28; prompt 6000 x 120 x $5/M = $3.60
    // Final: 250 jobs (25%) x 1 x 1.3 = 325 images.
    //   output 325 x 5488 x $30/M = $53.508; prompt 325 x 120 x $5/M = $0.195
    const r = ok(computeScenario(defaultScenario(), PRICE_BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(92.583, 10)
    expect(r.annualCostUsd).toBeCloseTo(1110.996, 9)
    expect(r.costPerJobUsd).toBeCloseTo(0.092583, 12)
    expect(r.keptImages).toBe(4250)
    expect(r.costPerKeptImageUsd).toBeCloseTo(92.583 / 4250, 12)
    expect(r.billableImages).toBe(6325)
    expect(r.stages.map((s) => s.costUsd)).toEqual([
      expect.closeTo(38.88, 10),
      expect.closeTo(53.703, 10),
    ])
    expect(r.stages[1]).toMatchObject({
      billedQuality: 'high',
      outputTokensPerImage: 5488,
      jobs: 250,
      billableRequests: 325,
      billableImages: 325,
      keptImages: 250,
    })
    expect(r.tokensByMeter.imageOutput).toBe(1_176_000 + 1_783_600)
    expect(r.costByMeter.textInput).toBeCloseTo(3.795, 10)
  })

  it('applies batch, caching, partial images and reference images', () => {
    const scenario: Scenario = {
      name: 'listings',
      modelId: 'gpt-image-2',
      jobsPerMonth: 2000,
      batch: true,
      stages: [
        {
          ...blankStage('Edit'),
          quality: 'medium',
          width: 1024,
          height: 1536,
          imagesPerJob: 3,
          retryMultiplier: 1.2,
          promptTokens: 200,
          referenceImages: 1,
          referenceImageTokens: 1024,
          cachedInputShare: 0.5,
          partialImages: 2,
        },
      ],
    }
    // 2000 x 3 x 1.2 = 7200 billed images.
    // output: 7200 x (1372 + 2 x 100) = 11,318,400 tokens x $30/M = $339.552
    // text:   1,440,000 tokens, half at $5/M ($3.60), half at $1.25/M ($0.90) = $4.50
    // image:  7,372,800 tokens, half at $8/M ($29.4912), half at $2/M ($7.3728) = $36.864
    // batch:  ($339.552 + $4.50 + $36.864) / 2 = $190.458
    const r = ok(computeScenario(scenario, PRICE_BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(190.458, 10)
    expect(r.tokensByMeter).toEqual({
      textInput: 720_000,
      cachedTextInput: 720_000,
      imageInput: 3_686_400,
      cachedImageInput: 3_686_400,
      imageOutput: 11_318_400,
    })
    expect(r.costByMeter.imageOutput).toBeCloseTo(169.776, 10)
    expect(r.costByMeter.cachedImageInput).toBeCloseTo(3.6864, 10)
  })

  it('bills n outputs per request, auto as its assumption, and gated stages', () => {
    const scenario: Scenario = {
      name: 'ideation',
      modelId: 'gpt-image-2',
      jobsPerMonth: 500,
      batch: false,
      stages: [
        {
          ...blankStage('Concepts'),
          quality: 'auto',
          autoBilledAs: 'medium',
          imagesPerJob: 2,
          outputsPerRequest: 4,
          promptTokens: 50,
        },
        {
          ...blankStage('Winners'),
          quality: 'high',
          width: 2048,
          height: 1152,
          reachShare: 0.1,
          retryMultiplier: 2,
          promptTokens: 50,
        },
      ],
    }
    // Concepts: 500 x 2 x 4 = 4000 images x 1756 tokens x $30/M = $210.72; text 200,000 x $5/M = $1
    // Winners: 50 jobs x 2 retries = 100 images x 5650 x $30/M = $16.95; text 5,000 x $5/M = $0.025
    const r = ok(computeScenario(scenario, PRICE_BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(228.695, 10)
    expect(r.stages[0]?.billedQuality).toBe('medium')
    expect(r.stages[0]?.billableRequests).toBe(1000)
    expect(r.keptImages).toBe(1050)
    expect(r.notices).toContainEqual({
      path: 'stages.0.quality',
      message: 'Quality auto is budgeted as medium; the bill follows the quality the model picks.',
    })
  })

  it('uses per-scenario price overrides', () => {
    const base = defaultScenario()
    const r = ok(computeScenario({ ...base, prices: { imageOutput: 15 } }, PRICE_BOOK))
    // Output halves: (35.28 + 53.508) / 2 = 44.394; text stays 3.795.
    expect(r.monthlyCostUsd).toBeCloseTo(48.189, 10)
    expect(r.prices.imageOutput).toBe(15)
    expect(r.prices.textInput).toBe(5)
  })

  it('bills gpt-image-1-mini from its per-image table, not tokens x rate', () => {
    const scenario: Scenario = {
      name: 'mini',
      modelId: 'gpt-image-1-mini',
      jobsPerMonth: 10,
      batch: false,
      stages: [{ ...blankStage('Only'), quality: 'high', promptTokens: 0, partialImages: 1 }],
    }
    // 10 x $0.036 + 10 x 100 partial tokens x $8/M = $0.368
    expect(ok(computeScenario(scenario, PRICE_BOOK)).monthlyCostUsd).toBeCloseTo(0.368, 12)
    expect(
      ok(computeScenario({ ...scenario, batch: true }, PRICE_BOOK)).monthlyCostUsd,
    ).toBeCloseTo(0.184, 12)
  })

  it('gives null per-job and per-image costs for zero jobs instead of NaN', () => {
    const r = ok(computeScenario({ ...defaultScenario(), jobsPerMonth: 0 }, PRICE_BOOK))
    expect(r.monthlyCostUsd).toBe(0)
    expect(r.costPerJobUsd).toBeNull()
    expect(r.costPerKeptImageUsd).toBeNull()
  })

  it('flags a shut-down model and experimental sizes without refusing them', () => {
    const s = defaultScenario()
    const r = ok(
      computeScenario(
        {
          ...s,
          stages: [{ ...s.stages[0]!, width: 3840, height: 2160 }],
        },
        PRICE_BOOK,
      ),
    )
    expect(r.notices.map((n) => n.path)).toContain('stages.0.size')
    const old = computeScenario(
      {
        ...s,
        modelId: 'gpt-image-1',
        stages: [{ ...s.stages[0]!, width: 1024, height: 1024 }],
      },
      PRICE_BOOK,
    )
    expect(old.notices[0]?.message).toContain('Shut down on 2026-10-23')
  })
})

describe('computeScenario: invalid input becomes errors, never NaN', () => {
  const base = defaultScenario()
  // Patches carry deliberately ill-typed values (NaN, 'ultra'), as imports can.
  const withStage = (patch: Record<string, unknown>): Scenario => ({
    ...base,
    stages: [base.stages[0]!, { ...base.stages[1]!, ...patch }],
  })

  it.each([
    [
      { retryMultiplier: 0.5 },
      'stages.1.retryMultiplier',
      'Retry multiplier must be at least 1 (every kept image takes at least one billed attempt); it is 0.5.',
    ],
    [
      { reachShare: 1.5 },
      'stages.1.reachShare',
      'Share of jobs reaching this stage must be at most 100%; it is 150%.',
    ],
    [
      { imagesPerJob: Number.NaN },
      'stages.1.imagesPerJob',
      'Images per job must be a number from 0 to 1,000,000.',
    ],
    [{ promptTokens: -3 }, 'stages.1.promptTokens', 'Prompt tokens must be at least 0; it is -3.'],
    [
      { outputsPerRequest: 2.5 },
      'stages.1.outputsPerRequest',
      'Outputs per request must be a whole number from 1 to 10; it is 2.5.',
    ],
    [
      { referenceImages: 17 },
      'stages.1.referenceImages',
      'Reference images must be at most 16; it is 17.',
    ],
    [
      { partialImages: Infinity },
      'stages.1.partialImages',
      'Partial images is too large to compute: the most allowed is 3.',
    ],
    [
      { quality: 'ultra' },
      'stages.1.quality',
      'Quality must be low, medium, high or auto; it is "ultra".',
    ],
    [
      { width: 1920, height: 1080 },
      'stages.1.height',
      'Height 1,080 px is not a multiple of 16; gpt-image-2 needs both edges in multiples of 16 (try 1,072 or 1,088).',
    ],
  ])('%o gives an error at %s', (patch, path, message) => {
    const r = computeScenario(withStage(patch), PRICE_BOOK)
    expect(r.ok).toBe(false)
    expect(r.monthlyCostUsd).toBeNull()
    expect(r.errors).toEqual([
      { path, field: path.split('.')[2], stageIndex: 1, stageName: 'Final', message },
    ])
  })

  it('names every bad field at once, scenario-level ones included', () => {
    const r = computeScenario(
      {
        ...withStage({ retryMultiplier: 0 }),
        jobsPerMonth: Number.POSITIVE_INFINITY,
        prices: { textInput: -1 },
      },
      PRICE_BOOK,
    )
    expect(r.errors.map((e) => e.path)).toEqual([
      'jobsPerMonth',
      'prices.textInput',
      'stages.1.retryMultiplier',
    ])
    expect(r.errors[0]?.message).toBe(
      'Jobs per month is too large to compute: the most allowed is 1,000,000,000,000.',
    )
    expect(r.errors[1]?.message).toBe(
      'The Text input price (USD per 1M tokens) must be at least 0; it is -1.',
    )
  })

  it('treats a model id that names an Object.prototype member as unknown, never throwing', () => {
    // A CSV or saved state can carry any text as the model: "constructor" used to find
    // Object's constructor in the book and throw a TypeError out of the engine.
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = computeScenario({ ...base, modelId: id }, PRICE_BOOK)
      expect(r.ok).toBe(false)
      expect(r.errors[0]?.message).toBe(
        `Model "${id}" is not in the price book; choose one of gpt-image-2, gpt-image-1.5, gpt-image-1-mini, gpt-image-1.`,
      )
      expect(outputTokens(id, 'low', 1024, 1024, PRICE_BOOK).ok).toBe(false)
    }
  })

  it('rejects an unknown model and sizes an older model cannot make', () => {
    expect(
      computeScenario({ ...base, modelId: 'gpt-image-9' }, PRICE_BOOK).errors[0]?.message,
    ).toMatch(/^Model "gpt-image-9" is not in the price book; choose one of gpt-image-2/)
    const r = computeScenario({ ...base, modelId: 'gpt-image-1.5' }, PRICE_BOOK)
    // Final is 1536x1024 (supported); Draft is 1024x1024 (supported): no error.
    expect(r.ok).toBe(true)
    const bad = computeScenario(
      {
        ...withStage({ width: 2048, height: 2048 }),
        modelId: 'gpt-image-1.5',
      },
      PRICE_BOOK,
    )
    expect(bad.errors).toEqual([
      {
        path: 'stages.1.size',
        field: 'size',
        stageIndex: 1,
        stageName: 'Final',
        message:
          'gpt-image-1.5 makes only 1024x1024, 1024x1536, 1536x1024; 2048x2048 is not one of them.',
      },
    ])
  })
})

describe('computeScenario: cost per delivered image', () => {
  // Output tokens at 1024x1024: low 196, medium 1,756, high 7,024; image output $30/M.
  const plain = (name: string, quality: 'low' | 'medium' | 'high') => ({
    ...blankStage(name),
    quality,
    promptTokens: 0,
  })
  const scenario = (jobsPerMonth: number, stages: Scenario['stages']): Scenario => ({
    name: 'delivered',
    modelId: 'gpt-image-2',
    jobsPerMonth,
    batch: false,
    stages,
  })

  it('divides the example by its 250 finals, not its 4,250 kept images', () => {
    const r = ok(computeScenario(defaultScenario(), PRICE_BOOK))
    expect(r.deliveredImages).toBe(250)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(92.583 / 250, 12)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(0.370332, 12)
    expect(r.stages.map((s) => s.deliversFinal)).toEqual([false, true])
  })

  it('prices a one-stage scenario per kept image', () => {
    // 100 images x 1,756 x $30/M = $5.268 over 100 delivered images
    const r = ok(computeScenario(scenario(100, [plain('Only', 'medium')]), PRICE_BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(5.268, 12)
    expect(r.deliveredImages).toBe(100)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(0.05268, 12)
  })

  it('counts only the jobs that reach a last stage with a 25% share', () => {
    // Draft: 400 x 196 x $30/M = $2.352. Final: 100 jobs x 7,024 x $30/M = $21.072.
    // $23.424 over 100 finals = $0.23424
    const r = ok(
      computeScenario(
        scenario(400, [plain('Draft', 'low'), { ...plain('Final', 'high'), reachShare: 0.25 }]),
        PRICE_BOOK,
      ),
    )
    expect(r.monthlyCostUsd).toBeCloseTo(23.424, 12)
    expect(r.deliveredImages).toBe(100)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(0.23424, 12)
  })

  it('delivers every image of a job but not its retries', () => {
    // 100 jobs x 3 images x 2 retries = 600 billed x 1,756 x $30/M = $31.608 over 300 kept
    const r = ok(
      computeScenario(
        scenario(100, [{ ...plain('Set', 'medium'), imagesPerJob: 3, retryMultiplier: 2 }]),
        PRICE_BOOK,
      ),
    )
    expect(r.monthlyCostUsd).toBeCloseTo(31.608, 12)
    expect(r.deliveredImages).toBe(300)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(0.10536, 12)
  })

  it('follows the stages\' own "Delivers final images" flags', () => {
    const base = defaultScenario()
    const both = {
      ...base,
      stages: base.stages.map((s) => ({ ...s, deliversFinal: true })),
    }
    const r = ok(computeScenario(both, PRICE_BOOK))
    expect(r.deliveredImages).toBe(4250)
    expect(r.costPerDeliveredImageUsd).toBeCloseTo(92.583 / 4250, 12)
  })

  it('has no figure, and says why, when no stage delivers', () => {
    const base = defaultScenario()
    const none = { ...base, stages: base.stages.map((s) => ({ ...s, deliversFinal: false })) }
    const r = ok(computeScenario(none, PRICE_BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(92.583, 10)
    expect(r.deliveredImages).toBe(0)
    expect(r.costPerDeliveredImageUsd).toBeNull()
    expect(r.notices.map((n) => n.message)).toContain(
      'No stage is marked "Delivers final images", so there is no cost per delivered image; tick it on the stage whose images you deliver.',
    )
  })

  it('has no figure when the final stage has no jobs', () => {
    const r = ok(computeScenario({ ...defaultScenario(), jobsPerMonth: 0 }, PRICE_BOOK))
    expect(r.costPerDeliveredImageUsd).toBeNull()
  })
})
