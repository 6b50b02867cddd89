import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findModel } from '../../../src/domain/priceBook'
import { billedTokensPerImage, summariseBill } from '../../../src/domain/usage/billing'
import { readCostFile } from '../../../src/io/usageLog/costs'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

const isImageModel = (id: string) => findModel(PRICE_BOOK, id) !== undefined
const billOf = (text: string) => {
  const read = readCostFile(text)
  if (!read) throw new Error('not recognised')
  return { read, bill: summariseBill(read.lines, isImageModel, read.images) }
}
const sample = readFileSync(
  new URL('../../../public/sample-costs-and-images.json', import.meta.url),
  'utf8',
)
// 2026-05-01 and 2026-05-02 at 00:00 UTC.
const MAY1 = 1777593600
const MAY2 = 1777680000
const cost = (line: string, value: number, quantity?: unknown, unit: unknown = 'tokens') =>
  JSON.stringify({
    object: 'organization.costs.result',
    amount: { value, currency: 'usd' },
    line_item: line,
    project_id: null,
    ...(quantity === undefined ? {} : { quantity, quantity_unit: unit }),
  })
const images = (n: number, model: string | null, size: string | null = '1024x1024') =>
  JSON.stringify({
    object: 'organization.usage.images.result',
    images: n,
    num_model_requests: n,
    size,
    source: 'image.generation',
    model,
  })
const page = (buckets: [number, string[]][]) =>
  `{"object":"page","data":[${buckets
    .map(
      ([start, results]) =>
        `{"object":"bucket","start_time":${String(start)},"results":[${results.join(',')}]}`,
    )
    .join(',')}]}`

describe('billed tokens per image', () => {
  it('reads the sample: 40 images of May 1 beside their billed tokens (hand-worked)', () => {
    const { read, bill } = billOf(sample)
    expect(read.skipped).toEqual([])
    expect(read.lines.map((l) => l.tokens)).toEqual([70240, 2400, 7760])
    // 70,240 / 40 = 1,756 output tokens (gpt-image-2 medium 1024x1024); 2,400 / 40 = 60 text;
    // 7,760 / 40 = 194 image input tokens (10 edits of 776).
    expect(billedTokensPerImage(bill)).toEqual({
      meets: [
        {
          month: '2026-05',
          model: 'gpt-image-2',
          images: 40,
          sizes: ['1024x1024'],
          outputTokens: 70240,
          outputPerImage: 1756,
          textPerImage: 60,
          imagePerImage: 194,
        },
      ],
      differentDays: [],
    })
  })

  it('leaves out a month whose costs and images cover different days, and names it', () => {
    const text = `[${page([[MAY1, [cost('gpt-image-2 image, output', 0.6, 20000)]]])},${page([
      [MAY1, [images(10, 'gpt-image-2')]],
      [MAY2, [images(10, 'gpt-image-2')]],
    ])}]`
    expect(billedTokensPerImage(billOf(text).bill)).toEqual({
      meets: [],
      differentDays: ['2026-05'],
    })
  })

  it('counts images not grouped by model for the month’s only image model', () => {
    const text = `[${page([[MAY1, [cost('gpt-image-2 image, output', 0.1176, 3920)]]])},${page([
      [MAY1, [images(20, null, null)]],
    ])}]`
    const { meets } = billedTokensPerImage(billOf(text).bill)
    // 3,920 / 20 = 196; no text or image input quantity: not measured.
    expect(
      meets.map((m) => [m.model, m.images, m.sizes, m.outputPerImage, m.textPerImage]),
    ).toEqual([['gpt-image-2', 20, [], 196, null]])
  })

  it('keeps the amount of a result whose quantity cannot be read, and says so once', () => {
    const text = page([
      [
        MAY1,
        [
          cost('gpt-image-2 image, output', 0.3, -5),
          cost('gpt-image-2 image, output', 0.3, 'many'),
          cost('gpt-image-2 text, input', 0.01, 3, 'requests'),
        ],
      ],
    ])
    const { read, bill } = billOf(text)
    expect(read.skipped).toEqual([])
    expect(bill.months[0]?.usdByMeter.imageOutput).toBeCloseTo(0.6, 12)
    // A quantity in requests is not tokens: left out, not an error.
    expect(read.lines.map((l) => l.tokens)).toEqual([null, null, null])
    expect(read.notices).toEqual([
      {
        row: 1,
        message:
          '2 results have a quantity that is not a number of tokens from 0 to 1,000,000,000,000: the amount counts, the tokens are left out of tokens per image.',
      },
    ])
  })
})
