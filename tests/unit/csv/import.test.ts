import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Stage } from '../../../src/domain/model'
import { checkCsvSize } from '../../../src/io/csv/format'
import type { CsvImportResult, CsvProblem } from '../../../src/io/csv/format'
import { MAX_CSV_BYTES } from '../../../src/io/csv/format'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

/** Read as the app reads a File (File.text() decodes UTF-8, keeping a BOM as U+FEFF). */
const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8')

const load = (name: string): CsvImportResult => importScenariosCsv(fixture(name), PRICE_BOOK)

/** A stage with every optional column at its documented default. */
function defaults(stage: Partial<Stage> & Pick<Stage, 'name' | 'quality'>): Stage {
  return {
    autoBilledAs: 'high',
    width: 1024,
    height: 1024,
    imagesPerJob: 1,
    outputsPerRequest: 1,
    reachShare: 1,
    retryMultiplier: 1,
    promptTokens: 0,
    referenceImages: 0,
    referenceImageTokens: 0,
    cachedInputShare: 0,
    partialImages: 0,
    ...stage,
  }
}

const error = (row: number | null, column: string | null, message: string): CsvProblem => ({
  row,
  column,
  message,
  severity: 'error',
})

describe('importScenariosCsv: files that read cleanly', () => {
  it('skips a UTF-8 BOM and fills optional columns with their defaults (bom.csv, LF)', () => {
    const r = load('bom.csv')
    expect(r.problems).toEqual([])
    expect(r.delimiter).toBe(',')
    expect(r.scenarios).toEqual([
      {
        name: 'Blog',
        firstRow: 2,
        lastRow: 3,
        errors: [],
        scenario: {
          name: 'Blog',
          modelId: 'gpt-image-2',
          jobsPerMonth: 1000,
          batch: false,
          stages: [
            defaults({ name: 'Draft', quality: 'low', imagesPerJob: 4, retryMultiplier: 1.5 }),
            defaults({
              name: 'Final',
              quality: 'high',
              width: 1536,
              retryMultiplier: 1.3,
            }),
          ],
        },
      },
    ])
  })

  it('reads every input column of a CRLF file (crlf.csv)', () => {
    const r = load('crlf.csv')
    // Its one price that differs from the list is kept, and the preview says so.
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'price_image_output',
        message:
          "Scenario \"Listings\" is priced differently from this app's list prices for gpt-image-2, in USD per 1M tokens: image output 28.5 (list 30). The file's prices are kept as the scenario's own, so its totals are the file's.",
        severity: 'notice',
      },
    ])
    expect(r.scenarios.map((s) => s.scenario)).toEqual([
      {
        name: 'Listings',
        modelId: 'gpt-image-2',
        jobsPerMonth: 2000,
        batch: true,
        prices: { imageOutput: 28.5 },
        pricesCheckedOn: '2026-04-28',
        usersPerMonth: 150,
        maxImagesPerUser: 100,
        stages: [
          {
            name: 'Background edit',
            quality: 'medium',
            autoBilledAs: 'high',
            width: 1024,
            height: 1536,
            imagesPerJob: 3,
            outputsPerRequest: 1,
            reachShare: 1,
            retryMultiplier: 1.2,
            promptTokens: 200,
            referenceImages: 1,
            referenceImageTokens: 1024,
            cachedInputShare: 0.5,
            partialImages: 0,
          },
          {
            name: 'Hero image',
            quality: 'auto',
            autoBilledAs: 'medium',
            width: 1024,
            height: 1024,
            imagesPerJob: 1,
            outputsPerRequest: 2,
            reachShare: 0.2,
            retryMultiplier: 1.5,
            promptTokens: 200,
            referenceImages: 1,
            referenceImageTokens: 1024,
            cachedInputShare: 0,
            partialImages: 2,
          },
        ],
      },
    ])
  })

  it('reads semicolons and decimal commas, and still reads a dot (semicolon-decimal-comma.csv)', () => {
    const r = load('semicolon-decimal-comma.csv')
    expect(r.problems).toEqual([])
    expect(r.delimiter).toBe(';')
    expect(r.decimalComma).toBe(true)
    const s = r.scenarios[0]!.scenario
    expect(s.name).toBe('Drafts, then finals')
    // FALSE: spreadsheets upper-case booleans when they save.
    expect(s.batch).toBe(false)
    expect(s.stages.map((st) => st.name)).toEqual(['Draft, low', 'Final'])
    expect(s.stages.map((st) => st.retryMultiplier)).toEqual([1.5, 1.3])
    expect(s.stages[1]).toMatchObject({ reachShare: 0.25, cachedInputShare: 0.125 })
  })

  it('keeps commas, doubled quotes and line breaks inside quoted names (quoted-names.csv)', () => {
    const r = load('quoted-names.csv')
    expect(r.problems).toEqual([])
    expect(r.scenarios).toHaveLength(1)
    const s = r.scenarios[0]!
    expect(s.name).toBe('Posters, large "hero" format')
    expect(s.scenario.stages.map((st) => st.name)).toEqual(['Draft\nround 1', 'Final, "approved"'])
    // The line break inside a quoted name does not start a new spreadsheet row.
    expect([s.firstRow, s.lastRow]).toEqual([2, 3])
  })

  it("undoes the app's own formula escaping, and only that (formula-names.csv)", () => {
    const r = load('formula-names.csv')
    expect(r.problems).toEqual([])
    expect(r.scenarios.map((s) => s.name)).toEqual(['=SUM(A1:A9)', '@handle', "'=quoted"])
    expect(r.scenarios.flatMap((s) => s.scenario.stages.map((st) => st.name))).toEqual([
      '+draft',
      '-final',
      '\tindented',
      '\rcarriage',
      "plain 'quote",
    ])
  })

  it('skips blank lines but counts them, as a spreadsheet shows rows (trailing-empty-lines.csv)', () => {
    const r = load('trailing-empty-lines.csv')
    expect(r.problems).toEqual([])
    // Row 3 is empty and row 4 holds only commas; B is on row 5.
    expect(r.scenarios.map((s) => [s.name, s.firstRow, s.lastRow])).toEqual([
      ['A', 2, 2],
      ['B', 5, 5],
    ])
  })

  it('matches headers in any order and case, ignores computed columns, notes unknown ones', () => {
    const r = load('reordered-columns.csv')
    expect(r.problems).toEqual([
      {
        row: 1,
        column: 'notes',
        message: 'Column "notes" (column D) is not part of the format; its values were ignored.',
        severity: 'notice',
      },
    ])
    expect(r.scenarios[0]!.errors).toEqual([])
    expect(r.scenarios[0]!.scenario).toEqual({
      name: 'Blog',
      modelId: 'gpt-image-2',
      jobsPerMonth: 1000,
      batch: false,
      stages: [defaults({ name: 'Draft', quality: 'low', imagesPerJob: 4, retryMultiplier: 1.5 })],
    })
  })
})

