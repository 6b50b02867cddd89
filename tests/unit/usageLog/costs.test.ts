import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findModel } from '../../../src/domain/priceBook'
import {
  classifyLineItem,
  compareMonth,
  jobsForImages,
  summariseBill,
} from '../../../src/domain/usage/billing'
import type { BillMonth } from '../../../src/domain/usage/billing'
import type { Usd } from '../../../src/domain/units'
import { readCostFile } from '../../../src/io/usageLog/costs'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

const isImageModel = (id: string) => findModel(PRICE_BOOK, id) !== undefined
const sample = (name: string) =>
  readFileSync(new URL(`../../../public/${name}`, import.meta.url), 'utf8')
const billOf = (text: string) => {
  const read = readCostFile(text)
  if (!read) throw new Error('not recognised')
  return { read, bill: summariseBill(read.lines, isImageModel, read.images) }
}
const HEADER =
  'start_time,end_time,amount_value,amount_currency,line_item,project_id,organization_id,project_name,organization_name'
// 2026-03-31, 2026-04-01 and 2026-04-02 at 00:00 UTC.
const MAR31 = 1774915200
const APR1 = 1775001600
const APR2 = 1775088000
const row = (start: number, amount: string, currency: string, line: string, project = 'p1') =>
  `${String(start)},${String(start + 86400)},${amount},${currency},"${line}",${project},org,${project},Org`

describe('classifyLineItem', () => {
  it.each([
    ['gpt-image-2 image, output', { kind: 'meter', model: 'gpt-image-2', meter: 'imageOutput' }],
    ['gpt-image-2 image, input', { kind: 'meter', model: 'gpt-image-2', meter: 'imageInput' }],
    ['GPT-Image-1 text, input', { kind: 'meter', model: 'gpt-image-1', meter: 'textInput' }],
    [
      'gpt-image-2 text, cached input',
      { kind: 'meter', model: 'gpt-image-2', meter: 'cachedTextInput' },
    ],
    [
      'gpt-image-2 image, cached input',
      { kind: 'meter', model: 'gpt-image-2', meter: 'cachedImageInput' },
    ],
    ['gpt-4o-2024-08-06, input', { kind: 'other', model: 'gpt-4o-2024-08-06' }],
    ['gpt-4o text, output', { kind: 'other', model: 'gpt-4o' }],
    ['web search tool calls', { kind: 'unknown' }],
    ['gpt-image-2, moderation', { kind: 'unknown' }],
    // A prototype member is no model of the price book.
    ['constructor image, output', { kind: 'other', model: 'constructor' }],
  ])('%s', (line, kind) => {
    expect(classifyLineItem(line, isImageModel)).toEqual(kind)
  })
  it('a row not grouped by line item is unknown', () => {
    expect(classifyLineItem(null, isImageModel)).toEqual({ kind: 'unknown' })
  })
})

