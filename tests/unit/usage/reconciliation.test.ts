import { describe, expect, it } from 'vitest'
import type { Stage } from '../../../src/domain/model'
import { reconcile } from '../../../src/domain/usage/reconciliation'
import { blankStage } from '../../../src/domain/model'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { DRAFT, EDIT, FINAL, group, scenario, summary } from './logFixtures'

// Rates and token counts: see logFixtures.ts.

describe('reconcile', () => {
  const s = summary('draft-final.csv')

  it('hero/final against a Final stage: the retry multiplier explains most of the gap', () => {
    const r = reconcile(scenario([DRAFT, FINAL]), 1, group(s.groups, 'hero', 'final'), PRICE_BOOK)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    // Estimate per kept image: 1.3 billed x (120 x 5e-6 + 5488 x 3e-5 = 0.16524)
    //   = 0.214812; x 2 kept = 0.429624. Actual 0.519696; gap 0.090072.
    expect(r.scaledBy).toBe('kept images')
    expect(r.images).toBe(2)
    expect(r.estimateUsd).toBeCloseTo(0.429624, 12)
    expect(r.actualUsd).toBeCloseTo(0.519696, 12)
    expect(r.differenceUsd).toBeCloseTo(0.090072, 12)
    const impact = Object.fromEntries(r.inputs.map((i) => [i.input, i.costImpactUsd]))
    // Retry: 2 kept x (1.5 - 1.3) x 0.16524 = 0.066096.
    expect(impact.retryMultiplier).toBeCloseTo(0.066096, 12)
    // At the measured 3 billed images: prompt 3 x (80 - 120) x 5e-6 = -0.0006;
    // reference 3 x (1024 - 0) x 8e-6 = 0.024576; quality and output unchanged.
    expect(impact.promptTokensPerImage).toBeCloseTo(-0.0006, 12)
    expect(impact.referenceTokensPerImage).toBeCloseTo(0.024576, 12)
    expect(impact.qualityMix).toBeCloseTo(0, 12)
    expect(impact.outputTokensPerImage).toBeCloseTo(0, 12)
    expect(r.unexplainedUsd).toBeCloseTo(0, 12)
    expect(r.largest).toBe('retryMultiplier')
    const retry = r.inputs[0]!
    expect([retry.estimate, retry.actual]).toEqual([1.3, 1.5])
    expect(retry.difference).toBeCloseTo(0.2, 12)
    const m = Object.fromEntries(r.meters.map((x) => [x.meter, x]))
    // Text: estimate 2 x 1.3 x 120 x 5e-6 = 0.00156; actual 3 x 80 x 5e-6 = 0.0012.
    expect(m.textInput?.estimateUsd).toBeCloseTo(0.00156, 12)
    expect(m.textInput?.actualUsd).toBeCloseTo(0.0012, 12)
    expect(m.imageInput?.differenceUsd).toBeCloseTo(0.024576, 12)
    // Output: estimate 2.6 x 0.16464 = 0.428064; actual 3 x 0.16464 = 0.49392.
    expect(m.imageOutput?.estimateUsd).toBeCloseTo(0.428064, 12)
    expect(m.imageOutput?.actualUsd).toBeCloseTo(0.49392, 12)
    expect(m.costColumn?.actualUsd).toBe(0)
  })

  it('product/edit against a medium 1536x1024 stage: the quality mix explains most', () => {
    const r = reconcile(scenario([EDIT]), 0, group(s.groups, 'product', 'edit'), PRICE_BOOK)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    // Estimate per billed image: 100 x 5e-6 + 1372 x 3e-5 = 0.04166; x 1 x 3 kept = 0.12498.
    // Actual 0.35924; gap 0.23426.
    expect(r.estimateUsd).toBeCloseTo(0.12498, 12)
    expect(r.differenceUsd).toBeCloseTo(0.23426, 12)
    const byInput = Object.fromEntries(r.inputs.map((i) => [i.input, i]))
    // Retry: 3 x (4/3 - 1) x 0.04166 = 0.04166.
    expect(byInput.retryMultiplier?.costImpactUsd).toBeCloseTo(0.04166, 12)
    // Quality mix at the stage size: 0.75 x 1372 + 0.25 x 5488 = 2,401 tokens;
    // 4 billed x (2401 - 1372) x 3e-5 = 0.12348.
    expect(byInput.qualityMix?.actual).toBe(2401)
    expect(byInput.qualityMix?.costImpactUsd).toBeCloseTo(0.12348, 12)
    // The rest is size: 4 x (2977 - 2401) x 3e-5 = 0.06912.
    expect(byInput.outputTokensPerImage?.estimate).toBe(1372)
    expect(byInput.outputTokensPerImage?.actual).toBe(2977)
    expect(byInput.outputTokensPerImage?.costImpactUsd).toBeCloseTo(0.06912, 12)
    expect(byInput.promptTokensPerImage?.costImpactUsd).toBeCloseTo(0, 12)
    // Not measured: no image input split in this group.
    expect(byInput.referenceTokensPerImage?.actual).toBeNull()
    expect(byInput.referenceTokensPerImage?.costImpactUsd).toBeNull()
    expect(r.unexplainedUsd).toBeCloseTo(0, 12)
    expect(r.largest).toBe('qualityMix')
    expect(byInput.qualityMix?.detail).toBe('Stage: medium; log: 75% medium, 25% high.')
  })

  it('a stage that matches the log: no gap, no largest input', () => {
    const matching: Stage = {
      ...blankStage('Draft'),
      quality: 'low',
      retryMultiplier: 3,
      promptTokens: 50,
    }
    const r = reconcile(scenario([matching]), 0, group(s.groups, 'hero', 'draft'), PRICE_BOOK)
    if (!r.ok) throw new Error('expected ok')
    // 2 kept x 3 x (50 x 5e-6 + 196 x 3e-5) = 0.03678, the actual cost.
    expect(r.estimateUsd).toBeCloseTo(0.03678, 12)
    expect(r.differenceUsd).toBeCloseTo(0, 12)
    expect(r.largest).toBeNull()
  })

  it('hero/draft against the Draft stage: every cent explained, and the rest is exactly zero', () => {
    const r = reconcile(scenario([DRAFT, FINAL]), 0, group(s.groups, 'hero', 'draft'), PRICE_BOOK)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const explained = r.inputs.reduce((sum, i) => sum + (i.costImpactUsd ?? 0), 0)
    expect(explained).toBeCloseTo(r.differenceUsd, 12)
    // Floating-point leftovers of the subtraction (3.47e-18 here) were shown on screen as
    // "+$3.47E-18 not explained by an input".
    expect(r.unexplainedUsd).toBe(0)
  })

  it('batch prices land in the unexplained part, with a note', () => {
    const r = reconcile(
      scenario([FINAL], { batch: true }),
      0,
      group(s.groups, 'hero', 'final'),
      PRICE_BOOK,
    )
    if (!r.ok) throw new Error('expected ok')
    // Half of 0.429624.
    expect(r.estimateUsd).toBeCloseTo(0.214812, 12)
    const explained = r.inputs.reduce((sum, i) => sum + (i.costImpactUsd ?? 0), 0)
    expect(explained + r.unexplainedUsd).toBeCloseTo(r.differenceUsd, 12)
    expect(r.notes[0]).toBe(
      'The estimate is at Batch API prices; usage tokens in the log are priced at standard rates.',
    )
  })

  it('scales by billed images when nothing was kept', () => {
    const g = summary('no-status.csv').groups[0]!
    const r = reconcile(scenario([{ ...DRAFT, promptTokens: 0 }]), 0, g, PRICE_BOOK)
    if (!r.ok) throw new Error('expected ok')
    expect(r.scaledBy).toBe('billed images')
    // 2 billed x 196 x 3e-5 = 0.01176.
    expect(r.estimateUsd).toBeCloseTo(0.01176, 12)
    expect(r.inputs[0]?.costImpactUsd).toBeNull()
  })

  it('returns errors, not a throw, for a missing stage or an invalid scenario', () => {
    const g = s.total
    const missing = reconcile(scenario([DRAFT]), 3, g, PRICE_BOOK)
    expect(missing).toEqual({
      ok: false,
      errors: [{ path: 'stages', field: 'stages', message: 'Scenario "Plan" has no stage 4.' }],
    })
    const bad = reconcile(scenario([DRAFT, { ...FINAL, retryMultiplier: 0.5 }]), 1, g, PRICE_BOOK)
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.errors[0]).toMatchObject({ path: 'stages.1.retryMultiplier', stageIndex: 1 })
  })
})
