import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { UsageRow } from '../../../src/domain/usage/rows'
import type { ColumnMapping } from '../../../src/io/usageLog/columns'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { MAX_LISTED_SKIPS } from '../../../src/io/usageLog/result'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'utf8')

/** A row with every field at "not logged". */
function row(fields: Partial<UsageRow> & Pick<UsageRow, 'row'>): UsageRow {
  return {
    timeMs: null,
    template: '',
    stage: '',
    jobId: '',
    model: '',
    quality: null,
    width: null,
    height: null,
    n: null,
    status: 'unknown',
    inputTokens: null,
    outputTokens: null,
    inputTextTokens: null,
    inputImageTokens: null,
    costUsd: null,
    ...fields,
  }
}

describe('parseUsageLog: CSV', () => {
  it('reads a draft + final log with usage columns (draft-final.csv)', () => {
    const r = parseUsageLog(fixture('draft-final.csv'))
    expect(r.format).toBe('csv')
    expect(r.error).toBeNull()
    expect(r.skipped).toEqual([])
    expect(r.notices).toEqual([])
    expect(r.unusedHeaders).toEqual([])
    expect(r.rowsRead).toBe(13)
    expect(r.rows).toHaveLength(13)
    expect(r.rows[0]).toEqual(
      row({
        row: 2,
        timeMs: Date.UTC(2026, 4, 1, 9, 0, 0),
        template: 'hero',
        stage: 'draft',
        model: 'gpt-image-2',
        quality: 'low',
        width: 1024,
        height: 1024,
        status: 'accepted',
        inputTokens: 50,
        inputTextTokens: 50,
        inputImageTokens: 0,
        outputTokens: 196,
      }),
    )
    // Blank usage cells are "not logged", not zero.
    expect(r.rows[12]).toMatchObject({
      row: 14,
      width: 1536,
      height: 1024,
      inputTokens: null,
      inputTextTokens: 100,
      inputImageTokens: null,
    })
  })

  it('lists malformed rows with their row and reason and reads the rest (malformed.csv, CRLF)', () => {
    const r = parseUsageLog(fixture('malformed.csv'))
    expect(r.skipped).toEqual([
      {
        row: 3,
        reason: 'output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "lots".',
      },
      {
        row: 4,
        reason: 'size must be WIDTHxHEIGHT in pixels, like 1536x1024, or auto; it is "big".',
      },
      // Row 5 is blank: not a row, but still counted, as a spreadsheet shows it.
      { row: 6, reason: 'n must be a whole number of images from 1 to 10,000; it is "2.5".' },
      {
        row: 7,
        reason:
          'status "succeeded" is not one the app knows (accepted, edited, rejected, regenerated, deleted, failed): map it under Status values to count this row.',
      },
      {
        row: 8,
        reason: 'cost_usd must be an amount in USD from 0 to 1,000,000, like 0.21; it is "-1".',
      },
      {
        row: 10,
        reason: 'status is blank; give accepted, edited, rejected, regenerated, deleted or failed.',
      },
      {
        row: 11,
        reason:
          'A quoted value that starts on this row is never closed, so the rest of the file was read into it.',
      },
    ])
    expect(r.skippedCount).toBe(7)
    expect(r.rowsRead).toBe(9)
    expect(r.rows.map((x) => [x.row, x.status, x.quality])).toEqual([
      [2, 'accepted', 'low'],
      [9, 'accepted', null],
    ])
    expect(r.statusValues).toEqual([
      { value: 'succeeded', rows: 1, first: 7, status: null, source: 'none' },
      { value: 'approved', rows: 1, first: 9, status: 'accepted', source: 'synonym' },
    ])
    expect(r.notices).toEqual([
      {
        row: 7,
        message:
          'Status "succeeded" (1 row) is not one the app knows: those rows are left out of every figure. Map it to a known status under Status values to count them.',
      },
      {
        row: 9,
        message:
          'Status "approved" (1 row) is read as accepted, a usual synonym; change it under Status values.',
      },
      {
        row: 9,
        message: 'Quality "ultra" (1 row) is not low, medium, high or auto: read as not logged.',
      },
    ])
  })

  it('reads tab-separated synonyms, Unix seconds and width + height columns (synonyms.tsv)', () => {
    const r = parseUsageLog(fixture('synonyms.tsv'))
    expect(r.mapping).toMatchObject({
      timestamp: 'Created_At',
      template: 'Prompt Template ID',
      stage: 'Step',
      width: 'Width',
      height: 'Height',
      n: 'Outputs',
      status: 'Result',
      costUsd: 'Cost USD',
    })
    expect(r.unusedHeaders).toEqual(['Notes'])
    expect(r.rows).toEqual([
      row({
        row: 2,
        timeMs: 1_777_593_600_000,
        template: 'listing',
        stage: 'background',
        quality: 'medium',
        width: 1024,
        height: 1536,
        n: 2,
        status: 'accepted',
        costUsd: 0.082,
      }),
      row({
        row: 3,
        timeMs: 1_777_593_700_000,
        template: 'listing',
        stage: 'background',
        quality: 'medium',
        width: 1024,
        height: 1536,
        n: 1,
        status: 'regenerated',
        costUsd: 0.041,
      }),
    ])
    expect(r.skipped).toEqual([
      { row: 4, reason: 'Height is blank but Width is not; give both or neither.' },
    ])
    expect(r.notices.map((n) => n.message)).toEqual([
      'Status "kept" (1 row) is read as accepted, a usual synonym; change it under Status values.',
      'Status "retry" (1 row) is read as regenerated, a usual synonym; change it under Status values.',
    ])
  })

  it('takes sizes and widths and heights in the same range, 1 to 100,000 pixels per edge', () => {
    const r = parseUsageLog(
      [
        'template,size,width,height,status',
        't,100000 X 1,,,accepted',
        't,0x1024,,,accepted',
        't,100001x1024,,,accepted',
        't,,100001,1024,accepted',
        't,,0,1024,accepted',
      ].join('\n'),
    )
    expect(r.rows.map((x) => [x.row, x.width, x.height])).toEqual([[2, 100_000, 1]])
    expect(r.skipped).toEqual([
      {
        row: 3,
        reason: 'size must be WIDTHxHEIGHT with edges from 1 to 100,000, or auto; it is "0x1024".',
      },
      {
        row: 4,
        reason:
          'size must be WIDTHxHEIGHT with edges from 1 to 100,000, or auto; it is "100001x1024".',
      },
      {
        row: 5,
        reason: 'width must be a whole number of pixels from 1 to 100,000; it is "100001".',
      },
      { row: 6, reason: 'width must be a whole number of pixels from 1 to 100,000; it is "0".' },
    ])
  })

  it('trims every kind of white space around a cell, as the scenario CSV does', () => {
    const r = parseUsageLog('template,stage,status\n\u2003hero\u2003,\u00a0final ,\ufeffaccepted\n')
    expect(r.rows[0]).toMatchObject({ template: 'hero', stage: 'final', status: 'accepted' })
  })

  it('reads decimal commas in semicolon files and a leading $ on costs (semicolon.csv)', () => {
    const r = parseUsageLog(fixture('semicolon.csv'))
    expect(r.rows.map((x) => x.costUsd)).toEqual([0.053, 0.053])
    expect(r.skipped).toEqual([])
  })

  it('says what is missing when there is no status or usage column (no-status.csv)', () => {
    const r = parseUsageLog(fixture('no-status.csv'))
    expect(r.rows.map((x) => x.status)).toEqual(['unknown', 'unknown'])
    expect(r.notices.map((n) => n.message)).toEqual([
      'No status column: every row counts as unknown, so retry multipliers cannot be measured. Map a column that says accepted, edited, rejected, regenerated or deleted.',
      'No output_tokens or cost column: costs are estimated from the price book by model, quality and size, output only.',
    ])
  })

  it('takes a corrected mapping, and names a mapped column the file does not have', () => {
    const text = 'when,flow,what\n2026-05-01,hero,kept\n'
    const guessed = parseUsageLog(text)
    expect(guessed.error).toMatch(/^No column of this log has a name the reader knows/)
    expect(guessed.headers).toEqual(['when', 'flow', 'what'])
    const mapping: ColumnMapping = {
      ...guessed.mapping,
      timestamp: 'when',
      template: 'flow',
      status: 'what',
      costUsd: 'price',
    }
    const r = parseUsageLog(text, mapping)
    expect(r.error).toBeNull()
    expect(r.rows).toEqual([
      row({ row: 2, timeMs: Date.UTC(2026, 4, 1), template: 'hero', status: 'accepted' }),
    ])
    expect(r.notices[0]).toEqual({
      row: null,
      message: 'Column "price", mapped to costUsd, is not in the file.',
    })
  })

  it('keeps unreadable timestamps as not logged, with one notice', () => {
    const r = parseUsageLog('time,status\nyesterday,kept\nlast week,kept\n')
    expect(r.rows.map((x) => x.timeMs)).toEqual([null, null])
    expect(r.notices).toContainEqual({
      row: 2,
      message:
        '2 rows have a timestamp that is not a date (ISO 8601 or Unix seconds): read as not logged.',
    })
  })

  it('skips a row whose every used cell is blank, but not a blank line', () => {
    const r = parseUsageLog('template,status,notes\nhero,kept,\n,,a note\n\n')
    expect(r.rows).toHaveLength(1)
    expect(r.skipped).toEqual([
      { row: 3, reason: 'The row has no value in any column the log reader uses.' },
    ])
  })

  it('lists at most MAX_LISTED_SKIPS skipped rows and counts them all', () => {
    const lines = ['template,n']
    for (let i = 0; i < MAX_LISTED_SKIPS + 5; i++) lines.push('hero,zero')
    const r = parseUsageLog(lines.join('\n'))
    expect(r.skippedCount).toBe(MAX_LISTED_SKIPS + 5)
    expect(r.skipped).toHaveLength(MAX_LISTED_SKIPS)
    expect(r.notices.at(-1)?.message).toBe('10,005 rows were skipped; the first 10,000 are listed.')
  })
})