describe('importScenariosCsv: one fixture per kind of error, with row, column and reason', () => {
  it.each<[string, CsvProblem]>([
    [
      'error-non-numeric.csv',
      error(
        2,
        'jobs_per_month',
        'jobs_per_month must be a number with a dot decimal and no thousands separators, like 1200 or 0.25; it is "1,200".',
      ),
    ],
    [
      'error-out-of-range.csv',
      error(
        3,
        'reach_share',
        'Share of jobs reaching this stage must be at most 100%; it is 150%. In the file, shares are fractions from 0 to 1: write 0.25 for 25%.',
      ),
    ],
    [
      'error-unknown-model.csv',
      error(
        2,
        'model',
        'Model "dall-e-3" is not in the price book; choose one of gpt-image-2, gpt-image-1.5, gpt-image-1-mini, gpt-image-1.',
      ),
    ],
    [
      'error-unsupported-size.csv',
      error(
        2,
        'size',
        'gpt-image-1.5 makes only 1024x1024, 1024x1536, 1536x1024; 2048x2048 is not one of them.',
      ),
    ],
    [
      'error-scenario-disagree.csv',
      error(
        3,
        'jobs_per_month',
        'jobs_per_month is 2000 here but 1000 on row 2, the first row of scenario "S"; every row of a scenario must repeat its model, jobs, batch, prices, prices date and quotas.',
      ),
    ],
    [
      'error-not-consecutive.csv',
      error(
        4,
        'scenario',
        'Scenario "A" already appeared on row 2; a scenario\'s rows must be consecutive, so move this row up next to them.',
      ),
    ],
    [
      'error-missing-value.csv',
      error(
        2,
        'retry_multiplier',
        'retry_multiplier is blank; every row needs it: billed attempts per kept image, at least 1, like 1.2.',
      ),
    ],
    [
      'error-bad-boolean.csv',
      error(2, 'batch', 'batch must be true or false (blank means false); it is "yes".'),
    ],
    [
      'error-bad-date.csv',
      error(
        2,
        'prices_checked_on',
        'prices_checked_on must be a date written YYYY-MM-DD, like 2026-04-28; it is "28/04/2026".',
      ),
    ],
    [
      'error-bad-size-format.csv',
      error(
        2,
        'size',
        'size must be WIDTHxHEIGHT in whole pixels, like 1536x1024; it is "1536*1024".',
      ),
    ],
    [
      'error-bad-quality.csv',
      error(2, 'quality', 'quality must be low, medium, high or auto; it is "ultra".'),
    ],
    [
      'error-format-version.csv',
      error(
        2,
        'format_version',
        'format_version must be 1, 2 or 3, the CSV format versions this app reads; it is "4".',
      ),
    ],
    [
      'error-unclosed-quote.csv',
      error(
        2,
        null,
        'A quoted value that starts on this row is never closed (a value that starts with " must end with "), so the rest of the file was read into it.',
      ),
    ],
  ])('%s', (name, expected) => {
    const r = load(name)
    expect(r.problems).toEqual([expected])
    // The problem also stops the scenario holding that row, and only that one.
    const holding = r.scenarios.filter((s) => s.errors.length > 0)
    expect(holding).toHaveLength(1)
    expect(holding[0]!.errors).toEqual([expected])
  })

  it('keeps the other scenarios of a file importable', () => {
    const r = load('error-not-consecutive.csv')
    expect(r.scenarios.map((s) => [s.name, s.firstRow, s.lastRow, s.errors.length])).toEqual([
      ['A', 2, 4, 1],
      ['B', 3, 3, 0],
    ])
  })

  it('reports a missing required column on the header row and imports nothing', () => {
    const r = load('error-missing-column.csv')
    expect(r.scenarios).toEqual([])
    expect(r.problems).toEqual([
      error(
        1,
        'size',
        'The header has no size column; it is required: WIDTHxHEIGHT in pixels, like 1536x1024.',
      ),
    ])
  })

  it('reports a column named twice and imports nothing', () => {
    const r = load('error-duplicate-column.csv')
    expect(r.scenarios).toEqual([])
    expect(r.problems).toEqual([
      error(1, 'quality', 'Column quality appears twice (columns E and I); keep one of them.'),
    ])
  })
})

