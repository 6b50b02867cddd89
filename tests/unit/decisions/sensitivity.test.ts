import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../../src/domain/engine'
import {
  commonSizesByTokens,
  neighbourSizes,
  sensitivity,
  varyNumber,
} from '../../../src/domain/decisions/sensitivity'
import type { SensitivityRow } from '../../../src/domain/decisions/sensitivity'
import type { Scenario } from '../../../src/domain/model'
import { gptImage2SizeProblems } from '../../../src/domain/outputTokens'
import { COMMON_GPT_IMAGE_2_SIZES } from '../../../src/domain/sizes'
import { STAGE_RULES } from '../../../src/domain/validate'
import { blankStage } from '../../../src/domain/model'
import { validScenario } from '../arbitraries'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

// One stage, no prompt, so each cost is images x tokens x $30/M.
// Base: 1000 jobs x 1 image x 1.2 retries = 1200 images x 7024 (high 1024x1024) x $30/M = $252.864
const single: Scenario = {
  name: 'single',
  modelId: 'gpt-image-2',
  jobsPerMonth: 1000,
  batch: false,
  stages: [{ ...blankStage('Final'), quality: 'high', retryMultiplier: 1.2, promptTokens: 0 }],
}

function rows(scenario: Scenario, variationShare?: number) {
  const r = sensitivity(
    scenario,
    PRICE_BOOK,
    variationShare === undefined ? {} : { variationShare },
  )
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}
const byId = (r: ReturnType<typeof rows>, id: string): SensitivityRow => {
  const found = r.rows.find((x) => x.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}

describe('common sizes', () => {
  it('keeps only valid gpt-image-2 sizes', () => {
    expect(COMMON_GPT_IMAGE_2_SIZES.length).toBeGreaterThanOrEqual(11)
    for (const s of COMMON_GPT_IMAGE_2_SIZES) {
      expect(gptImage2SizeProblems(s.width, s.height)).toEqual([])
    }
    expect(COMMON_GPT_IMAGE_2_SIZES).toContainEqual({ width: 3840, height: 2160 })
  })

  it('orders by output tokens at the quality, not by pixels', () => {
    const high = commonSizesByTokens('gpt-image-2', 'high', PRICE_BOOK).map((c) => c.tokens)
    expect(high).toEqual([...high].sort((a, b) => a - b))
    const at = (w: number, h: number) =>
      commonSizesByTokens('gpt-image-2', 'high', PRICE_BOOK).findIndex(
        (c) => c.size.width === w && c.size.height === h,
      )
    // 2048x1152 (5650 tokens) is cheaper than 1024x1024 (7024) at high despite 2.25x the pixels.
    expect(at(2048, 1152)).toBeLessThan(at(1024, 1024))
    // Older models make only their three table sizes: 4160 / 6208 / 6240 tokens at high.
    expect(commonSizesByTokens('gpt-image-1.5', 'high', PRICE_BOOK)).toEqual([
      { size: { width: 1024, height: 1024 }, tokens: 4160 },
      { size: { width: 1536, height: 1024 }, tokens: 6208 },
      { size: { width: 1024, height: 1536 }, tokens: 6240 },
    ])
  })

  it('steps to the next cheaper and dearer size, closest shape on a tie', () => {
    // 1024x1536 high = 5488. Cheaper: 5063 (1792x1024 or 1024x1792: the portrait one is closer).
    // Dearer: 5650 (2048x1152 or 1152x2048: again portrait).
    expect(
      neighbourSizes(
        { ...blankStage('x'), quality: 'high', width: 1024, height: 1536 },
        'gpt-image-2',
        PRICE_BOOK,
      ),
    ).toEqual({
      cheaper: { width: 1024, height: 1792 },
      dearer: { width: 1152, height: 2048 },
    })
    // 1280x720 is the cheapest common size at high (3787): nothing cheaper.
    expect(
      neighbourSizes(
        { ...blankStage('x'), quality: 'high', width: 1280, height: 720 },
        'gpt-image-2',
        PRICE_BOOK,
      ).cheaper,
    ).toBeNull()
  })
})

describe('varyNumber', () => {
  it('clamps to the range and rounds whole-number fields', () => {
    // 1.2 x 0.75 = 0.9 -> 1 (a retry multiplier is never below 1); 1.2 x 1.25 = 1.5
    expect(varyNumber(1.2, 0.25, STAGE_RULES.retryMultiplier)).toEqual([1, 1.5])
    // 0.9 x 0.75 = 0.675 ; 0.9 x 1.25 = 1.125 -> 1 (a share is at most 100%)
    expect(varyNumber(0.9, 0.25, STAGE_RULES.reachShare)).toEqual([0.675, 1])
    // 3 x 0.75 = 2.25 -> 2 ; 3 x 1.25 = 3.75 -> 4 ; 10 x 1.25 = 12.5 -> 10
    expect(varyNumber(3, 0.25, STAGE_RULES.outputsPerRequest)).toEqual([2, 4])
    expect(varyNumber(10, 0.25, STAGE_RULES.outputsPerRequest)).toEqual([8, 10])
    expect(varyNumber(1, 0.25, STAGE_RULES.outputsPerRequest)).toEqual([1, 1])
  })
})

describe('sensitivity', () => {
  it('varies every input of a one-stage scenario by ±25%', () => {
    const r = rows(single)
    expect(r.baseCostUsd).toBeCloseTo(252.864, 10)
    // Quality: high -> medium (1756): 1200 x 1756 x 30/M = 63.216; already high on the up side.
    expect(byId(r, 'stages.0.quality')).toMatchObject({
      label: 'Final · Quality',
      lowValue: 'medium',
      highValue: 'high',
      auto: false,
    })
    expect(byId(r, 'stages.0.quality').lowCostUsd).toBeCloseTo(63.216, 10)
    expect(byId(r, 'stages.0.quality').swingUsd).toBeCloseTo(189.648, 10)
    // Jobs 750 / 1250: 252.864 x 0.75 = 189.648 and x 1.25 = 316.08
    expect(byId(r, 'jobsPerMonth')).toMatchObject({ lowValue: 750, highValue: 1250 })
    expect(byId(r, 'jobsPerMonth').lowCostUsd).toBeCloseTo(189.648, 10)
    expect(byId(r, 'jobsPerMonth').highCostUsd).toBeCloseTo(316.08, 10)
    // Retry 1.2 -> 1 (clamped) and 1.5: 1000 x 0.21072 = 210.72 and 1500 x 0.21072 = 316.08
    const retry = byId(r, 'stages.0.retryMultiplier')
    expect(retry).toMatchObject({ label: 'Final · Retry multiplier', lowValue: 1, highValue: 1.5 })
    expect(retry.lowCostUsd).toBeCloseTo(210.72, 10)
    expect(retry.swingUsd).toBeCloseTo(105.36, 10)
    // Reach 0.75 and 1.25 -> 1 (clamped): 189.648 and 252.864
    const reach = byId(r, 'stages.0.reachShare')
    expect(reach).toMatchObject({ lowValue: 0.75, highValue: 1 })
    expect(reach.swingUsd).toBeCloseTo(63.216, 10)
    // Size: 1024x1024 (7024) -> 2048x1152 (5650): 1200 x 5650 x 30/M = 203.4;
    //       -> 2560x1440 (7370): 1200 x 7370 x 30/M = 265.32
    const size = byId(r, 'stages.0.size')
    expect(size).toMatchObject({
      lowValue: { width: 2048, height: 1152 },
      highValue: { width: 2560, height: 1440 },
    })
    expect(size.lowCostUsd).toBeCloseTo(203.4, 10)
    expect(size.highCostUsd).toBeCloseTo(265.32, 10)
    // Image output price 22.5 / 37.5: the whole cost is output, so 189.648 / 316.08
    expect(byId(r, 'prices.imageOutput').label).toBe('Price · Image output')
    expect(byId(r, 'prices.imageOutput').highCostUsd).toBeCloseTo(316.08, 10)
    // No prompt, no references: those bars are empty.
    expect(byId(r, 'stages.0.promptTokens').swingUsd).toBe(0)
  })

  it('sorts rows by swing, largest first', () => {
    const r = rows(single)
    expect(r.rows[0]?.id).toBe('stages.0.quality')
    // Then the three $126.432 bars (jobs, images per job, output price), then retry, reach, size.
    expect(new Set(r.rows.slice(1, 4).map((x) => x.id))).toEqual(
      new Set(['jobsPerMonth', 'stages.0.imagesPerJob', 'prices.imageOutput']),
    )
    expect(r.rows.slice(4, 7).map((x) => x.id)).toEqual([
      'stages.0.retryMultiplier',
      'stages.0.reachShare',
      'stages.0.size',
    ])
    for (let i = 1; i < r.rows.length; i++) {
      expect(r.rows[i - 1]!.swingUsd).toBeGreaterThanOrEqual(r.rows[i]!.swingUsd)
    }
  })

  it('steps what auto is billed as, keeping the stage on auto', () => {
    const auto: Scenario = {
      ...single,
      stages: [{ ...single.stages[0]!, quality: 'auto', autoBilledAs: 'medium' }],
    }
    const q = byId(rows(auto), 'stages.0.quality')
    // low 196: 1200 x 196 x 30/M = 7.056 ; high 7024: 252.864
    expect(q).toMatchObject({
      label: 'Final · Quality (auto billed as)',
      auto: true,
      baseValue: 'medium',
      lowValue: 'low',
      highValue: 'high',
    })
    expect(q.lowCostUsd).toBeCloseTo(7.056, 10)
    expect(q.highCostUsd).toBeCloseTo(252.864, 10)
  })

  it('uses the variation asked for', () => {
    const jobs = byId(rows(single, 0.1), 'jobsPerMonth')
    expect(jobs).toMatchObject({ lowValue: 900, highValue: 1100 })
  })

  it('refuses a bad variation or an invalid scenario with reasons', () => {
    expect(sensitivity(single, PRICE_BOOK, { variationShare: Number.NaN })).toMatchObject({
      ok: false,
    })
    expect(sensitivity(single, PRICE_BOOK, { variationShare: 1.5 })).toMatchObject({ ok: false })
    const bad = sensitivity({ ...single, jobsPerMonth: -5 }, PRICE_BOOK)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors[0]?.path).toBe('jobsPerMonth')
  })

  it('gives finite costs that match the engine for any valid scenario', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = rows(s)
        for (const row of r.rows) {
          expect(Number.isFinite(row.lowCostUsd)).toBe(true)
          expect(Number.isFinite(row.highCostUsd)).toBe(true)
          expect(row.swingUsd).toBe(Math.abs(row.highCostUsd - row.lowCostUsd))
        }
        const jobs = byId(r, 'jobsPerMonth')
        if (jobs.kind !== 'jobs') throw new Error('wrong kind')
        const engine = computeScenario({ ...s, jobsPerMonth: jobs.highValue }, PRICE_BOOK)
        expect(engine.monthlyCostUsd).toBe(jobs.highCostUsd)
      }),
      { numRuns: 50 },
    )
  })
})
