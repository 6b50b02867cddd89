import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../src/domain/engine'
import type { ScenarioResult } from '../../src/domain/model'
import { gptImage2SizeProblems } from '../../src/domain/outputTokens'
import { blankStage } from '../../src/domain/model'
import {
  USE_CASE_PRESETS,
  USE_CASE_PRESET_IDS,
  isUseCasePresetId,
  presetScenario,
} from '../../src/presets/useCases'
import type { UseCasePresetId } from '../../src/presets/useCases'
import { PRICE_BOOK } from '../../src/presets/priceBook'

function ok(result: ScenarioResult) {
  if (!result.ok) throw new Error(`expected a total, got ${JSON.stringify(result.errors)}`)
  return result
}

const priced = (id: UseCasePresetId) => ok(computeScenario(presetScenario(id), PRICE_BOOK))

describe('use-case presets: shape', () => {
  it('lists every id once, in order, each with its text filled in', () => {
    expect(USE_CASE_PRESETS.map((p) => p.id)).toEqual([...USE_CASE_PRESET_IDS])
    expect(new Set(USE_CASE_PRESET_IDS).size).toBe(USE_CASE_PRESET_IDS.length)
    expect(USE_CASE_PRESETS.map((p) => p.title)).toEqual([
      'SaaS onboarding thumbnails',
      'Marketplace listing images',
      'Growth campaign creative',
      'Blog headers',
      'Paid social ads',
    ])
    for (const preset of USE_CASE_PRESETS) {
      expect(preset.strategy).not.toBe('')
      expect(preset.strategy).not.toContain('\n')
      expect(preset.exampleNote).toMatch(/^Example values: /)
      expect(preset.scenario.name).toBe(preset.title)
      expect(preset.scenario.modelId).toBe('gpt-image-2')
    }
  })

  it.each(USE_CASE_PRESETS.map((p) => [p.id, p] as const))(
    '%s: every stage carries every Stage field and a valid gpt-image-2 size',
    (_id, preset) => {
      const fields = Object.keys(blankStage('x')).sort()
      for (const stage of preset.scenario.stages) {
        expect(Object.keys(stage).sort()).toEqual(fields)
        expect(gptImage2SizeProblems(stage.width, stage.height)).toEqual([])
        expect(stage.promptTokens).toBeGreaterThanOrEqual(100)
        expect(stage.promptTokens).toBeLessThanOrEqual(300)
        expect(stage.referenceImageTokens).toBe(1024)
      }
    },
  )

  it.each(USE_CASE_PRESET_IDS)('%s is valid for the engine, with no notices', (id) => {
    const r = computeScenario(presetScenario(id), PRICE_BOOK)
    expect(r.errors).toEqual([])
    expect(r.notices).toEqual([])
    expect(r.ok).toBe(true)
  })

  it('hands out deep copies, so editing one never changes the preset', () => {
    const a = presetScenario('growth-campaign-creative')
    a.jobsPerMonth = 1
    a.stages[0]!.quality = 'high'
    a.stages.pop()
    const b = presetScenario('growth-campaign-creative')
    expect(b.jobsPerMonth).toBe(20)
    expect(b.stages).toHaveLength(4)
    expect(b.stages[0]!.quality).toBe('low')
    expect(USE_CASE_PRESETS[2]!.scenario.stages[0]!.quality).toBe('low')
    expect(b).not.toBe(USE_CASE_PRESETS[2]!.scenario)
    expect(b).toEqual(USE_CASE_PRESETS[2]!.scenario)
  })

  it('recognises preset ids and nothing else', () => {
    expect(isUseCasePresetId('blog-headers')).toBe(true)
    expect(isUseCasePresetId('Blog headers')).toBe(false)
    expect(isUseCasePresetId('')).toBe(false)
  })
})

