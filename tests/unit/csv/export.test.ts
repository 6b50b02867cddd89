import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../../src/domain/model'
import { blankStage } from '../../../src/domain/model'
import { exportScenariosCsv } from '../../../src/io/csv/export'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { PRICE_BOOK } from '../../../src/presets/priceBook'
import { defaultScenario } from '../../../src/presets/defaultScenario'

const HEADER =
  'format_version,scenario,model,jobs_per_month,batch,price_text_input,price_cached_text_input,' +
  'price_image_input,price_cached_image_input,price_image_output,prices_checked_on,' +
  'users_per_month,max_images_per_user,monthly_growth,start_month,stage,quality,auto_billed_as,' +
  'size,images_per_job,' +
  'outputs_per_request,reach_share,retry_multiplier,prompt_tokens,reference_images,' +
  'reference_image_tokens,cached_input_share,partial_images,delivers_final,' +
  'output_tokens_per_image,stage_monthly_cost_usd,scenario_monthly_cost_usd,cost_per_job_usd,' +
  'cost_per_kept_image_all_stages_usd,cost_per_delivered_image_usd,custom_model'

/** gpt-image-2's list prices, USD per 1M tokens: text, cached text, image, cached image, output. */
const LIST_PRICES = '5,1.25,8,2,30'

const one = (name: string, stageName = 'Draft'): Scenario => ({
  name,
  modelId: 'gpt-image-2',
  jobsPerMonth: 10,
  batch: false,
  stages: [{ ...blankStage(stageName), quality: 'low' }],
})

/** The data lines of an export whose cells hold no quoted line breaks. */
const lines = (csv: string): string[] => csv.split('\r\n').slice(1, -1)