describe('importScenariosCsv: files rejected as a whole', () => {
  it.each([
    ['error-empty.csv', 'The file is empty.'],
    ['error-whitespace-only.csv', 'The file is empty.'],
    [
      'error-binary-nul.csv',
      'The file contains NUL bytes, so it is not a CSV text file (it may be a workbook, an image, or UTF-16 text). Save it as "CSV UTF-8" and import that.',
    ],
    [
      'error-binary-controls.csv',
      'The file is mostly not text, so it is not a CSV. Save it as "CSV UTF-8" and import that.',
    ],
  ])('%s', (name, message) => {
    expect(load(name)).toEqual({
      scenarios: [],
      problems: [error(null, null, message)],
      delimiter: ',',
      decimalComma: false,
    })
  })

  it('rejects a first row that is not a header (error-no-header.csv)', () => {
    const r = load('error-no-header.csv')
    expect(r.scenarios).toEqual([])
    expect(r.problems).toEqual([
      error(
        1,
        null,
        'Row 1 is not a header this app recognises. The first row must name the columns, among them scenario, model, jobs_per_month, stage, quality, size, images_per_job, retry_multiplier; export a file from the app to see the format.',
      ),
    ])
  })

  it('rejects a header with no rows below it', () => {
    const r = importScenariosCsv(
      'scenario,model,jobs_per_month,stage,quality,size,images_per_job,retry_multiplier\r\n',
      PRICE_BOOK,
    )
    expect(r.scenarios).toEqual([])
    expect(r.problems).toEqual([
      error(null, null, 'The file has a header but no scenario rows below it.'),
    ])
  })

  it('rejects text over 50 MB without parsing it', () => {
    const r = importScenariosCsv('a'.repeat(MAX_CSV_BYTES + 1), PRICE_BOOK)
    expect(r.problems).toEqual([
      error(
        null,
        null,
        'The file is 50.0 MB; the largest file this app reads is 50 MB. Split it into smaller files.',
      ),
    ])
  })

  it('notes characters that were not UTF-8 but still reads the file', () => {
    const text = fixture('bom.csv').replace('Blog', 'Caf\ufffd')
    const r = importScenariosCsv(text, PRICE_BOOK)
    expect(r.scenarios[0]!.errors).toEqual([])
    expect(r.problems).toEqual([
      {
        row: null,
        column: null,
        message:
          'Some characters could not be read (shown as \ufffd): the file is not UTF-8. Save it as "CSV UTF-8" and import it again.',
        severity: 'notice',
      },
    ])
  })
})