describe('parseUsageLog: JSON', () => {
  it('reads JSON Lines with a nested usage object and lists bad lines (usage.jsonl)', () => {
    const r = parseUsageLog(fixture('usage.jsonl'))
    expect(r.format).toBe('jsonl')
    expect(r.mapping).toMatchObject({
      timestamp: 'created',
      inputTokens: 'usage.input_tokens',
      outputTokens: 'usage.output_tokens',
      inputTextTokens: 'usage.input_tokens_details.text_tokens',
      inputImageTokens: 'usage.input_tokens_details.image_tokens',
    })
    expect(r.rows).toHaveLength(6)
    expect(r.rows[0]).toEqual(
      row({
        row: 1,
        timeMs: 1_777_593_600_000,
        template: 'avatar',
        stage: 'draft',
        model: 'gpt-image-2-2026-04-21',
        quality: 'low',
        width: 1024,
        height: 1024,
        n: 4,
        status: 'rejected',
        inputTokens: 240,
        outputTokens: 784,
        inputTextTokens: 240,
        inputImageTokens: 0,
      }),
    )
    expect(r.rows.slice(3).map((x) => [x.row, x.status, x.inputTokens, x.inputTextTokens])).toEqual(
      [
        [7, 'accepted', 1100, 76],
        [8, 'accepted', 1100, null],
        [9, 'rejected', null, null],
      ],
    )
    expect(r.skipped).toHaveLength(2)
    expect(r.skipped[0]?.row).toBe(4)
    expect(r.skipped[0]?.reason).toMatch(/^Line 4 is not valid JSON \(.+\)\.$/)
    expect(r.skipped[1]).toEqual({ row: 6, reason: 'Line 6 is JSON but not an object.' })
  })

  it('reads a JSON array of records, and flat keys that contain dots', () => {
    const text = JSON.stringify([
      { template: 'a', status: 'accepted', 'usage.output_tokens': 196 },
      { template: 'a', status: 'accepted', 'usage.output_tokens': '1,756' },
    ])
    const r = parseUsageLog(text)
    expect(r.format).toBe('json')
    expect(r.rows.map((x) => [x.row, x.outputTokens, x.status])).toEqual([[1, 196, 'accepted']])
    expect(r.skipped).toEqual([
      {
        row: 2,
        reason:
          'usage.output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "1,756".',
      },
    ])
  })
})

