import { describe, expect, it } from 'vitest'
import { priceBookId } from '../../../src/domain/usage/pricer'
import type { UsageRow } from '../../../src/domain/usage/rows'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { base, group, summarise, summary } from './logFixtures'

// Rates and token counts: see logFixtures.ts.

describe('summariseUsage: draft-final.csv (usage tokens on every row)', () => {
  const s = summary('draft-final.csv')

  it('finds one group per template and stage, in order of appearance', () => {
    expect(s.groups.map((g) => [g.template, g.stage, g.rows])).toEqual([
      ['hero', 'draft', 6],
      ['hero', 'final', 3],
      ['product', 'edit', 4],
    ])
  })

  it('hero/draft: 6 billed, 2 kept, multiplier 3, cost from usage', () => {
    const g = group(s.groups, 'hero', 'draft')
    expect(g).toMatchObject({ billedImages: 6, keptImages: 2, retryMultiplier: 3, retryNote: null })
    expect(g.statusImages).toEqual({
      accepted: 2,
      edited: 0,
      rejected: 3,
      regenerated: 1,
      deleted: 0,
      failed: 0,
      unknown: 0,
    })
    expect(g.statusMix.rejected).toBe(0.5)
    expect(g.qualityMix).toEqual({ low: 1, medium: 0, high: 0, auto: 0, unknown: 0 })
    // 6 x 50 text tokens, 6 x 196 output tokens.
    expect(g.tokensByMeter).toEqual({
      textInput: 300,
      cachedTextInput: 0,
      imageInput: 0,
      cachedImageInput: 0,
      imageOutput: 1176,
    })
    // Each row: 50 x 5e-6 = 0.00025 + 196 x 3e-5 = 0.00588 -> 0.00613; x 6 = 0.03678.
    expect(g.costUsd).toBeCloseTo(0.03678, 12)
    expect(g.costByMeter.textInput).toBeCloseTo(0.0015, 12)
    expect(g.costByMeter.imageOutput).toBeCloseTo(0.03528, 12)
    expect(g.costBasis).toBe('usage')
    // 0.03678 / 2 kept.
    expect(g.costPerKeptImageUsd).toBeCloseTo(0.01839, 12)
    expect(g.promptTokensPerImage).toBe(50)
    expect(g.referenceTokensPerImage).toBe(0)
    expect(g.outputTokensPerImage).toBe(196)
    expect(g.notes).toEqual([])
  })

  it('hero/final: 3 billed, 2 kept (accepted + edited), multiplier 1.5, reference tokens', () => {
    const g = group(s.groups, 'hero', 'final')
    expect(g).toMatchObject({ billedImages: 3, keptImages: 2, retryMultiplier: 1.5 })
    // Each row: 80 x 5e-6 = 0.0004 + 1024 x 8e-6 = 0.008192 + 5488 x 3e-5 = 0.16464
    //   = 0.173232; x 3 = 0.519696; / 2 kept = 0.259848.
    expect(g.costUsd).toBeCloseTo(0.519696, 12)
    expect(g.costByMeter.imageInput).toBeCloseTo(0.024576, 12)
    expect(g.costPerKeptImageUsd).toBeCloseTo(0.259848, 12)
    expect(g.promptTokensPerImage).toBe(80)
    expect(g.referenceTokensPerImage).toBe(1024)
    expect(g.sizeMix).toEqual([
      { size: '1536x1024', width: 1536, height: 1024, images: 3, share: 1 },
    ])
  })

  it('product/edit: mixed quality and size; no input_tokens, so no image-input measure', () => {
    const g = group(s.groups, 'product', 'edit')
    // 4 billed (3 accepted, 1 rejected): 4 / 3.
    expect(g.retryMultiplier).toBeCloseTo(4 / 3, 12)
    expect(g.qualityMix).toMatchObject({ medium: 0.75, high: 0.25 })
    expect(g.sizeMix.map((x) => [x.size, x.images, x.share])).toEqual([
      ['1024x1024', 3, 0.75],
      ['1536x1024', 1, 0.25],
    ])
    // Output: 1756 + 1756 + 7024 + 1372 = 11,908 tokens; / 4 = 2,977 per image.
    expect(g.outputTokensPerImage).toBe(2977)
    // 400 x 5e-6 = 0.002 + 11,908 x 3e-5 = 0.35724 -> 0.35924.
    expect(g.costUsd).toBeCloseTo(0.35924, 12)
    expect(g.referenceTokensPerImage).toBeNull()
  })

  it('the total adds the groups up and spans the log', () => {
    const t = s.total
    expect(t.template).toBeNull()
    expect(t).toMatchObject({ rows: 13, billedImages: 13, keptImages: 7 })
    expect(t.retryMultiplier).toBeCloseTo(13 / 7, 12)
    // 0.03678 + 0.519696 + 0.35924.
    expect(t.costUsd).toBeCloseTo(0.915716, 12)
    expect(t.firstTimeMs).toBe(Date.UTC(2026, 4, 1, 9, 0))
    expect(t.lastTimeMs).toBe(Date.UTC(2026, 4, 31, 23, 59))
  })
})