describe('exportScenariosCsv', () => {
  it('writes a byte-order mark, the header in the documented order, CRLF line endings, a final line break', () => {
    const csv = exportScenariosCsv([defaultScenario()], PRICE_BOOK)
    // Excel on Windows reads a file without the mark in the local code page and garbles "é".
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${HEADER}`)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(lines(csv)).toHaveLength(2)
  })

  it('writes every field of a row, its prices and finals explicitly, and hand-computed costs', () => {
    // Draft: 1000 jobs x 4 images x 1.5 = 6000 images; 6000 x 196 tokens x $30/M = $35.28,
    //   plus 6000 x 120 prompt tokens x $5/M = $3.60: $38.88.
    // Final: 250 jobs x 1.3 = 325 images; 325 x 5488 x $30/M = $53.508, plus 325 x 120 x $5/M
    //   = $0.195: $53.703. Month: $92.583; per job $0.092583; kept images 4000 + 250 = 4250,
    //   of which the 250 finals are delivered: $92.583 / 250 = $0.370332.
    const csv = exportScenariosCsv([defaultScenario()], PRICE_BOOK)
    const [draft, final] = lines(csv).map((l) => l.split(','))
    expect(draft!.slice(0, 29)).toEqual(
      `3,Draft + final (example),gpt-image-2,1000,false,${LIST_PRICES},,,,,,Draft,low,high,1024x1024,4,1,1,1.5,120,0,1024,0,0,false`.split(
        ',',
      ),
    )
    expect(final!.slice(0, 15)).toEqual(draft!.slice(0, 15))
    expect(final!.slice(15, 29)).toEqual(
      'Final,high,high,1536x1024,1,1,0.25,1.3,120,0,1024,0,0,true'.split(','),
    )
    const computed = (row: string[]) => row.slice(29, 35).map(Number)
    expect(computed(draft!)[0]).toBe(196)
    expect(computed(final!)[0]).toBe(5488)
    expect(computed(draft!)[1]).toBeCloseTo(38.88, 10)
    expect(computed(final!)[1]).toBeCloseTo(53.703, 10)
    for (const row of [draft!, final!]) {
      expect(computed(row)[2]).toBeCloseTo(92.583, 10)
      expect(computed(row)[3]).toBeCloseTo(0.092583, 12)
      expect(computed(row)[4]).toBeCloseTo(92.583 / 4250, 12)
      expect(computed(row)[5]).toBeCloseTo(0.370332, 12)
    }
  })

  it("writes a stage's own delivers_final choice over the default rule", () => {
    const s = defaultScenario()
    s.stages = s.stages.map((st) => ({ ...st, deliversFinal: true }))
    const rows = lines(exportScenariosCsv([s], PRICE_BOOK)).map((l) => l.split(','))
    expect(rows.map((r) => r[28])).toEqual(['true', 'true'])
    // Both stages deliver: 4000 + 250 = 4250 images, $92.583 / 4250 each.
    expect(Number(rows[0]![34])).toBeCloseTo(92.583 / 4250, 12)
  })

  it('leaves the prices blank only for a model this app does not price', () => {
    const row = lines(exportScenariosCsv([{ ...one('S'), modelId: 'dall-e-9' }], PRICE_BOOK))[0]!
    expect(row.split(',').slice(2, 10)).toEqual(['dall-e-9', '10', 'false', '', '', '', '', ''])
  })

  it('writes price overrides, the prices date and quotas; blanks where unset', () => {
    const s: Scenario = {
      ...one('S'),
      batch: true,
      prices: { cachedTextInput: 0.625, imageOutput: 28.5 },
      pricesCheckedOn: '2026-04-28',
      usersPerMonth: 150,
      maxImagesPerUser: 100,
    }
    const row = lines(exportScenariosCsv([s], PRICE_BOOK))[0]!.split(',')
    // The overrides, and the list price of every meter not overridden.
    expect(row.slice(4, 13)).toEqual([
      'true',
      '5',
      '0.625',
      '8',
      '2',
      '28.5',
      '2026-04-28',
      '150',
      '100',
    ])
  })

  it('writes the growth as a fraction and the starting month, and reads them back', () => {
    const s: Scenario = { ...one('S'), monthlyGrowth: -0.05, startMonth: '2027-01' }
    const csv = exportScenariosCsv([s], PRICE_BOOK)
    const row = lines(csv)[0]!.split(',')
    expect(row.slice(13, 15)).toEqual(['-0.05', '2027-01'])
    expect(importScenariosCsv(csv, PRICE_BOOK).scenarios[0]!.scenario).toEqual(s)
  })

  it('leaves computed columns blank when the scenario does not compute', () => {
    const s = one('S')
    s.stages[0]!.width = 1000 // not a multiple of 16
    const row = lines(exportScenariosCsv([s], PRICE_BOOK))[0]!.split(',')
    expect(row.slice(29)).toEqual(['', '', '', '', '', '', ''])
    expect(row[18]).toBe('1000x1024')
    // Its only stage is the last, so it delivers, computed or not.
    expect(row[28]).toBe('true')
  })

  it('writes numbers at full precision', () => {
    const s = one('S')
    s.stages[0]!.reachShare = 0.1 + 0.2
    s.stages[0]!.cachedInputShare = 1e-7
    const row = lines(exportScenariosCsv([s], PRICE_BOOK))[0]!.split(',')
    expect(row[21]).toBe('0.30000000000000004')
    expect(row[26]).toBe('1e-7')
  })
})

describe('exportScenariosCsv: formula escaping', () => {
  // One test per prefix a spreadsheet would evaluate: = + - @ tab CR.
  it.each([
    ['=', '=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+', '+1+2', '"\'+1+2"'],
    ['-', '-2+3', '"\'-2+3"'],
    ['@', '@SUM(A1)', '"\'@SUM(A1)"'],
    ['tab', '\t=1', '"\'\t=1"'],
    ['CR', '\r=1', '"\'\r=1"'],
  ])('escapes a name starting with %s, and import gives it back', (_prefix, name, cell) => {
    const csv = exportScenariosCsv([one(name, name)], PRICE_BOOK)
    const row = csv.slice(csv.indexOf('\r\n') + 2)
    expect(row.startsWith(`3,${cell},gpt-image-2,10,false,`)).toBe(true)
    expect(row).toContain(`,${LIST_PRICES},,,,,,${cell},low,`)
    const back = importScenariosCsv(csv, PRICE_BOOK)
    expect(back.problems).toEqual([])
    expect(back.scenarios[0]!.scenario).toEqual(one(name, name))
  })

  // A spreadsheet that trims the cell, or reads full-width signs as ASCII, would run these too.
  it.each([
    ['a space', ' =1+1', '"\' =1+1"'],
    ['a line break', '\n+1', '"\'\n+1"'],
    ['a no-break space', '\u00a0@SUM(A1)', '"\'\u00a0@SUM(A1)"'],
    ['full-width =', '\uff1dSUM(A1)', '"\'\uff1dSUM(A1)"'],
    ['full-width +', '\uff0b1', '"\'\uff0b1"'],
    ['full-width -', '\uff0d1', '"\'\uff0d1"'],
    ['full-width @', '\uff20A1', '"\'\uff20A1"'],
    ['spaces and full-width =', '  \uff1d1', '"\'  \uff1d1"'],
  ])('escapes a name starting with %s, and import gives it back', (_what, name, cell) => {
    const csv = exportScenariosCsv([one(name, name)], PRICE_BOOK)
    expect(csv).toContain(`,${cell},gpt-image-2,`)
    expect(csv).toContain(`,${cell},low,`)
    const back = importScenariosCsv(csv, PRICE_BOOK)
    expect(back.problems).toEqual([])
    expect(back.scenarios[0]!.scenario).toEqual(one(name, name))
  })

  it('leaves a name alone when white space is not followed by a formula start', () => {
    const csv = exportScenariosCsv([one(' plain', ' a=b')], PRICE_BOOK)
    // Quoted, as papaparse quotes any cell with white space at either end, but not escaped.
    const row = lines(csv)[0]!.split(',')
    expect(row[1]).toBe('" plain"')
    expect(row[15]).toBe('" a=b"')
    expect(importScenariosCsv(csv, PRICE_BOOK).scenarios[0]!.scenario).toEqual(
      one(' plain', ' a=b'),
    )
  })

  it('escapes a formula that continues after a line break (papaparse alone would not)', () => {
    const csv = exportScenariosCsv([one('=1+1\nfollowed by text')], PRICE_BOOK)
    expect(csv).toContain(',"\'=1+1\nfollowed by text",')
  })

  it('escapes a model id as text too', () => {
    const csv = exportScenariosCsv([{ ...one('S'), modelId: '=cmd' }], PRICE_BOOK)
    expect(lines(csv)[0]!.split(',')[2]).toBe('"\'=cmd"')
  })

  it('adds one more quote to a name that already starts with quotes before a formula', () => {
    const csv = exportScenariosCsv([one("'=already", "''+twice")], PRICE_BOOK)
    expect(csv).toContain(`,"''=already",`)
    expect(csv).toContain(`,"'''+twice",`)
    expect(importScenariosCsv(csv, PRICE_BOOK).scenarios[0]!.scenario).toEqual(
      one("'=already", "''+twice"),
    )
  })

  it('leaves other text alone, and never escapes a number, even a negative one', () => {
    const s = one("it's fine", 'a=b')
    s.jobsPerMonth = -5
    s.stages[0]!.imagesPerJob = -0.5
    const row = lines(exportScenariosCsv([s], PRICE_BOOK))[0]!.split(',')
    expect(row[1]).toBe("it's fine")
    expect(row[3]).toBe('-5')
    expect(row[15]).toBe('a=b')
    expect(row[19]).toBe('-0.5')
  })

  it('writes a non-finite number as escaped text, so a file never holds a bare -Infinity', () => {
    const s = one('S')
    s.jobsPerMonth = Number.NEGATIVE_INFINITY
    s.stages[0]!.imagesPerJob = Number.NaN
    const row = lines(exportScenariosCsv([s], PRICE_BOOK))[0]!.split(',')
    expect(row[3]).toBe('"\'-Infinity"')
    expect(row[19]).toBe('NaN')
  })
})

describe('tests/fixtures/csv/v1-example.csv (format version 1, frozen)', () => {
  const v1 = readFileSync(new URL('../../fixtures/csv/v1-example.csv', import.meta.url), 'utf8')
  const v2 = readFileSync(new URL('../../fixtures/csv/v2-example.csv', import.meta.url), 'utf8')
  const v3 = readFileSync(new URL('../../../public/example-scenarios.csv', import.meta.url), 'utf8')

  it('still imports, without a word about its retired computed column', () => {
    const r = importScenariosCsv(v1, PRICE_BOOK)
    expect(r.problems).toEqual([])
    expect(r.scenarios.map((s) => [s.name, s.firstRow, s.lastRow])).toEqual([
      ['Blog illustrations: draft + final', 2, 3],
      ['Marketplace listings: photo edits', 4, 5],
    ])
  })

  it('reads as the same scenarios as the version-2 example, blank prices at list price', () => {
    const scenarios = importScenariosCsv(v1, PRICE_BOOK).scenarios.map((s) => s.scenario)
    expect(scenarios).toEqual(importScenariosCsv(v2, PRICE_BOOK).scenarios.map((s) => s.scenario))
    // No price overrides and no pinned finals: both follow this app, as they did when written.
    expect(scenarios.map((s) => s.prices)).toEqual([undefined, undefined])
    expect(scenarios.flatMap((s) => s.stages.map((st) => st.deliversFinal))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(exportScenariosCsv(scenarios, PRICE_BOOK)).toBe(v3)
  })
})

describe('tests/fixtures/csv/v2-example.csv (format version 2, frozen)', () => {
  const v2 = readFileSync(new URL('../../fixtures/csv/v2-example.csv', import.meta.url), 'utf8')
  const v3 = readFileSync(new URL('../../../public/example-scenarios.csv', import.meta.url), 'utf8')

  it('still imports, to the scenarios of the version-3 example', () => {
    const r = importScenariosCsv(v2, PRICE_BOOK)
    expect(r.problems).toEqual([])
    expect(r.models).toBeUndefined()
    expect(r.scenarios.map((s) => s.scenario)).toEqual(
      importScenariosCsv(v3, PRICE_BOOK).scenarios.map((s) => s.scenario),
    )
  })
})

describe('public/example-scenarios.csv', () => {
  const text = readFileSync(
    new URL('../../../public/example-scenarios.csv', import.meta.url),
    'utf8',
  )

  it('imports cleanly as two scenarios', () => {
    const r = importScenariosCsv(text, PRICE_BOOK)
    expect(r.problems).toEqual([])
    expect(r.scenarios.map((s) => [s.name, s.firstRow, s.lastRow])).toEqual([
      ['Blog illustrations: draft + final', 2, 3],
      ['Marketplace listings: photo edits', 4, 5],
    ])
  })

  it('is exactly what the app exports for those scenarios', () => {
    const scenarios = importScenariosCsv(text, PRICE_BOOK).scenarios.map((s) => s.scenario)
    expect(exportScenariosCsv(scenarios, PRICE_BOOK)).toBe(text)
  })

  it('holds hand-checked costs', () => {
    // Listings, batch (x0.5). Background edit: 2000 x 3 x 1.2 = 7200 images.
    //   output 7200 x 1372 x $30/M x 0.5 = $148.176
    //   prompt 7200 x 200 = 1.44M tokens, half cached: 0.72M x $5/M x 0.5 + 0.72M x $1.25/M x 0.5
    //     = $1.80 + $0.45
    //   reference 7200 x 1024 = 7,372,800 tokens, half cached: x $8/M x 0.5 and x $2/M x 0.5
    //     = $14.7456 + $3.6864; stage $168.858
    // Hero image: 400 jobs x 1.5 = 600 images. output 600 x 7024 x $30/M x 0.5 = $63.216;
    //   prompt 120,000 x $5/M x 0.5 = $0.30; reference 614,400 x $8/M x 0.5 = $2.4576;
    //   stage $65.9736. Month $234.8316; per job /2000; kept 6000 + 400 = 6400, of which the
    //   400 hero images are delivered (the edits before them are medium, so drafts).
    // Blog: $92.583 over 250 delivered finals.
    const rows = lines(text).map((l) => l.split(',').slice(29, 35).map(Number))
    const expected = [
      [196, 38.88, 92.583, 0.092583, 92.583 / 4250, 0.370332],
      [5488, 53.703, 92.583, 0.092583, 92.583 / 4250, 0.370332],
      [1372, 168.858, 234.8316, 0.1174158, 234.8316 / 6400, 0.587079],
      [7024, 65.9736, 234.8316, 0.1174158, 234.8316 / 6400, 0.587079],
    ]
    rows.forEach((row, i) => {
      row.forEach((value, j) => {
        expect(value).toBeCloseTo(expected[i]![j]!, 10)
      })
    })
  })
})
