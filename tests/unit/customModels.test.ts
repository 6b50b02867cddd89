import { describe, expect, it } from 'vitest'
import {
  customModelId,
  customModelProblems,
  namesInUse,
  parseSizeList,
  withCustomModels,
} from '../../src/domain/customModels'
import type { CustomModel } from '../../src/domain/customModels'
import { computeScenario, megapixels, outputTokens } from '../../src/domain/engine'
import { compareModels } from '../../src/domain/decisions/modelComparison'
import { blankStage } from '../../src/domain/model'
import type { Scenario, ScenarioResult, Stage } from '../../src/domain/model'
import { PRICE_BOOK } from '../../src/presets/priceBook'

function ok(result: ScenarioResult) {
  if (!result.ok) throw new Error(`expected a total, got ${JSON.stringify(result.errors)}`)
  return result
}

const ACME: CustomModel = {
  id: 'custom-acme-v1',
  name: 'Acme v1',
  pricedBy: 'image',
  meters: { textInput: 5 },
  qualityPrices: { low: 0.01, medium: 0.04, high: 0.12 },
  sizes: ['1024x1024', '1536x1024'],
  sourceUrl: 'https://acme.example/pricing',
  asOf: '2026-11-02',
}

const PIXO: CustomModel = {
  id: 'custom-pixo',
  name: 'Pixo',
  pricedBy: 'megapixel',
  meters: {},
  qualityPrices: { low: 0.01, medium: 0.02, high: 0.05 },
  sizes: ['1024x1024', '1536x1024'],
  sourceUrl: '',
  asOf: '2026-10-15',
}

const TOKO: CustomModel = {
  id: 'custom-toko',
  name: 'Toko',
  pricedBy: 'tokens',
  meters: {
    textInput: 4,
    cachedTextInput: 1,
    imageInput: 6,
    cachedImageInput: 1.5,
    imageOutput: 20,
  },
  tokenRule: 'table',
  tokenTable: {
    '1024x1024': { low: 300, medium: 1200, high: 4800 },
    '1792x1024': { low: 500, medium: 2000, high: 8000 },
  },
  sizes: ['1024x1024', '1792x1024'],
  sourceUrl: 'https://toko.example/docs/pricing',
  asOf: '2026-09-30',
}

const BOOK = withCustomModels(PRICE_BOOK, [ACME, PIXO, TOKO])

function scenario(modelId: string, jobs: number, stage: Partial<Stage>, batch = false): Scenario {
  return {
    name: 'Plan',
    modelId,
    jobsPerMonth: jobs,
    batch,
    stages: [{ ...blankStage('Final'), ...stage }],
  }
}