describe('the cost export CSV', () => {
  it('is recognised by its header; a generation log is not', () => {
    expect(readCostFile(`${HEADER}\n`)?.format).toBe('cost export')
    expect(readCostFile('template,stage,status\nhero,final,accepted\n')).toBeNull()
  })

  it('splits the sample at the UTC month boundary, by meter, project, other and unknown', () => {
    const { read, bill } = billOf(sample('sample-cost-export.csv'))
    expect(read.skipped).toEqual([])
    expect(read.rowsRead).toBe(10)
    const [march, april] = bill.months
    // March: only the 31st, $1.20 of image output and $0.05 of text input.
    expect(march).toMatchObject({ month: '2026-03', daysInMonth: 31, daysCovered: 1 })
    expect(march?.firstDay).toBe('2026-03-31')
    expect(march?.usdByMeter.imageOutput).toBeCloseTo(1.2, 12)
    expect(march?.usdByMeter.textInput).toBeCloseTo(0.05, 12)
    expect(march?.imageUsd).toBeCloseTo(1.25, 12)
    // April 1 and 2: output 2.40 + 0.60 + 1.80 = 4.80, image in 0.16, text 0.10,
    // cached text 0.01; image total $5.07. The chat model and the tool calls apart.
    expect(april).toMatchObject({ month: '2026-04', daysInMonth: 30, daysCovered: 2 })
    expect([april?.firstDay, april?.lastDay]).toEqual(['2026-04-01', '2026-04-02'])
    expect(april?.usdByMeter.imageOutput).toBeCloseTo(4.8, 12)
    expect(april?.usdByMeter.imageInput).toBeCloseTo(0.16, 12)
    expect(april?.usdByMeter.textInput).toBeCloseTo(0.1, 12)
    expect(april?.usdByMeter.cachedTextInput).toBeCloseTo(0.01, 12)
    expect(april?.usdByMeter.cachedImageInput).toBe(0)
    expect(april?.imageUsd).toBeCloseTo(5.07, 12)
    expect(april?.other).toEqual([{ lineItem: 'gpt-4o-2024-08-06, input', usd: 0.3, rows: 1 }])
    expect(april?.unknown).toEqual([{ lineItem: 'web search tool calls', usd: 0.25, rows: 1 }])
    // Two projects: Web studio March $1.25, April 4.20 + 0.16 + 0.10 + 0.01 = $4.47;
    // Mobile app April $0.60 of image output.
    expect(bill.projects).toEqual(['Web studio', 'Mobile app'])
    expect(bill.byProject.map((m) => [m.month, m.project, m.imageUsd])).toEqual([
      ['2026-03', 'Web studio', expect.closeTo(1.25, 12)],
      ['2026-04', 'Web studio', expect.closeTo(4.47, 12)],
      ['2026-04', 'Mobile app', expect.closeTo(0.6, 12)],
    ])
  })

  it('keeps amounts in another currency apart, with a notice', () => {
    const text = [
      HEADER,
      row(APR1, '2.00', 'usd', 'gpt-image-2 image, output'),
      row(APR1, '1.50', 'EUR', 'gpt-image-2 image, output'),
      row(APR2, '0.50', 'eur', 'gpt-image-2 image, output'),
    ].join('\n')
    const { read, bill } = billOf(text)
    expect(bill.months[0]?.usdByMeter.imageOutput).toBe(2)
    expect(bill.months[0]?.foreign).toEqual([{ currency: 'eur', amount: 2, rows: 2 }])
    expect(read.notices).toEqual([
      {
        row: 3,
        message: '2 rows bill in EUR: shown in EUR beside the USD figures and never added to them.',
      },
    ])
    expect(bill.byProject).toEqual([]) // one project
  })

  it('lists malformed rows with their row number and reason, and counts the rest', () => {
    const text = [
      HEADER,
      row(APR1, '1.00', 'usd', 'gpt-image-2 image, output'),
      row(APR1, '-0.40', 'usd', 'gpt-image-2 image, output'),
      row(APR1, 'abc', 'usd', 'gpt-image-2 image, output'),
      row(APR1, '1e400', 'usd', 'gpt-image-2 image, output'),
      row(APR1, '0.10', '', 'gpt-image-2 image, output'),
      `yesterday,${String(APR2)},0.2,usd,"gpt-image-2 image, output",p1,org,p1,Org`,
      `${String(APR1)},${String(APR2)},0.3,usd`,
    ].join('\n')
    const { read, bill } = billOf(text)
    expect(read.rowsRead).toBe(7)
    expect(read.skipped.map((s) => s.row)).toEqual([3, 4, 5, 6, 7, 8])
    expect(read.skipped[0]?.reason).toBe(
      'amount_value is negative ("-0.40"): a cost is 0 or more, so the row is left out.',
    )
    expect(read.skipped[1]?.reason).toBe(
      'amount_value must be a number from 0 to 1,000,000,000, like 0.06; it is "abc".',
    )
    expect(read.skipped[2]?.reason).toMatch(/^amount_value must be a number/)
    expect(read.skipped[3]?.reason).toMatch(/^amount_currency must be a three-letter currency code/)
    expect(read.skipped[4]?.reason).toMatch(/^start_time must be Unix seconds \(UTC\)/)
    expect(read.skipped[5]?.reason).toMatch(/^The row has 4 cells but the header has 9/)
    expect(bill.months[0]?.imageUsd).toBe(1)
  })

  it('a file of no known shape names the shapes recognised', () => {
    const parsed = parseUsageLog('foo,bar\n1,2\n')
    expect(parsed.error).toContain('the OpenAI cost export CSV')
    expect(parsed.error).toContain('Costs API pages')
  })
})