describe('summariseUsage: fallbacks.csv (usage, cost column, estimates, unpriced)', () => {
  const g = summary('fallbacks.csv').groups[0]!

  it('prices each row from the best basis it has and says so', () => {
    // Row 2 usage: 100 x 5e-6 + 7024 x 3e-5 = 0.0005 + 0.21072 = 0.21122.
    // Row 3 cost column: 0.25.
    // Row 4 estimate, medium 1536x1024: 1372 x 3e-5 = 0.04116.
    // Row 5 estimate, low, size auto -> 1024x1024: 196 x 3e-5 = 0.00588.
    // Row 6 estimate, auto + size auto -> high 1024x1024: 7024 x 3e-5 = 0.21072.
    // Row 7 no quality: unpriced. Row 8 failed, nothing logged: not billed, $0.
    expect(g.costUsd).toBeCloseTo(0.21122 + 0.25 + 0.04116 + 0.00588 + 0.21072, 12)
    expect(g.costColumnUsd).toBe(0.25)
    expect(g.costBasis).toBe('mixed')
    expect(g.basisImages).toEqual({ usage: 1, costColumn: 1, estimate: 3, unpriced: 1 })
    // 1372 + 196 + 7024 = 8,592 estimated; with 7,024 measured over 4 images: 3,904.
    expect(g.estimatedOutputTokens).toBe(8592)
    expect(g.outputTokensPerImage).toBe(3904)
    expect(g.measuredOutputTokensPerImage).toBe(7024)
  })

  it('counts failed images in the status mix but not as billed', () => {
    expect(g).toMatchObject({ rows: 7, billedImages: 6, keptImages: 1, retryMultiplier: 6 })
    expect(g.statusImages).toMatchObject({ accepted: 1, rejected: 4, deleted: 1, failed: 1 })
    expect(g.statusMix.rejected).toBeCloseTo(4 / 7, 12)
    expect(g.qualityMix).toEqual({
      low: 1 / 6,
      medium: 1 / 6,
      high: 2 / 6,
      auto: 1 / 6,
      unknown: 1 / 6,
    })
    expect(g.sizeMix.map((x) => [x.size, x.images])).toEqual([
      ['1024x1024', 3],
      [null, 2],
      ['1536x1024', 1],
    ])
  })

  it('notes every fallback', () => {
    expect(g.notes).toEqual([
      '6 images name no model: priced as gpt-image-2.',
      '3 images had no usage tokens or cost: their output is estimated from the price book and their input is not counted.',
      '1 estimated image at quality auto are estimated as high, the safe ceiling.',
      '2 estimated images without a size are estimated at 1024x1024, the dearest 1K size.',
      '1 image could not be priced (no usage tokens, no cost, and no model, quality or size to estimate from): they are not in the cost.',
    ])
  })
})

describe('summariseUsage: usage.jsonl (n per call, nested usage, auto quality)', () => {
  const s = summary('usage.jsonl')

  it('avatar/draft: n counts images; snapshot model ids are priced as their family', () => {
    const g = group(s.groups, 'avatar', 'draft')
    // Calls of n = 4 (rejected), 4 (regenerated), 1 (accepted): 9 billed, 1 kept.
    expect(g).toMatchObject({ billedImages: 9, keptImages: 1, retryMultiplier: 9 })
    expect(g.callsByOutputs).toEqual([
      { n: 4, calls: 2 },
      { n: 1, calls: 1 },
    ])
    // Text 240 + 240 + 60 = 540 -> 0.0027; output 784 + 784 + 196 = 1,764 -> 0.05292.
    expect(g.costUsd).toBeCloseTo(0.05562, 12)
    expect(g.costBasis).toBe('usage')
    expect(g.promptTokensPerImage).toBe(60)
    expect(g.outputTokensPerImage).toBe(196)
    expect(g.notes).toEqual([])
  })

  it('avatar/final: approved and kept are accepted; missing usage fields fall back and say so', () => {
    const g = group(s.groups, 'avatar', 'final')
    expect(g).toMatchObject({ billedImages: 3, keptImages: 2, retryMultiplier: 1.5 })
    // Line 7: 76 x 5e-6 + 1024 x 8e-6 + 1756 x 3e-5 = 0.00038 + 0.008192 + 0.05268 = 0.061252
    // Line 8: input 1100 without split, priced as text: 0.0055 + 7024 x 3e-5 0.21072 = 0.21622
    // Line 9: output only: 0.21072
    expect(g.costUsd).toBeCloseTo(0.061252 + 0.21622 + 0.21072, 12)
    // Text known on lines 7 and 8: (76 + 1100) / 2. Image input only on line 7:
    // line 8's 1,100 tokens have no split, so its image part is unknown, not 0.
    expect(g.promptTokensPerImage).toBe(588)
    expect(g.referenceTokensPerImage).toBe(1024)
    // Line 7 asked for auto; 1,756 output tokens at 1024x1024 is medium.
    expect(g.autoBilledAs).toEqual({ low: 0, medium: 1, high: 0 })
    expect(g.notes).toEqual([
      '1 row logged input_tokens without the text/image split: all of it is priced as text input, which under-prices edits with reference images.',
      '1 row logged output tokens but no input tokens: their input counts as $0.',
    ])
  })

  it('takes the period from Unix-second timestamps', () => {
    expect(s.total.firstTimeMs).toBe(1_777_593_600_000)
    expect(s.total.lastTimeMs).toBe(1_777_597_320_000)
  })
})