describe('checkCsvSize', () => {
  it('allows up to 50 MB (52,428,800 bytes) and rejects more, or an empty file', () => {
    expect(MAX_CSV_BYTES).toBe(52_428_800)
    expect(checkCsvSize(1)).toBeNull()
    expect(checkCsvSize(52_428_800)).toBeNull()
    expect(checkCsvSize(52_428_801)?.message).toBe(
      'The file is 50.0 MB; the largest file this app reads is 50 MB. Split it into smaller files.',
    )
    expect(checkCsvSize(80 * 1024 * 1024)?.message).toMatch(/^The file is 80\.0 MB;/)
    expect(checkCsvSize(0)).toEqual(error(null, null, 'The file is empty.'))
  })
})

describe('importScenariosCsv: more than one problem', () => {
  const header =
    'scenario,model,jobs_per_month,stage,quality,size,images_per_job,retry_multiplier,batch'

  it('reads repeated scenario cells once, but reports a bad one on every row it is on', () => {
    const text = [
      header,
      'S,gpt-image-2,1000,Draft,low,1024x1024,1,1,false',
      // The same text as row 2: read as row 2 read it.
      'S,gpt-image-2,1000,Final,high,1024x1024,1,1,false',
      // Another spelling of the same number agrees by value.
      'S,gpt-image-2,1000.0,Edit,medium,1024x1024,1,1,false',
      'T,gpt-image-2,lots,Draft,low,1024x1024,1,1,false',
      'T,gpt-image-2,lots,Final,low,1024x1024,1,1,false',
    ].join('\r\n')
    const result = importScenariosCsv(text, PRICE_BOOK)
    expect(result.scenarios.map((s) => [s.name, s.scenario.jobsPerMonth, s.errors.length])).toEqual(
      [
        ['S', 1000, 0],
        ['T', 0, 2],
      ],
    )
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [5, 'jobs_per_month'],
      [6, 'jobs_per_month'],
    ])
  })

  it('reports each bad cell once, in row then column order, and never the engine twice', () => {
    const text = [
      header,
      // Row 2: size unreadable (the engine's width/height errors must not repeat it).
      'S,gpt-image-2,abc,Draft,low,big,1,0.5,maybe',
      // Row 3: retry below 1, a gpt-image-2 edge not a multiple of 16.
      'S,gpt-image-2,abc,Final,high,1000x1024,1,0.5,maybe',
    ].join('\n')
    const r = importScenariosCsv(text, PRICE_BOOK)
    const hint = 'a number with a dot decimal and no thousands separators, like 1200 or 0.25'
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'jobs_per_month'],
      [2, 'batch'],
      [2, 'size'],
      [2, 'retry_multiplier'],
      [3, 'jobs_per_month'],
      [3, 'batch'],
      [3, 'size'],
      [3, 'retry_multiplier'],
    ])
    expect(r.problems[0]!.message).toBe(`jobs_per_month must be ${hint}; it is "abc".`)
    expect(r.problems[3]!.message).toBe(
      'Retry multiplier must be at least 1 (every kept image takes at least one billed attempt); it is 0.5.',
    )
    expect(r.problems[6]!.message).toBe(
      'Width 1,000 px is not a multiple of 16; gpt-image-2 needs both edges in multiples of 16 (try 992 or 1,008).',
    )
    expect(r.scenarios[0]!.errors).toHaveLength(8)
  })

  it('maps price and quota errors to the scenario first row', () => {
    const text = [
      `${header},price_image_output,users_per_month`,
      'S,gpt-image-2,10,Draft,low,1024x1024,1,1,false,-1,-3',
      'S,gpt-image-2,10,Final,low,1024x1024,1,1,false,-1,-3',
    ].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems).toEqual([
      error(
        2,
        'price_image_output',
        'The Image output price (USD per 1M tokens) must be at least 0; it is -1.',
      ),
      error(2, 'users_per_month', 'Users per month must be at least 0; it is -3.'),
    ])
  })

  it('checks a quota with the Quotas panel rule: whole images, at most 10^9', () => {
    const text = [
      `${header},max_images_per_user`,
      'S,gpt-image-2,10,Draft,low,1024x1024,1,1,false,2.5',
    ].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems).toEqual([
      error(
        2,
        'max_images_per_user',
        'Max images per user per month must be a whole number from 0 to 1,000,000,000; it is 2.5.',
      ),
    ])
  })

  it('shows a blank cell as blank when rows disagree', () => {
    const text = [
      `${header},prices_checked_on`,
      'S,gpt-image-2,10,Draft,low,1024x1024,1,1,false,2026-04-28',
      'S,gpt-image-2,10,Final,low,1024x1024,1,1,true,',
    ].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems.map((p) => p.message)).toEqual([
      'batch is true here but false on row 2, the first row of scenario "S"; every row of a scenario must repeat its model, jobs, batch, prices, prices date and quotas.',
      'prices_checked_on is blank here but "2026-04-28" on row 2, the first row of scenario "S"; every row of a scenario must repeat its model, jobs, batch, prices, prices date and quotas.',
    ])
  })

  it('compares scenario-level numbers by value, not by spelling', () => {
    const text = [
      header,
      'S,gpt-image-2,1000,Draft,low,1024x1024,1,1,false',
      'S,gpt-image-2,1000.0,Final,low,1024x1024,1,1,FALSE',
    ].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems).toEqual([])
  })

  it('rejects a date that is not on the calendar', () => {
    const text = [
      `${header},prices_checked_on`,
      'S,gpt-image-2,10,Draft,low,1024x1024,1,1,false,2026-02-30',
    ].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems).toEqual([
      error(
        2,
        'prices_checked_on',
        'prices_checked_on is "2026-02-30", which is not a calendar date; write the date YYYY-MM-DD, like 2026-04-28.',
      ),
    ])
  })

  it('notes values to the right of the last named column', () => {
    const text = [header, 'S,gpt-image-2,10,Draft,low,1024x1024,1,1,false,oops,'].join('\r\n')
    expect(importScenariosCsv(text, PRICE_BOOK).problems).toEqual([
      {
        row: 2,
        column: null,
        message: 'This row has 1 value to the right of the last named column; it was ignored.',
        severity: 'notice',
      },
    ])
  })

  it('never throws on garbage', () => {
    for (const text of ['"', '""', ',,,\n,,,', ';', 'scenario\n"', '\ufeff', 'a,"b\n', '\r\r\r']) {
      expect(() => importScenariosCsv(text, PRICE_BOOK)).not.toThrow()
    }
  })
})