describe('custom models priced by the engine (hand-computed)', () => {
  it('prices a per-image model: the same price at every size, plus its input tokens', () => {
    // 1,000 images x $0.12 = $120; prompt 1,000 x 120 tokens x $5/M = $0.60.
    const r = ok(computeScenario(scenario(ACME.id, 1000, { quality: 'high' }), BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(120.6, 10)
    expect(r.costByMeter.imageOutput).toBeCloseTo(120, 10)
    expect(r.costByMeter.textInput).toBeCloseTo(0.6, 10)
    const wide = ok(
      computeScenario(scenario(ACME.id, 1000, { quality: 'high', width: 1536 }), BOOK),
    )
    expect(wide.monthlyCostUsd).toBeCloseTo(120.6, 10)
  })

  it('halves a per-image model on the Batch API, as it does every built-in model', () => {
    const r = ok(computeScenario(scenario(ACME.id, 1000, { quality: 'high' }, true), BOOK))
    expect(r.monthlyCostUsd).toBeCloseTo(60.3, 10)
  })

  it('prices a per-megapixel model at a non-square size', () => {
    // 1536x1024 = 1.572864 MP; 500 jobs x 1.2 retries = 600 images;
    // 600 x 1.572864 x $0.02 = $18.874368. No input prices: prompts cost nothing.
    expect(megapixels(1536, 1024)).toBe(1.572864)
    const r = ok(
      computeScenario(
        scenario(PIXO.id, 500, { quality: 'medium', width: 1536, retryMultiplier: 1.2 }),
        BOOK,
      ),
    )
    expect(r.billableImages).toBeCloseTo(600, 10)
    expect(r.monthlyCostUsd).toBeCloseTo(18.874368, 10)
    expect(r.costByMeter.textInput).toBe(0)
  })

  it('prices a token model from the table the person filled in', () => {
    // 200 images at 1792x1024 high: output 200 x 8,000 = 1.6M tokens x $20/M = $32.
    // Prompt 200 x 100 = 20,000 tokens, half cached: 10,000 x $4/M + 10,000 x $1/M = $0.05.
    // References 200 x 1 x 1,000 = 200,000 tokens, half cached: $0.60 + $0.15.
    const r = ok(
      computeScenario(
        scenario(TOKO.id, 200, {
          quality: 'high',
          width: 1792,
          promptTokens: 100,
          referenceImages: 1,
          referenceImageTokens: 1000,
          cachedInputShare: 0.5,
        }),
        BOOK,
      ),
    )
    expect(r.stages[0]?.outputTokensPerImage).toBe(8000)
    expect(r.costByMeter.imageOutput).toBeCloseTo(32, 10)
    expect(r.costByMeter.textInput + r.costByMeter.cachedTextInput).toBeCloseTo(0.05, 10)
    expect(r.costByMeter.imageInput + r.costByMeter.cachedImageInput).toBeCloseTo(0.75, 10)
    expect(r.monthlyCostUsd).toBeCloseTo(32.8, 10)
    expect(outputTokens(TOKO.id, 'low', 1024, 1024, BOOK)).toEqual({ ok: true, tokens: 300 })
  })

  it('prices a token model on the gpt-image-2 rule, only at the sizes it lists', () => {
    const rule: CustomModel = {
      ...TOKO,
      id: 'custom-rule',
      name: 'Rule',
      tokenRule: 'gpt-image-2',
      sizes: ['1024x1024'],
    }
    const book = withCustomModels(PRICE_BOOK, [rule])
    // 7,024 tokens (gpt-image-2, high, 1024x1024) x 100 images x $20/M = $14.048; prompt 100 x 120 x $4/M.
    const r = ok(computeScenario(scenario(rule.id, 100, { quality: 'high' }), book))
    expect(r.monthlyCostUsd).toBeCloseTo(14.048 + 0.048, 10)
    const off = computeScenario(scenario(rule.id, 100, { width: 1536 }), book)
    expect(off.errors).toEqual([
      expect.objectContaining({
        path: 'stages.0.size',
        message: 'Rule (custom) makes only 1024x1024; 1536x1024 is not one of them.',
      }),
    ])
  })

  it('refuses a size the model does not make, at the stage size', () => {
    const r = computeScenario(scenario(ACME.id, 10, { width: 1024, height: 1536 }), BOOK)
    expect(r.ok).toBe(false)
    expect(r.monthlyCostUsd).toBeNull()
    expect(r.errors[0]?.message).toBe(
      'Acme v1 (custom) makes only 1024x1024, 1536x1024; 1024x1536 is not one of them.',
    )
  })

  it('says a removed custom model was removed, at the Model field, with no total', () => {
    const r = computeScenario(scenario(ACME.id, 10, {}), PRICE_BOOK)
    expect(r.ok).toBe(false)
    expect(r.monthlyCostUsd).toBeNull()
    expect(r.errors).toEqual([
      {
        path: 'modelId',
        field: 'modelId',
        message:
          'The custom model this scenario used (custom-acme-v1) was removed from the worksheet; choose another model, or add it again.',
      },
    ])
  })

  it('compares custom models beside the built-in ones, marked as custom', () => {
    const c = compareModels(scenario('gpt-image-2', 1000, { quality: 'high' }), BOOK)
    if (!c.ok) throw new Error('expected a comparison')
    const acme = c.rows.find((r) => r.modelId === ACME.id)
    expect(acme?.label).toBe('Acme v1 (custom)')
    expect(acme?.monthlyCostUsd).toBeCloseTo(120.6, 10)
    // Pixo at 1024x1024 high: 1,000 x 1.048576 MP x $0.05 = $52.4288, the cheapest.
    expect(c.rows.find((r) => r.modelId === PIXO.id)?.monthlyCostUsd).toBeCloseTo(52.4288, 10)
    expect(c.cheapestAvailableModelId).toBe(PIXO.id)
  })
})

describe('custom model validation', () => {
  const others = namesInUse(PRICE_BOOK, [ACME], null)

  it('accepts the three kinds', () => {
    expect(customModelProblems(PIXO, others)).toEqual([])
    expect(customModelProblems(TOKO, others)).toEqual([])
    expect(customModelProblems(ACME, namesInUse(PRICE_BOOK, [ACME], ACME.id))).toEqual([])
  })

  it('names each bad field with what is allowed', () => {
    const bad: CustomModel = {
      ...ACME,
      name: 'gpt image 2',
      qualityPrices: { low: -1, medium: Number.NaN, high: 0.1 },
      meters: { textInput: 200_000 },
      sizes: [],
      sourceUrl: 'acme.example',
      asOf: '2026-02-30',
    }
    expect(customModelProblems(bad, others)).toEqual([
      {
        field: 'name',
        message:
          'A model named "gpt image 2" is already in the worksheet; give this one another name.',
      },
      {
        field: 'meters.textInput',
        message: 'Text input price (USD per 1M tokens) must be at most 100,000; it is 200,000.',
      },
      {
        field: 'sizes',
        message: 'List at least one size the model makes, e.g. 1024x1024, 1536x1024.',
      },
      {
        field: 'qualityPrices.low',
        message: 'Low price per image (USD) must be at least 0; it is -1.',
      },
      {
        field: 'qualityPrices.medium',
        message: 'Medium price per image (USD) must be a number from 0 to 100,000.',
      },
      {
        field: 'sourceUrl',
        message: 'Source URL must be a web address starting with https:// or http://, or empty.',
      },
      {
        field: 'asOf',
        message:
          'As of must be the date the prices were read, as YYYY-MM-DD (e.g. 2026-11-30); it is "2026-02-30".',
      },
    ])
  })

  it('asks a token model for all five meters and every table cell', () => {
    const bad: CustomModel = {
      ...TOKO,
      meters: { ...TOKO.meters, imageOutput: undefined as unknown as number },
      tokenTable: { '1024x1024': { low: 300, medium: 1200.5, high: 4800 } },
    }
    delete bad.meters.imageOutput
    const fields = customModelProblems(bad, []).map((p) => p.field)
    expect(fields).toEqual([
      'meters.imageOutput',
      'tokenTable.1024x1024.medium',
      'tokenTable.1792x1024.low',
      'tokenTable.1792x1024.medium',
      'tokenTable.1792x1024.high',
    ])
    expect(customModelProblems(bad, [])[1]?.message).toBe(
      'Output tokens at 1024x1024, medium quality, must be a whole number from 0 to 1,000,000; it is 1,200.5.',
    )
  })

  it('refuses sizes the gpt-image-2 rule cannot price', () => {
    const rule: CustomModel = { ...TOKO, tokenRule: 'gpt-image-2', sizes: ['1000x1000'] }
    expect(customModelProblems(rule, [])[0]?.message).toMatch(
      /^1000x1000 cannot be priced by the gpt-image-2 size rule: Width 1,000 px is not a multiple of 16/,
    )
  })
})

describe('size lists and ids', () => {
  it('reads a typed list of sizes and explains what is not a size', () => {
    expect(parseSizeList('1024x1024, 1536×1024;1024x1024\n2048X2048')).toEqual({
      sizes: ['1024x1024', '1536x1024', '2048x2048'],
      problems: [],
    })
    expect(parseSizeList('1024 by 1024, 0x5').problems).toEqual([
      '"1024" is not a size: write width x height in whole pixels from 1 to 100,000, e.g. 1024x1024.',
      '"by" is not a size: write width x height in whole pixels from 1 to 100,000, e.g. 1024x1024.',
      '"1024" is not a size: write width x height in whole pixels from 1 to 100,000, e.g. 1024x1024.',
      '"0x5" is not a size: write width x height in whole pixels from 1 to 100,000, e.g. 1024x1024.',
    ])
  })

  it('makes readable ids that never collide', () => {
    expect(customModelId('Acme v1', [])).toBe('custom-acme-v1')
    expect(customModelId('Acme V1!', ['custom-acme-v1'])).toBe('custom-acme-v1-2')
    expect(customModelId('???', [])).toBe('custom-model')
  })

  it('never lets a custom model replace a shipped one', () => {
    const clash: CustomModel = { ...ACME, id: 'gpt-image-2' }
    expect(withCustomModels(PRICE_BOOK, [clash])['gpt-image-2']).toBe(PRICE_BOOK['gpt-image-2'])
    expect(withCustomModels(PRICE_BOOK, [])).toBe(PRICE_BOOK)
  })
})