describe('Costs API pages', () => {
  it('reads the sample page: April 30 and May 1 apart', () => {
    const { read, bill } = billOf(sample('sample-costs-api.json'))
    expect(read.format).toBe('costs api')
    expect(read.skipped).toEqual([])
    const [april, may] = bill.months
    // April 30: $0.90 of output (30,000 tokens at $30/M) and $0.02 of text input.
    expect(april).toMatchObject({ month: '2026-04', daysCovered: 1, daysInMonth: 30 })
    expect(april?.imageUsd).toBeCloseTo(0.92, 12)
    // May 1: output 0.60 (gpt-image-2) + 0.40 (gpt-image-1), image input 0.08.
    expect(may).toMatchObject({ month: '2026-05', daysCovered: 1, daysInMonth: 31 })
    expect(may?.usdByMeter.imageOutput).toBeCloseTo(1, 12)
    expect(may?.usdByMeter.imageInput).toBeCloseTo(0.08, 12)
    expect(may?.imageModels.map((m) => [m.model, m.usd])).toEqual([
      ['gpt-image-2', expect.closeTo(0.68, 12)],
      ['gpt-image-1', 0.4],
    ])
    expect(bill.projects).toEqual([])
  })

  const page = (start: number, results: string[]) =>
    `{"object":"page","data":[{"object":"bucket","start_time":${String(start)},"end_time":${String(start + 86400)},"results":[${results.join(',')}]}],"has_more":false,"next_page":null}`
  const result = (value: string, line: string, project = 'null', currency = '"usd"') =>
    `{"object":"organization.costs.result","amount":{"value":${value},"currency":${currency}},"line_item":${line},"project_id":${project}}`

  it('reads an array of pages and JSON Lines of pages alike, by project', () => {
    const pages = [
      page(MAR31, [result('0.3', '"gpt-image-2 image, output"', '"proj_a"')]),
      page(APR1, [
        result('0.6', '"gpt-image-2 image, output"', '"proj_a"'),
        result('0.9', '"gpt-image-2 image, output"', '"proj_b"'),
        result('0.2', 'null', '"proj_b"'),
      ]),
    ]
    for (const text of [`[${pages.join(',')}]`, pages.join('\n')]) {
      const { read, bill } = billOf(text)
      expect(read.skipped).toEqual([])
      expect(bill.months.map((m) => [m.month, m.imageUsd])).toEqual([
        ['2026-03', 0.3],
        ['2026-04', expect.closeTo(1.5, 12)],
      ])
      // A result not grouped by line item is listed, never dropped.
      expect(bill.months[1]?.unknown).toEqual([{ lineItem: '(no line item)', usd: 0.2, rows: 1 }])
      expect(bill.byProject.map((m) => [m.month, m.project, m.imageUsd])).toEqual([
        ['2026-03', 'proj_a', 0.3],
        ['2026-04', 'proj_a', 0.6],
        ['2026-04', 'proj_b', 0.9],
      ])
    }
  })

  it('lists a bad result by its place, and a line that is not JSON', () => {
    const text = [
      page(APR1, [
        result('"x"', '"gpt-image-2 image, output"'),
        result('-1', '"gpt-image-2 image, output"'),
      ]),
      '{"object":"page", broken',
      page(APR2, [result('0.5', '"gpt-image-2 image, output"', 'null', '"jpy"')]),
    ].join('\n')
    const { read, bill } = billOf(text)
    expect(read.skipped).toEqual([
      {
        row: 1,
        reason:
          'Line 1, bucket 1, result 1: amount.value must be a number from 0 to 1,000,000,000, like 0.06; it is "x".',
      },
      {
        row: 2,
        reason:
          'Line 1, bucket 1, result 2: amount.value is negative (-1): a cost is 0 or more, so the row is left out.',
      },
      {
        row: 3,
        reason: 'Line 2 is not JSON (each line must be one whole page), so it is left out.',
      },
    ])
    expect(bill.months[0]?.foreign).toEqual([{ currency: 'jpy', amount: 0.5, rows: 1 }])
    expect(bill.months[0]?.imageUsd).toBe(0)
  })
})