describe('docs/csv-format.md', () => {
  const doc = readFileSync(new URL('../../../docs/csv-format.md', import.meta.url), 'utf8')
  const blocks = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!)

  it('has examples that import cleanly, the semicolon one to the same scenario', () => {
    expect(blocks).toHaveLength(2)
    const [comma, semicolon] = blocks.map((b) => importScenariosCsv(b, PRICE_BOOK))
    expect(comma!.problems).toEqual([])
    expect(semicolon!.problems).toEqual([])
    expect(semicolon!.delimiter).toBe(';')
    expect(semicolon!.decimalComma).toBe(true)
    expect(semicolon!.scenarios[0]!.scenario).toEqual(comma!.scenarios[0]!.scenario)
  })
})

describe('importScenariosCsv: format version 2', () => {
  const HEAD =
    'format_version,scenario,model,jobs_per_month,batch,price_text_input,price_cached_text_input,price_image_input,price_cached_image_input,price_image_output,stage,quality,size,images_per_job,retry_multiplier,delivers_final'
  const csv = (...rows: string[]) => [HEAD, ...rows].join('\r\n')

  it('drops prices equal to the list, so the scenario follows the price book', () => {
    const r = importScenariosCsv(
      csv('2,S,gpt-image-2,10,false,5,1.25,8,2,30,Draft,low,1024x1024,1,1,'),
      PRICE_BOOK,
    )
    expect(r.problems).toEqual([])
    expect(r.scenarios[0]!.scenario.prices).toBeUndefined()
  })

  it('keeps prices that differ from the list, and says which in one notice', () => {
    const r = importScenariosCsv(
      csv(
        '2,S,gpt-image-2,10,false,4,1.25,8,1.5,30,Draft,low,1024x1024,1,1,',
        '2,S,gpt-image-2,10,false,4,1.25,8,1.5,30,Final,high,1024x1024,1,1,',
      ),
      PRICE_BOOK,
    )
    expect(r.scenarios[0]!.scenario.prices).toEqual({ textInput: 4, cachedImageInput: 1.5 })
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'price_text_input',
        message:
          "Scenario \"S\" is priced differently from this app's list prices for gpt-image-2, in USD per 1M tokens: text input 4 (list 5), cached image input 1.5 (list 2). The file's prices are kept as the scenario's own, so its totals are the file's.",
        severity: 'notice',
      },
    ])
  })

  it('says nothing about the prices of a scenario that cannot import', () => {
    const r = importScenariosCsv(
      csv('2,S,gpt-image-2,10,false,4,1.25,8,2,30,Draft,ultra,1024x1024,1,1,'),
      PRICE_BOOK,
    )
    expect(r.problems.map((p) => [p.column, p.severity])).toEqual([['quality', 'error']])
  })

  it('reads delivers_final; flags that match the default rule leave the rule in charge', () => {
    const read = (a: string, b: string) =>
      importScenariosCsv(
        csv(
          `2,S,gpt-image-2,10,false,,,,,,Draft,low,1024x1024,4,1,${a}`,
          `2,S,gpt-image-2,10,false,,,,,,Final,high,1024x1024,1,1,${b}`,
        ),
        PRICE_BOOK,
      )
    const flags = (a: string, b: string) => {
      const r = read(a, b)
      expect(r.problems).toEqual([])
      return r.scenarios[0]!.scenario.stages.map((st) => st.deliversFinal)
    }
    // The rule: the last stage delivers, the low-quality draft before it does not.
    expect(flags('false', 'true')).toEqual([undefined, undefined])
    expect(flags(' FALSE ', 'True')).toEqual([undefined, undefined])
    expect(flags('', '')).toEqual([undefined, undefined])
    // Any other choice is pinned on every stage, a blank resolved by the rule.
    expect(flags('true', 'true')).toEqual([true, true])
    expect(flags('true', '')).toEqual([true, true])
    expect(flags('', 'false')).toEqual([false, false])
    expect(read('yes', 'true').problems).toEqual([
      error(
        2,
        'delivers_final',
        'delivers_final must be true or false (blank means the last stage and its same-quality variants); it is "yes".',
      ),
    ])
  })

  it('undoes a tab before = + - @ as it undoes the apostrophe, and only there', () => {
    const r = importScenariosCsv(
      csv(
        '2,"\t=SUM(A1)",gpt-image-2,10,false,,,,,,"\t-draft",low,1024x1024,1,1,',
        '2,"\t=SUM(A1)",gpt-image-2,10,false,,,,,,"\t@final",low,1024x1024,1,1,',
        '2,"\t+1",gpt-image-2,10,false,,,,,,"\tplain",low,1024x1024,1,1,',
        '2,"\'\t=1",gpt-image-2,10,false,,,,,,"\t\t=x",low,1024x1024,1,1,',
      ),
      PRICE_BOOK,
    )
    expect(r.problems).toEqual([])
    expect(r.scenarios.map((s) => [s.name, s.scenario.stages.map((st) => st.name)])).toEqual([
      ['=SUM(A1)', ['-draft', '@final']],
      ['+1', ['\tplain']],
      // The app's own escape of a tab: one apostrophe comes off, the tab stays.
      ['\t=1', ['\t\t=x']],
    ])
  })

  it('notes a scenario that repeats a stage name: two same-named scenarios read as one', () => {
    const row = (stage: string) => `1,Blog,gpt-image-2,1000,false,,,,,,${stage},low,1024x1024,1,1,`
    const r = importScenariosCsv(
      csv(row('Draft'), row('Final'), row('Draft'), row('Final'), row('Draft')),
      PRICE_BOOK,
    )
    expect(r.scenarios).toHaveLength(1)
    expect(r.scenarios[0]!.errors).toEqual([])
    expect(r.problems).toEqual([
      {
        row: 4,
        column: 'stage',
        message:
          'Scenario "Blog" has a second stage named "Draft" (the first is on row 2). If these rows are two scenarios that shared a name, they were read as one: give one of them its own name in the file and import it again.',
        severity: 'notice',
      },
    ])
  })
})

