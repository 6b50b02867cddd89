import { describe, expect, it } from 'vitest'
import {
  betterValueSize,
  budgetChecks,
  isoDateToDays,
  SUGGESTED_RETRY_MULTIPLIER,
} from '../../../src/domain/decisions/budgetChecks'
import type { BudgetCheckOptions } from '../../../src/domain/decisions/budgetChecks'
import { applyFix } from '../../../src/domain/decisions/fixes'
import type { Scenario } from '../../../src/domain/model'
import { gptImage2OutputTokens } from '../../../src/domain/outputTokens'
import { defaultScenario } from '../../../src/presets/defaultScenario'
import { blankStage } from '../../../src/domain/model'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

// The price book's prices are dated 2026-04-28; twelve days later they are fresh.
const FRESH = '2026-05-10'

function checks(scenario: Scenario, options: Partial<BudgetCheckOptions> = {}) {
  const r = budgetChecks(scenario, PRICE_BOOK, { today: FRESH, ...options })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.checks
}
const kinds = (s: Scenario, o: Partial<BudgetCheckOptions> = {}) => checks(s, o).map((c) => c.kind)

describe('isoDateToDays', () => {
  it('counts days since 1970-01-01 without the clock', () => {
    expect(isoDateToDays('1970-01-01')).toBe(0)
    for (const d of ['2000-02-29', '2026-04-28', '2026-12-31', '1969-12-31']) {
      expect(isoDateToDays(d)).toBe(
        Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8)) / 864e5,
      )
    }
    // 2026-04-28 to 2026-06-30: 2 + 31 + 30 = 63 days
    expect(isoDateToDays('2026-06-30')! - isoDateToDays('2026-04-28')!).toBe(63)
  })

  it('rejects what is not a calendar date', () => {
    for (const d of ['2023-02-29', '2026-13-01', '2026-04-31', '2026-4-1', 'yesterday', '']) {
      expect(isoDateToDays(d)).toBeNull()
    }
    expect(isoDateToDays('2024-02-29')).not.toBeNull()
  })
})

