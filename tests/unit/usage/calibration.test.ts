import { describe, expect, it } from 'vitest'
import { calibratedStage } from '../../../src/domain/usage/calibration'
import type { Stage } from '../../../src/domain/model'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { base, DRAFT, EDIT, FINAL, group, summarise, summary } from './logFixtures'

// Rates and token counts: see logFixtures.ts.

describe('calibratedStage', () => {
  it('leaves reference images alone when the log does not split input tokens', () => {
    const parsed = parseUsageLog(
      'template,stage,quality,size,status,input_tokens,output_tokens\nt,edit,high,1024x1024,accepted,1300,4160\n',
    )
    const g = summarise(parsed.rows).groups[0]!
    expect(g.referenceTokensPerImage).toBeNull()
    const stage: Stage = { ...FINAL, referenceImages: 2, referenceImageTokens: 500 }
    const c = calibratedStage(stage, g, 'gpt-image-2', PRICE_BOOK)
    expect(c.stage).toMatchObject({ referenceImages: 2, referenceImageTokens: 500 })
    expect(c.notes).toContain(
      'Reference images left as they are: the log does not split image input tokens.',
    )
  })

  const s = summary('draft-final.csv')

  it('hero/final: measured multiplier, prompt and reference tokens; the rest unchanged', () => {
    const c = calibratedStage(FINAL, group(s.groups, 'hero', 'final'), 'gpt-image-2', PRICE_BOOK)
    expect(c.stage).toEqual({
      ...FINAL,
      retryMultiplier: 1.5,
      promptTokens: 80,
      referenceImages: 1,
      referenceImageTokens: 1024,
    })
    // referenceImageTokens was already 1,024: not a change.
    expect(c.changes.map((x) => [x.field, x.from, x.to])).toEqual([
      ['retryMultiplier', 1.3, 1.5],
      ['promptTokens', 120, 80],
      ['referenceImages', 0, 1],
    ])
  })

  it('product/edit: dominant quality and size, multiplier rounded to 3 decimals', () => {
    const c = calibratedStage(EDIT, group(s.groups, 'product', 'edit'), 'gpt-image-2', PRICE_BOOK)
    expect(c.stage).toMatchObject({
      quality: 'medium',
      width: 1024,
      height: 1024,
      retryMultiplier: 1.333,
      promptTokens: 100,
      referenceImages: 0,
    })
    expect(c.changes.find((x) => x.field === 'width')?.why).toBe(
      '75% of billed images were 1024x1024.',
    )
    expect(c.notes).toEqual([
      'Quality mix in the log: 75% medium, 25% high; the stage takes one quality.',
      'Size mix in the log: 75% 1024x1024, 25% 1536x1024.',
      'Reference images left as they are: the log does not split image input tokens.',
    ])
  })

  it('usage.jsonl avatar/draft: n = 4 per call sets outputs per request and divides the multiplier', () => {
    const j = summary('usage.jsonl')
    const c = calibratedStage(DRAFT, group(j.groups, 'avatar', 'draft'), 'gpt-image-2', PRICE_BOOK)
    // 9 billed per kept image / 4 outputs per request = 2.25.
    expect(c.stage).toMatchObject({ outputsPerRequest: 4, retryMultiplier: 2.25, promptTokens: 60 })
    // DRAFT keeps 4 images per job, while the log kept 1 image of 9.
    expect(c.notes).toContain(
      "This stage keeps 4 images per job, and the log's multiplier counts billed images per accepted or edited image. If those images are candidates of which people keep fewer, the multiplier already counts the discarded ones: set images per job to the images kept per job.",
    )
  })

  it('usage.jsonl avatar/final: the dominant quality wins over auto', () => {
    const j = summary('usage.jsonl')
    const c = calibratedStage(
      { ...FINAL, quality: 'auto', autoBilledAs: 'low' },
      group(j.groups, 'avatar', 'final'),
      'gpt-image-2',
      PRICE_BOOK,
    )
    // 2 of 3 images were high, so the stage becomes high (auto no longer applies).
    expect(c.stage.quality).toBe('high')
    expect(c.stage.autoBilledAs).toBe('low')
  })

  it('auto dominant: budgeted as the dearest quality its usage tokens matched', () => {
    const rows = [
      base({ row: 2, quality: 'auto', status: 'accepted', outputTokens: 1756 }),
      base({ row: 3, quality: 'auto', status: 'accepted', outputTokens: 196 }),
    ]
    const c = calibratedStage(
      { ...DRAFT, autoBilledAs: 'high' },
      summarise(rows).total,
      'gpt-image-2',
      PRICE_BOOK,
    )
    expect(c.stage).toMatchObject({ quality: 'auto', autoBilledAs: 'medium', retryMultiplier: 1 })
  })

  it('leaves what the log does not measure, and says why', () => {
    const c = calibratedStage(FINAL, summary('no-status.csv').groups[0]!, 'gpt-image-2', PRICE_BOOK)
    expect(c.stage.retryMultiplier).toBe(1.3)
    expect(c.notes[0]).toBe(
      'Retry multiplier left as it is: No row says whether its image was kept: log a status (accepted, edited, rejected, regenerated, deleted) per image to measure retries.',
    )
  })

  it('never sets a multiplier below 1 nor a size the model cannot make', () => {
    const rows = [
      base({ row: 2, status: 'accepted', n: 4, width: 1920, height: 1080 }),
      base({ row: 3, status: 'accepted', n: 4, width: 1920, height: 1080 }),
    ]
    const c = calibratedStage(DRAFT, summarise(rows).total, 'gpt-image-2', PRICE_BOOK)
    // 8 billed / 8 kept = 1 per kept image; / 4 per request = 0.25, clamped to 1.
    expect(c.stage.retryMultiplier).toBe(1)
    expect(c.stage.width).toBe(1024)
    expect(
      c.notes.some((n) =>
        n.startsWith('Size left as it is: Height 1,080 px is not a multiple of 16'),
      ),
    ).toBe(true)
    expect(c.notes.some((n) => n.startsWith('The log keeps more than one image per request'))).toBe(
      true,
    )
  })
})
