import { describe, expect, it } from 'vitest'
import { compareModels } from '../../../src/domain/decisions/modelComparison'
import type { Scenario } from '../../../src/domain/model'
import { defaultScenario } from '../../../src/presets/defaultScenario'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

function ok(scenario: Scenario) {
  const r = compareModels(scenario, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}
const row = (r: ReturnType<typeof ok>, id: string) => {
  const found = r.rows.find((x) => x.modelId === id)
  if (!found) throw new Error(`no row for ${id}`)
  return found
}

describe('compareModels', () => {
  // Default scenario: Draft 1000 jobs x 4 x 1.5 = 6000 images at low 1024x1024, prompt 120;
  // Final 250 jobs x 1.3 = 325 images at high 1536x1024, prompt 120. Kept: 4000 + 250 = 4250.
  it('prices the scenario under every model of the price book', () => {
    const r = ok(defaultScenario())
    expect(r.rows.map((x) => x.modelId)).toEqual([
      'gpt-image-2',
      'gpt-image-1.5',
      'gpt-image-1-mini',
      'gpt-image-1',
    ])
    // gpt-image-2: 6000 x 196 x $30/M = 35.28, text 6000 x 120 x $5/M = 3.60,
    //   325 x 5488 x $30/M = 53.508, text 325 x 120 x $5/M = 0.195 -> 92.583
    expect(row(r, 'gpt-image-2').monthlyCostUsd).toBeCloseTo(92.583, 10)
    expect(row(r, 'gpt-image-2').costPerDeliveredImageUsd).toBeCloseTo(92.583 / 250, 12)
    // gpt-image-1.5 ($32/M out, classic tokens): 6000 x 272 x 32/M = 52.224, text 3.60,
    //   325 x 6208 x 32/M = 64.5632, text 0.195 -> 120.5822
    expect(row(r, 'gpt-image-1.5').monthlyCostUsd).toBeCloseTo(120.5822, 10)
    // gpt-image-1-mini (per-image table, $2/M text): 6000 x .005 = 30, text 6000 x 120 x 2/M = 1.44,
    //   325 x .052 = 16.9, text 0.078 -> 48.418
    expect(row(r, 'gpt-image-1-mini').monthlyCostUsd).toBeCloseTo(48.418, 10)
    // gpt-image-1 ($40/M out): 6000 x 272 x 40/M = 65.28, text 3.60, 325 x 6208 x 40/M = 80.704,
    //   text 0.195 -> 149.779
    expect(row(r, 'gpt-image-1').monthlyCostUsd).toBeCloseTo(149.779, 10)
    expect(row(r, 'gpt-image-1').deltaVsCurrentUsd).toBeCloseTo(149.779 - 92.583, 10)
    expect(row(r, 'gpt-image-2')).toMatchObject({ isCurrent: true, exact: true, sizeNotes: [] })
  })

  it('reports each model status, and picks the cheapest available exact model', () => {
    const r = ok(defaultScenario())
    expect(r.rows.map((x) => x.status)).toEqual([
      'available',
      'available',
      'deprecated',
      'shut down',
    ])
    expect(row(r, 'gpt-image-1').statusNote).toContain('Shut down on 2026-10-23')
    // mini is cheaper (48.418) but deprecated; of the available ones gpt-image-2 wins.
    expect(r.cheapestAvailableModelId).toBe('gpt-image-2')
  })

  it('notes stages an older model cannot make and prices them at its closest size', () => {
    const s = defaultScenario()
    const wide: Scenario = {
      ...s,
      stages: [s.stages[0]!, { ...s.stages[1]!, width: 2048, height: 1152 }],
    }
    const r = ok(wide)
    // gpt-image-2 at 2048x1152 high: 325 x 5650 x 30/M = 55.0875 + 0.195; draft 38.88 -> 94.1625
    expect(row(r, 'gpt-image-2').monthlyCostUsd).toBeCloseTo(94.1625, 10)
    const old = row(r, 'gpt-image-1.5')
    expect(old.exact).toBe(false)
    // 16:9 is closest in shape to 3:2 among 1:1, 2:3 and 3:2, so it is priced as 1536x1024.
    expect(old.monthlyCostUsd).toBeCloseTo(120.5822, 10)
    expect(old.sizeNotes).toEqual([
      {
        stageIndex: 1,
        stageName: 'Final',
        width: 2048,
        height: 1152,
        substitute: { width: 1536, height: 1024 },
        message:
          'GPT Image 1.5 makes only 1024x1024, 1024x1536, 1536x1024; "Final" is 2048x1152, priced here at 1536x1024 (the closest shape it makes).',
      },
    ])
    // A 2048x2048 square maps to 1024x1024.
    const square = ok({ ...wide, stages: [{ ...s.stages[0]!, width: 2048, height: 2048 }] })
    expect(row(square, 'gpt-image-1').sizeNotes[0]?.substitute).toEqual({
      width: 1024,
      height: 1024,
    })
  })

  it('leaves a stage unpriced when a model has no size to substitute', () => {
    const s = defaultScenario()
    // 1000x1000 is not a gpt-image-2 size (not a multiple of 16); older models substitute 1024x1024.
    const r = ok({
      ...s,
      modelId: 'gpt-image-1.5',
      stages: [{ ...s.stages[0]!, width: 1000, height: 1000 }],
    })
    const v2 = row(r, 'gpt-image-2')
    expect(v2.monthlyCostUsd).toBeNull()
    expect(v2.costPerDeliveredImageUsd).toBeNull()
    expect(v2.deltaVsCurrentUsd).toBeNull()
    expect(v2.sizeNotes[0]?.substitute).toBeNull()
    expect(v2.sizeNotes[0]?.message).toContain('not a multiple of 16')
    expect(v2.sizeNotes[0]?.message).toContain('"Draft" is not priced.')
    // 1.5 at 1024x1024 low: 6000 x 272 x 32/M = 52.224 + text 3.60
    expect(row(r, 'gpt-image-1.5').monthlyCostUsd).toBeCloseTo(55.824, 10)
  })

  it('applies price overrides to the current model only', () => {
    const r = ok({ ...defaultScenario(), prices: { imageOutput: 15 } })
    // Output halves on gpt-image-2: (35.28 + 53.508) / 2 + text 3.795 = 48.189
    expect(row(r, 'gpt-image-2')).toMatchObject({ usesPriceOverrides: true })
    expect(row(r, 'gpt-image-2').monthlyCostUsd).toBeCloseTo(48.189, 10)
    expect(row(r, 'gpt-image-1.5').usesPriceOverrides).toBe(false)
    expect(row(r, 'gpt-image-1.5').monthlyCostUsd).toBeCloseTo(120.5822, 10)
  })

  it('returns the reasons instead of numbers when the scenario is malformed', () => {
    const s = defaultScenario()
    const r = compareModels(
      {
        ...s,
        prices: { textInput: -1 },
        stages: [s.stages[0]!, { ...s.stages[1]!, retryMultiplier: 0.5 }],
      },
      PRICE_BOOK,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => e.path)).toEqual(['stages.1.retryMultiplier', 'prices.textInput'])
    expect(r.errors[1]?.message).toBe(
      'The Text input price (USD per 1M tokens) must be at least 0; it is -1.',
    )
  })
})