describe('summariseUsage: when the multiplier cannot be measured', () => {
  it('no status column: null, with the reason', () => {
    const g = summary('no-status.csv').groups[0]!
    expect(g.retryMultiplier).toBeNull()
    expect(g.retryNote).toBe(
      'No row says whether its image was kept: log a status (accepted, edited, rejected, regenerated, deleted) per image to measure retries.',
    )
    // Estimates: low 1024x1024 196 x 3e-5 = 0.00588; high 1536x1024 5488 x 3e-5 = 0.16464.
    expect(g.costUsd).toBeCloseTo(0.17052, 12)
    expect(g.costBasis).toBe('estimate')
    expect(g.costPerKeptImageUsd).toBeNull()
  })

  it('nothing kept: null; unknown statuses: an upper bound; n > 1 kept: a caveat', () => {
    const rows: UsageRow[] = [
      base({ row: 2, status: 'rejected' }),
      base({ row: 3, status: 'unknown' }),
    ]
    expect(summarise(rows).total.retryNote).toBe(
      'None of the 2 billed images was accepted or edited, so there is no kept image to divide by.',
    )
    const more = [...rows, base({ row: 4, status: 'accepted', n: 2 })]
    const t = summarise(more).total
    // 1 + 1 + 2 billed, 2 kept.
    expect(t.retryMultiplier).toBe(2)
    expect(t.retryNote).toBe(
      '1 image with an unknown status count as not kept, so the multiplier is an upper bound. 1 accepted or edited row with n > 1 count every image of the call as kept; log one row per image to record which candidate was kept.',
    )
  })

  it('an empty log gives an empty total, not NaN', () => {
    const t = summarise([]).total
    expect(t).toMatchObject({
      rows: 0,
      billedImages: 0,
      retryMultiplier: null,
      costUsd: 0,
      costBasis: 'none',
      costPerBilledImageUsd: null,
      promptTokensPerImage: null,
      firstTimeMs: null,
    })
    expect(t.qualityMix.low).toBe(0)
  })

  it('a failed row with usage adds its cost, but no image and no per-image tokens', () => {
    const rows = [
      base({ row: 2, status: 'accepted', inputTextTokens: 50, outputTokens: 196 }),
      base({ row: 3, status: 'failed', inputTextTokens: 1000, outputTokens: 0 }),
    ]
    const g = summarise(rows).total
    expect(g).toMatchObject({ billedImages: 1, keptImages: 1, promptTokensPerImage: 50 })
    expect(g.tokensByMeter.textInput).toBe(1050)
    // 1050 x 5e-6 = 0.00525 + 196 x 3e-5 = 0.00588.
    expect(g.costUsd).toBeCloseTo(0.01113, 12)
    expect(g.costBasis).toBe('usage')
  })

  it('a model the book does not price is priced only from its cost column', () => {
    const rows = [
      base({ row: 2, model: 'dall-e-3', status: 'accepted', outputTokens: 1000, costUsd: 0.04 }),
      base({ row: 3, model: 'dall-e-3', status: 'rejected', outputTokens: 1000 }),
    ]
    const g = summarise(rows).total
    expect(g.costUsd).toBe(0.04)
    expect(g.basisImages).toEqual({ usage: 0, costColumn: 1, estimate: 0, unpriced: 1 })
    expect(g.notes).toContain(
      'Model "dall-e-3" (2 rows) is not in the price book: its rows are priced only from a cost column.',
    )
  })
})

describe('priceBookId', () => {
  it("finds a dated snapshot by its family, and only the book's own models", () => {
    expect(priceBookId('GPT-Image-2-2026-04-21', PRICE_BOOK)).toBe('gpt-image-2')
    expect(priceBookId('gpt-image-1', PRICE_BOOK)).toBe('gpt-image-1')
    expect(priceBookId('constructor', PRICE_BOOK)).toBeNull()
    expect(priceBookId('dall-e-9', PRICE_BOOK)).toBeNull()
  })

  it('leaves a row of a model the book does not know unpriced', () => {
    const parsed = parseUsageLog('model,status,output_tokens\nconstructor,accepted,196\n')
    const g = summarise(parsed.rows).groups[0]!
    expect(g.basisImages.unpriced).toBe(1)
    expect(g.costUsd).toBe(0)
  })
})