describe('parseUsageLog: never throws', () => {
  it('reports empty, binary and non-log text as an error', () => {
    expect(parseUsageLog('').error).toBe('The log is empty.')
    expect(parseUsageLog(' \n\n').error).toBe('The log is empty.')
    expect(parseUsageLog('a\0b').error).toMatch(/NUL bytes/)
    expect(parseUsageLog('[1,').error).toMatch(/^The log starts with \[ but is not valid JSON/)
    expect(parseUsageLog('template,status\n').error).toBe(
      'The log has a header but no rows below it.',
    )
  })

  it('survives any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const r = parseUsageLog(text)
        expect(r.rows.length + r.skippedCount).toBe(r.rowsRead)
      }),
      { numRuns: 300 },
    )
    const lines = fc.array(
      fc.oneof(
        fc.constantFrom('template,status,n,size,output_tokens', 'hero,kept,2,1024x1024,196'),
        fc.string({ maxLength: 40 }),
      ),
      { maxLength: 8 },
    )
    fc.assert(
      fc.property(lines, (ls) => {
        const r = parseUsageLog(ls.join('\n'))
        expect(r.rows.length + r.skippedCount).toBe(r.rowsRead)
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseUsageLog progress', () => {
  it('reports the share of the text read, rising to the end, on a long log', () => {
    const lines = ['template,status', ...Array.from({ length: 20_000 }, () => 'a,accepted')]
    const seen: number[] = []
    const parsed = parseUsageLog(lines.join('\n'), undefined, (f) => seen.push(f))
    expect(parsed.rows).toHaveLength(20_000)
    // Every 8,192 records: twice in 20,001.
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBeGreaterThan(0.3)
    expect(seen[1]).toBeGreaterThan(seen[0]!)
    expect(seen[1]).toBeLessThan(1)
  })
})
