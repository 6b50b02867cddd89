import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { blankStage } from '../../../src/domain/model'
import { measuredChanges, summariseResponses } from '../../../src/domain/usage/responses'
import type { TokenGroup } from '../../../src/domain/usage/responses'
import { readUsageLog } from '../../../src/io/usageLog/import'
import { looksLikeSavedResponses, readSavedResponses } from '../../../src/io/usageLog/responses'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../../src/presets/priceBook'

const sample = readFileSync(
  new URL('../../../public/sample-saved-responses.jsonl', import.meta.url),
  'utf8',
)
const malformed = readFileSync(
  new URL('../../fixtures/logs/saved-responses-malformed.jsonl', import.meta.url),
  'utf8',
)
const generationLog = readFileSync(
  new URL('../../fixtures/logs/usage.jsonl', import.meta.url),
  'utf8',
)

describe('recognising saved Images API responses', () => {
  it('takes a usage object without a generation log column as a saved response', () => {
    expect(looksLikeSavedResponses(sample)).toBe(true)
    expect(looksLikeSavedResponses(malformed)).toBe(true)
  })

  it('leaves a generation log (template, stage, status) to the log reader', () => {
    expect(looksLikeSavedResponses(generationLog)).toBe(false)
    expect(looksLikeSavedResponses('{"status":"accepted","usage":{"output_tokens":196}}')).toBe(
      false,
    )
    expect(looksLikeSavedResponses('template,stage\nhero,draft\n')).toBe(false)
    // n and a cost are a log's own columns: no API response has them.
    expect(looksLikeSavedResponses('{"n":4,"usage":{"output_tokens":784}}')).toBe(false)
    expect(looksLikeSavedResponses('{"cost_usd":0.02,"usage":{"output_tokens":784}}')).toBe(false)
  })

  it('decides by the first line that is JSON, past a broken first line', () => {
    expect(
      looksLikeSavedResponses('{"usage":\n{"usage":{"output_tokens":196},"data":[{}]}\n'),
    ).toBe(true)
  })
})