// Hand computations. gpt-image-2 output tokens per image (pricing-facts.md):
// 1024x1024 low 196 / medium 1,756 / high 7,024; 1024x1536 and 1536x1024
// low 158 / high 5,488; 2048x1152 medium 1,413. Rates: text $5/M,
// image input $8/M, image output $30/M. No batch, no caching, no partials.
describe('use-case presets: hand-computed monthly totals', () => {
  it('SaaS onboarding thumbnails', () => {
    // Draft (low 1024x1024): 2000 workspaces x 1 x 1.2 retries = 2400 images.
    //   output 2400 x 196 = 470,400 tokens x $30/M = $14.112
    //   text   2400 x 150 = 360,000 tokens x $5/M  = $1.80      stage $15.912
    // Upgrade visual (medium 1024x1024): 15% of 2000 = 300 jobs x 1 x 1.2 = 360 images.
    //   output 360 x 1,756 = 632,160 tokens x $30/M = $18.9648
    //   text   360 x 150   = 54,000 tokens x $5/M   = $0.27     stage $19.2348
    // Month: $15.912 + $19.2348 = $35.1468
    const r = priced('saas-onboarding-thumbnails')
    expect(r.stages.map((s) => s.costUsd)).toEqual([
      expect.closeTo(15.912, 10),
      expect.closeTo(19.2348, 10),
    ])
    expect(r.monthlyCostUsd).toBeCloseTo(35.1468, 10)
    expect(r.billableImages).toBeCloseTo(2760, 10)
  })

  it('Marketplace listing images', () => {
    // Edit (medium 1024x1024, 1 reference photo): 5000 listings x 3 x 1.3 = 19,500 images.
    //   output 19,500 x 1,756 = 34,242,000 tokens x $30/M = $1,027.26
    //   text   19,500 x 200   = 3,900,000 tokens x $5/M   = $19.50
    //   image  19,500 x 1 x 1,024 = 19,968,000 tokens x $8/M = $159.744
    // Month: $1,027.26 + $19.50 + $159.744 = $1,206.504
    const r = priced('marketplace-listing-images')
    expect(r.monthlyCostUsd).toBeCloseTo(1206.504, 9)
    expect(r.costByMeter.imageInput).toBeCloseTo(159.744, 10)
    expect(r.tokensByMeter.imageInput).toBeCloseTo(19_968_000, 6)
  })

  it('Growth campaign creative', () => {
    // Concept drafts (low 1024x1024): 20 campaigns x 12 x 1.5 = 360 images.
    //   output 360 x 196 = 70,560 tokens x $30/M = $2.1168
    //   text   360 x 250 = 90,000 tokens x $5/M  = $0.45           stage $2.5668
    // Each final: 20 campaigns x 3 winners x 1.3 = 78 images; text 78 x 250 = 19,500 x $5/M = $0.0975
    //   square (high 1024x1024):    78 x 7,024 = 547,872 x $30/M = $16.43616  stage $16.53366
    //   portrait (high 1024x1536):  78 x 5,488 = 428,064 x $30/M = $12.84192  stage $12.93942
    //   landscape (high 1536x1024): same as portrait                         stage $12.93942
    // Month: $2.5668 + $16.53366 + 2 x $12.93942 = $44.9793
    const r = priced('growth-campaign-creative')
    expect(r.stages.map((s) => s.costUsd)).toEqual([
      expect.closeTo(2.5668, 10),
      expect.closeTo(16.53366, 10),
      expect.closeTo(12.93942, 10),
      expect.closeTo(12.93942, 10),
    ])
    expect(r.monthlyCostUsd).toBeCloseTo(44.9793, 10)
    // Per campaign: $44.9793 / 20
    expect(r.costPerJobUsd).toBeCloseTo(2.248965, 10)
  })

  it('Blog headers', () => {
    // Header (medium 2048x1152, n = 2): 400 posts x 1 request x 1.2 retries x 2 outputs = 960 images.
    //   output 960 x 1,413 = 1,356,480 tokens x $30/M = $40.6944
    //   text   960 x 180   = 172,800 tokens x $5/M    = $0.864
    // Month: $41.5584
    const r = priced('blog-headers')
    expect(r.stages[0]?.outputTokensPerImage).toBe(1413)
    expect(r.stages[0]?.billableRequests).toBeCloseTo(480, 10)
    expect(r.monthlyCostUsd).toBeCloseTo(41.5584, 10)
  })

  it('Paid social ads', () => {
    // Story drafts (low 1024x1536): 60 ad sets x 8 x 1.5 = 720 images.
    //   output 720 x 158 = 113,760 tokens x $30/M = $3.4128
    //   text   720 x 220 = 158,400 tokens x $5/M  = $0.792     stage $4.2048
    // Story finals (high 1024x1536): 60 x 2 x 1.3 = 156 images.
    //   output 156 x 5,488 = 856,128 tokens x $30/M = $25.68384
    //   text   156 x 220   = 34,320 tokens x $5/M   = $0.1716  stage $25.85544
    // Month: $4.2048 + $25.85544 = $30.06024
    const r = priced('paid-social-ads')
    expect(r.stages.map((s) => s.costUsd)).toEqual([
      expect.closeTo(4.2048, 10),
      expect.closeTo(25.85544, 10),
    ])
    expect(r.monthlyCostUsd).toBeCloseTo(30.06024, 10)
  })
})