describe('budgetChecks', () => {
  it('has nothing to say about the guide-shaped default with fresh prices', () => {
    expect(checks(defaultScenario())).toEqual([])
  })

  it('flags high quality in a draft, with a fix to draft at low', () => {
    const s = defaultScenario()
    const high = { ...s, stages: [{ ...s.stages[0]!, quality: 'high' as const }, s.stages[1]!] }
    const [c] = checks(high)
    expect(c).toMatchObject({
      kind: 'highQualityExploration',
      path: 'stages.0.quality',
      stageIndex: 0,
      fix: { kind: 'setStageField', stageIndex: 0, field: 'quality', value: 'low' },
      sourceUrl: null,
    })
    expect(c?.message).toBe(
      '"Draft" explores at high quality, but most drafts are discarded: draft at low, then regenerate the winners at high.',
    )
    // 6000 draft images: 7024 -> 196 tokens saves 6000 x 6828 x $30/M = $1229.04
    expect(c?.monthlyCostDeltaUsd).toBeCloseTo(-1229.04, 9)
  })

  it('treats a first stage as exploration only when a later stage is gated, or by name', () => {
    const hero = { ...blankStage('Hero'), quality: 'high' as const, retryMultiplier: 1.2 }
    const thumb = { ...blankStage('Thumbnail'), quality: 'low' as const, retryMultiplier: 1.2 }
    const base: Scenario = { ...defaultScenario(), stages: [hero, thumb] }
    // Hero then an ungated thumbnail: a workflow, not exploration.
    expect(kinds(base)).toEqual([])
    // A gated second stage makes the first one a selection round.
    expect(kinds({ ...base, stages: [hero, { ...thumb, reachShare: 0.3 }] })).toEqual([
      'highQualityExploration',
    ])
    // A single stage named like ideation is exploration; auto budgeted as high counts too.
    const concept = {
      ...hero,
      name: 'Concepts',
      quality: 'auto' as const,
      autoBilledAs: 'high' as const,
    }
    const [c] = checks({ ...base, stages: [concept] })
    expect(c?.message).toContain('"Concepts" explores at auto, budgeted as high')
  })

  it('flags a retry multiplier left at exactly 1, on stages that generate', () => {
    const s: Scenario = {
      ...defaultScenario(),
      stages: [
        { ...blankStage('Draft'), quality: 'low', promptTokens: 0 },
        { ...blankStage('Unused'), reachShare: 0 },
      ],
    }
    const found = checks(s)
    expect(found.map((c) => c.path)).toEqual(['stages.0.retryMultiplier'])
    expect(found[0]?.fix).toEqual({
      kind: 'setStageField',
      stageIndex: 0,
      field: 'retryMultiplier',
      value: SUGGESTED_RETRY_MULTIPLIER,
    })
    // 1000 images x 196 x $30/M = 5.88; at 1.3 retries 30% more: +1.764
    expect(found[0]?.monthlyCostDeltaUsd).toBeCloseTo(1.764, 10)
  })

  it('flags every aspect ratio made for every job before selection', () => {
    const variant = (name: string, width: number, height: number) => ({
      ...blankStage(name),
      quality: 'high' as const,
      width,
      height,
      retryMultiplier: 1.2,
      promptTokens: 0,
    })
    const s: Scenario = {
      ...defaultScenario(),
      stages: [
        variant('Square', 1024, 1024),
        variant('Wide', 1536, 1024),
        variant('Tall', 1024, 1536),
        variant('Square again', 1024, 1024),
      ],
    }
    const found = checks(s)
    expect(found.map((c) => [c.kind, c.stageIndex])).toEqual([
      ['everyRatioBeforeSelection', 1],
      ['everyRatioBeforeSelection', 2],
    ])
    expect(found[0]?.message).toBe(
      '"Wide" makes a 1536x1024 variant for every job, like "Square" (1024x1024), before any selection: pick the winning concept first, then make ratio variants.',
    )
    // Wide to 25% of jobs: 1000 x 1.2 x 0.75 = 900 fewer images x 5488 x $30/M = -$148.176
    expect(found[0]?.fix).toMatchObject({ field: 'reachShare', value: 0.25 })
    expect(found[0]?.monthlyCostDeltaUsd).toBeCloseTo(-148.176, 9)
    // A low draft and a high final at different ratios are a workflow, not variants.
    const workflow: Scenario = {
      ...s,
      stages: [{ ...variant('Draft', 1024, 1024), quality: 'low' }, variant('Final', 1536, 1024)],
    }
    expect(kinds(workflow)).toEqual([])
  })

  it('flags user-triggered generation without a quota and suggests one', () => {
    const found = checks({ ...defaultScenario(), usersPerMonth: 100 })
    // 6325 billed images / 100 users = 63.25 a user; x 1.5 headroom = 94.875 -> 95
    expect(found).toEqual([
      {
        kind: 'noUserQuota',
        path: 'maxImagesPerUser',
        stageIndex: null,
        message:
          '100 users can trigger generation with no per-user quota, so one user regenerating endlessly has no cost ceiling; the plan expects 63.3 images per user.',
        fix: { kind: 'setScenarioField', field: 'maxImagesPerUser', value: 95 },
        monthlyCostDeltaUsd: 0,
        sourceUrl: null,
      },
    ])
    expect(kinds({ ...defaultScenario(), usersPerMonth: 100, maxImagesPerUser: 95 })).toEqual([])
    expect(kinds({ ...defaultScenario(), usersPerMonth: 0 })).toEqual([])
  })

  it('flags prices not re-checked for more than N days before today', () => {
    const s = defaultScenario()
    const [stale] = checks(s, { today: '2026-06-30' })
    expect(stale).toMatchObject({
      kind: 'pricesStale',
      path: 'pricesCheckedOn',
      fix: null,
      sourceUrl: 'https://developers.openai.com/api/docs/pricing#image-generation',
    })
    expect(stale?.message).toBe(
      "Prices were last checked on 2026-04-28 (the price book's date), 63 days ago: API prices change, re-check them before relying on this budget.",
    )
    expect(kinds({ ...s, pricesCheckedOn: '2026-06-15' }, { today: '2026-06-30' })).toEqual([])
    expect(
      kinds({ ...s, pricesCheckedOn: '2026-06-15' }, { today: '2026-06-30', maxPriceAgeDays: 7 }),
    ).toEqual(['pricesStale'])
    expect(kinds(s, { today: '2026-05-28' })).toEqual([]) // exactly 30 days: not more than N
    expect(checks({ ...s, pricesCheckedOn: '2026-02-30' })[0]?.message).toContain(
      '"2026-02-30" is not a date',
    )
  })

  it('flags a size with a poor cost per pixel next to a same-shape size', () => {
    // 1536x1024 at low: s = round(16 x 1024 / 1536) = round(10.67) = 11,
    //   tokens = ceil(16 x 11 x (1,572,864 + 2e6) / 4e6) = ceil(157.2) = 158 -> 100.45 per megapixel.
    // 1712x1120 (1.9% wider shape): s = round(16 x 1120 / 1712) = round(10.47) = 10,
    //   tokens = ceil(16 x 10 x (1,917,440 + 2e6) / 4e6) = ceil(156.7) = 157 -> 81.88 per megapixel.
    expect(gptImage2OutputTokens('low', 1712, 1120)).toBe(157)
    const s: Scenario = {
      ...defaultScenario(),
      stages: [
        {
          ...blankStage('Thumbs'),
          quality: 'low',
          width: 1536,
          height: 1024,
          retryMultiplier: 1.2,
        },
      ],
    }
    const [c] = checks(s)
    expect(c).toMatchObject({
      kind: 'poorSizeValue',
      path: 'stages.0.size',
      fix: { kind: 'setStageSize', stageIndex: 0, width: 1712, height: 1120 },
    })
    // 1 - 81.88 / 100.45 = 18.5% ; 1,917,440 / 1,572,864 - 1 = +21.9% ; 157 / 158 - 1 = -0.6%
    expect(c?.message).toBe(
      '"Thumbs" at 1536x1024: 1712x1120 (nearly the same shape) costs 18.5% less per pixel, with +21.9% pixels and -0.6% output tokens at low.',
    )
    // 1200 images x 1 token fewer x $30/M
    expect(c?.monthlyCostDeltaUsd).toBeCloseTo(-0.036, 10)
    expect(kinds(applyFix(s, c!.fix!))).toEqual([])
    // Older models make fixed sizes only: nothing to suggest.
    expect(kinds({ ...s, modelId: 'gpt-image-1.5' })).toEqual([])
  })

  it('suggests only valid sizes near the shape and pixel count, never dearer per image', () => {
    for (const q of ['low', 'medium', 'high'] as const) {
      for (const [w, h] of [
        [1024, 1024],
        [1536, 1024],
        [2048, 1152],
        [3840, 2160],
      ] as const) {
        const b = betterValueSize(q, w, h)
        if (!b) continue
        const { width, height } = b.size
        expect((width % 16) + (height % 16)).toBe(0)
        expect(Math.abs(Math.log(width / height / (w / h)))).toBeLessThanOrEqual(
          Math.log(1.02) + 1e-12,
        )
        expect(Math.abs((width * height) / (w * h) - 1)).toBeLessThanOrEqual(0.25)
        expect(b.tokens).toBeLessThanOrEqual(gptImage2OutputTokens(q, w, h))
      }
    }
  })

  it('refuses a today that is not a date, and invalid scenarios', () => {
    const r = budgetChecks(defaultScenario(), PRICE_BOOK, { today: '30/06/2026' })
    expect(r).toEqual({
      ok: false,
      errors: [{ path: 'today', field: 'today', message: "Today's date must be YYYY-MM-DD." }],
    })
    expect(
      budgetChecks({ ...defaultScenario(), jobsPerMonth: -1 }, PRICE_BOOK, { today: FRESH }).ok,
    ).toBe(false)
  })
})