describe('readSavedResponses', () => {
  it('reads the sample: 5 responses, images counted from data, no bytes kept', () => {
    const read = readSavedResponses(sample)
    expect(read.skipped).toEqual([])
    expect(read.error).toBeNull()
    expect(read.lines.map((l) => l.images)).toEqual([4, 2, 1, 1, 1])
    expect(read.lines[2]).toEqual({
      row: 3,
      createdMs: 1777633600_000,
      model: 'gpt-image-2',
      size: '1536x1024',
      quality: 'medium',
      images: 1,
      inputTokens: 866,
      outputTokens: 1560,
      textTokens: 90,
      imageTokens: 776,
      outputImageTokens: 1500,
    })
    expect(JSON.stringify(read)).not.toContain('iVBOR')
  })

  it('lists every unreadable line with its number and reason, and reads the rest', () => {
    const read = readSavedResponses(malformed)
    // 10 lines of which one is blank.
    expect(read.rowsRead).toBe(9)
    expect(read.skipped.map((s) => s.row)).toEqual([2, 3, 4, 5, 6, 7])
    const reasons = read.skipped.map((s) => s.reason)
    expect(reasons[0]).toMatch(/^Line 2 is not valid JSON \(/)
    expect(reasons[1]).toBe(
      'Line 3 is an error response ("Your request was rejected by the safety …"): no image was billed, so it is left out.',
    )
    expect(reasons[2]).toMatch(/^Line 4 has no usage object/)
    expect(reasons[3]).toBe(
      'Line 5: usage.total_tokens is 300 but input_tokens + output_tokens is 256; the usage object does not add up, so the line is left out.',
    )
    expect(reasons[4]).toBe(
      'Line 6: usage.input_tokens must be a whole number of tokens from 0 to 1,000,000,000; it is -5.',
    )
    expect(reasons[5]).toMatch(/^Line 7 is JSON but not an object/)
    expect(read.lines.map((l) => l.row)).toEqual([1, 9, 10])
    // Line 9 has no data list; line 10 a created, quality and size that cannot be read.
    expect(read.lines[1]?.images).toBeNull()
    expect(read.lines[2]).toMatchObject({ createdMs: null, quality: null, size: null, images: 2 })
    expect(read.notices.map((n) => [n.row, n.message])).toEqual([
      [
        9,
        '1 line without a data list: their images cannot be counted, so their tokens are in the totals but not in the per-image figures.',
      ],
      [
        10,
        '1 line with a created time that is not Unix seconds from 2000 to 2100: read as undated.',
      ],
      [10, '1 line with a size that is not like 1024x1024 or auto: read as not saved.'],
      [10, '1 line with a quality that is not low, medium, high or auto: read as not saved.'],
    ])
  })

  it('reports progress by text read when lines are megabytes of images', () => {
    const image = 'A'.repeat(3_000_000)
    const line = `{"data":[{"b64_json":"${image}"}],"usage":{"input_tokens":60,"output_tokens":196}}`
    const seen: number[] = []
    const read = readSavedResponses([line, line, line, line].join('\n'), (f) => seen.push(f))
    expect(read.lines.map((l) => l.images)).toEqual([1, 1, 1, 1])
    // Fewer than 8,192 lines, yet a report once more than 4 MB was read: before line 3, half-way.
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeCloseTo(0.5, 3)
  })

  it('says so when no line can be read', () => {
    const read = readSavedResponses('{"usage":{"output_tokens":"many"}}\n')
    expect(read.lines).toEqual([])
    expect(read.skipped).toEqual([
      {
        row: 1,
        reason:
          'Line 1: usage.output_tokens must be a whole number of tokens from 0 to 1,000,000,000; it is "many".',
      },
    ])
  })
})

describe('summariseResponses', () => {
  const summary = summariseResponses(readSavedResponses(sample).lines, PRICE_BOOK, DEFAULT_MODEL_ID)

  it('groups the sample by month, model, size and quality, most images first', () => {
    expect(summary.responses).toBe(5)
    expect(summary.images).toBe(9)
    expect(summary.months.map((m) => [m.month, m.responses, m.images])).toEqual([['2026-05', 5, 9]])
    const groups = summary.months[0]?.groups ?? []
    expect(groups.map((g) => [g.size, g.quality, g.responses, g.images])).toEqual([
      ['1024x1024', 'low', 2, 6],
      ['1536x1024', 'medium', 2, 2],
      ['1024x1024', 'auto', 1, 1],
    ])
  })

  it('measures tokens per image beside the engine figure (hand-worked)', () => {
    const [low, medium, auto] = summary.months[0]?.groups ?? []
    // (784 + 392) / 6 = 196 output tokens; gpt-image-2 low 1024x1024 is 196. Text (240 + 120) / 6 = 60.
    expect(low).toMatchObject({
      outputPerImage: 196,
      enginePerImage: 196,
      outputShare: 0,
      textPerImage: 60,
      imagePerImage: 0,
    })
    // Image output tokens only: (1500 + 1500) / 2 = 1500 against the rule's 1372 for medium
    // 1536x1024 (+128, +9.33%); text (90 + 70) / 2 = 80; image input (776 + 776) / 2 = 776.
    expect(medium).toMatchObject({
      outputPerImage: 1500,
      enginePerImage: 1372,
      textPerImage: 80,
      imagePerImage: 776,
      outputTokens: 3120,
    })
    expect(medium?.outputShare).toBeCloseTo(128 / 1372, 12)
    expect(auto).toMatchObject({
      outputPerImage: 7024,
      enginePerImage: null,
      engineNote: 'Quality auto is billed at the quality the model picked.',
      outputShare: null,
    })
  })

  it('splits months at UTC midnight and puts undated responses last', () => {
    const line = (created: number | null) =>
      `{${created === null ? '' : `"created":${String(created)},`}"quality":"low","size":"1024x1024","data":[{}],"usage":{"input_tokens":60,"output_tokens":196}}`
    // 2026-04-30 23:59:59 and 2026-05-01 00:00:00 UTC.
    const text = [line(1777593599), line(1777593600), line(null)].join('\n')
    const s = summariseResponses(readSavedResponses(text).lines, PRICE_BOOK, DEFAULT_MODEL_ID)
    expect(s.months.map((m) => [m.month, m.images])).toEqual([
      ['2026-04', 1],
      ['2026-05', 1],
      [null, 1],
    ])
  })

  it('counts the tokens of responses without data but measures per image only where images were counted', () => {
    const s = summariseResponses(readSavedResponses(malformed).lines, PRICE_BOOK, DEFAULT_MODEL_ID)
    const may = s.months.find((m) => m.month === '2026-05')
    expect(may?.groups).toHaveLength(1)
    // Lines 1 and 9: 392 output tokens in all, but only line 1's image is counted.
    expect(may?.groups[0]).toMatchObject({
      responses: 2,
      images: 1,
      outputTokens: 392,
      outputPerImage: 196,
      textPerImage: 60,
    })
  })
})

describe('measuredChanges', () => {
  const group = (over: Partial<TokenGroup>): TokenGroup => ({
    model: 'gpt-image-2',
    size: '1024x1024',
    quality: 'low',
    responses: 1,
    images: 1,
    inputTokens: 0,
    outputTokens: 196,
    outputPerImage: 196,
    enginePerImage: 196,
    engineNote: null,
    outputShare: 0,
    textPerImage: null,
    imagePerImage: null,
    ...over,
  })

  it('sets prompt tokens and reference images from what one image took', () => {
    // blankStage: 120 prompt tokens, no reference images, 1,024 tokens each.
    const { changes } = measuredChanges(
      blankStage('Edit'),
      group({ textPerImage: 80, imagePerImage: 776 }),
    )
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['promptTokens', 120, 80],
      ['referenceImages', 0, 1],
      ['referenceImageTokens', 1024, 776],
    ])
  })

  it('splits image input over the reference images the stage already sends', () => {
    const stage = { ...blankStage('Edit'), referenceImages: 2 }
    const { changes } = measuredChanges(stage, group({ textPerImage: 120, imagePerImage: 1552 }))
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['referenceImageTokens', 1024, 776],
    ])
  })

  it('changes nothing and says why when the responses have no input details', () => {
    const { changes, notes } = measuredChanges(blankStage('Draft'), group({}))
    expect(changes).toEqual([])
    expect(notes).toEqual([
      'Prompt tokens left as they are: the responses have no input_tokens_details.',
      'Reference images left as they are: the responses have no input_tokens_details.',
    ])
  })
})

describe('reading saved responses as a file', () => {
  it('comes back with tokens per image and no generation-log summary', async () => {
    const file = new File([sample], 'sample-saved-responses.jsonl')
    const report = await readUsageLog(
      file,
      undefined,
      undefined,
      PRICE_BOOK,
      DEFAULT_MODEL_ID,
      () => undefined,
      () => 0,
    )
    expect(report.format).toBe('saved responses')
    expect(report.rowCount).toBe(5)
    expect(report.summary).toBeNull()
    expect(report.bill).toBeNull()
    expect(report.responses?.images).toBe(9)
    expect(report.error).toBeNull()
    // What the worker posts back holds no image bytes.
    expect(JSON.stringify(report)).not.toContain('iVBOR')
  })

  it('names every shape it knows when a file is none of them', async () => {
    const file = new File(['{"hello":"world"}\n'], 'other.jsonl')
    const report = await readUsageLog(
      file,
      undefined,
      undefined,
      PRICE_BOOK,
      DEFAULT_MODEL_ID,
      () => undefined,
      () => 0,
    )
    expect(report.error).toMatch(/saved Images API responses, one per line/)
  })
})