describe('growth and starting month', () => {
  const header =
    'scenario,model,jobs_per_month,monthly_growth,start_month,stage,quality,size,images_per_job,retry_multiplier'
  const read = (growth: string, start: string, second = `${growth},${start}`) =>
    importScenariosCsv(
      [
        header,
        `S,gpt-image-2,1000,${growth},${start},Draft,low,1024x1024,1,1`,
        `S,gpt-image-2,1000,${second},Final,high,1024x1024,1,1`,
      ].join('\n'),
      PRICE_BOOK,
    )

  it('reads a growth fraction, negative too, and a starting month', () => {
    const r = read('-0.05', '2027-01')
    expect(r.problems).toEqual([])
    expect(r.scenarios[0]!.scenario).toMatchObject({ monthlyGrowth: -0.05, startMonth: '2027-01' })
  })

  it('explains growth at or below -100% in its row, as a fraction', () => {
    const r = read('-1.5', '')
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'monthly_growth',
        message:
          'Monthly growth must be at least -100%; it is -150%. In the file, growth is a fraction: write 0.1 for 10% a month, -0.05 for -5%.',
        severity: 'error',
      },
    ])
    expect(r.scenarios[0]!.errors).toHaveLength(1)
  })

  it('explains a starting month that is not YYYY-MM, and rows that disagree', () => {
    expect(read('0.1', '2027-13').problems[0]).toMatchObject({
      row: 2,
      column: 'start_month',
      message: 'start_month must be a month written YYYY-MM, like 2027-01; it is "2027-13".',
    })
    expect(read('0.1', '2027-01', '0.2,2027-01').problems[0]).toMatchObject({
      row: 3,
      column: 'monthly_growth',
    })
  })
})