describe('compareMonth', () => {
  it('compares a partial month with the same share of the estimate', () => {
    const { bill } = billOf(sample('sample-cost-export.csv'))
    const april = bill.months[1] as BillMonth
    const estimate = {
      textInput: 3,
      cachedTextInput: 0,
      imageInput: 1.5,
      cachedImageInput: 0,
      imageOutput: 60,
    } as Record<keyof BillMonth['usdByMeter'], Usd>
    // 2 of 30 days: estimate x 1/15 -> text 0.20, image in 0.10, output 4.00; total 4.30.
    const c = compareMonth(april, estimate)
    expect(c.proRata).toBeCloseTo(1 / 15, 12)
    const output = c.meters.find((m) => m.meter === 'imageOutput')
    expect(output?.estimateUsd).toBeCloseTo(4, 12)
    expect(output?.differenceUsd).toBeCloseTo(0.8, 12)
    expect(output?.differenceShare).toBeCloseTo(0.2, 12)
    expect(c.total.estimateUsd).toBeCloseTo(4.3, 12)
    expect(c.total.billedUsd).toBeCloseTo(5.07, 12)
    expect(c.total.differenceUsd).toBeCloseTo(0.77, 12)
    // Cached text: $0.01 billed against a $0 estimate has no percent.
    expect(c.meters.find((m) => m.meter === 'cachedTextInput')?.differenceShare).toBeNull()
  })
})

describe('Usage API pages for images', () => {
  it('reads the sample: May 1 and 2, by model, size and source', () => {
    const { read, bill } = billOf(sample('sample-usage-images.json'))
    expect(read.format).toBe('usage api')
    expect(read.skipped).toEqual([])
    expect(bill.months).toEqual([])
    const [may] = bill.images
    // 120 + 30 + 80 + 10 = 240 images in 40 + 30 + 20 + 10 = 100 requests.
    expect(may).toMatchObject({ month: '2026-05', daysCovered: 2, daysInMonth: 31 })
    expect([may?.images, may?.requests]).toEqual([240, 100])
    expect(may?.kinds).toEqual([
      {
        model: 'gpt-image-2',
        size: '1024x1024',
        source: 'image.generation',
        images: 200,
        requests: 60,
      },
      { model: 'gpt-image-2', size: '1536x1024', source: 'image.edit', images: 30, requests: 30 },
      {
        model: 'gpt-image-1',
        size: '1024x1024',
        source: 'image.generation',
        images: 10,
        requests: 10,
      },
    ])
    // 240 images in 2 of 31 days: 3,720 a month. The example scenario bills 6,325 images
    // for 1,000 jobs (6.325 a job): 3,720 / 6.325 = 588.1 -> 588 jobs.
    expect(may && jobsForImages(may, 6325, 1000)).toEqual({ jobs: 588, monthImages: 3720 })
  })

  it('lists a result with a bad count or source', () => {
    const page = (results: string) =>
      `{"object":"page","data":[{"object":"bucket","start_time":${String(APR1)},"end_time":${String(APR2)},"results":[${results}]}]}`
    const r = (images: string, source: string) =>
      `{"object":"organization.usage.images.result","images":${images},"num_model_requests":1,"size":null,"source":${source},"model":null}`
    const { read, bill } = billOf(
      page([r('2.5', 'null'), r('3', '"image.magic"'), r('4', 'null')].join(',')),
    )
    expect(read.skipped).toEqual([
      {
        row: 1,
        reason:
          'The page, bucket 1, result 1: images must be a whole number from 0 to 1,000,000,000.',
      },
      {
        row: 2,
        reason:
          'The page, bucket 1, result 2: source must be image.generation, image.edit or image.variation; it is "image.magic".',
      },
    ])
    expect(bill.images[0]?.kinds).toEqual([
      { model: null, size: null, source: null, images: 4, requests: 1 },
    ])
  })
})
