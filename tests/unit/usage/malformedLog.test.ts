import { describe, expect, it } from 'vitest'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { fixture, summarise } from './logFixtures'

// gpt-image-2 image output is $30 per 1M tokens: 7,024 tokens (high 1024x1024) = $0.21072.
describe('a malformed log (malformed-rows.csv): bad rows are listed and left out of every figure', () => {
  const parsed = parseUsageLog(fixture('malformed-rows.csv'))

  it('lists each bad row with its row number and reason', () => {
    expect(parsed.skipped).toEqual([
      {
        row: 4,
        reason: "The row has 4 of the header's 8 columns: it looks cut short, so it is left out.",
      },
      {
        row: 5,
        reason: 'template is blank; every row needs the template it was made with.',
      },
      {
        row: 6,
        reason: 'size is blank; give WIDTHxHEIGHT in pixels, like 1536x1024, or auto.',
      },
      {
        row: 7,
        reason:
          'status "pending_review" is not one the app knows (accepted, edited, rejected, regenerated, deleted, failed): map it under Status values to count this row.',
      },
      {
        row: 8,
        reason: 'status is blank; give accepted, edited, rejected, regenerated, deleted or failed.',
      },
      {
        row: 10,
        reason: 'output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "1e308".',
      },
      {
        row: 11,
        reason: 'cost_usd must be an amount in USD from 0 to 1,000,000, like 0.21; it is "1e308".',
      },
    ])
    expect(parsed.rowsRead).toBe(10)
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 9])
  })

  it('shows approved -> accepted as a mapping, and pending_review as not known', () => {
    expect(parsed.statusValues).toEqual([
      { value: 'pending_review', rows: 1, first: 7, status: null, source: 'none' },
      { value: 'approved', rows: 1, first: 9, status: 'accepted', source: 'synonym' },
    ])
  })

  it('counts only the three good rows: no "(no template)" group, finite figures', () => {
    const s = summarise(parsed.rows)
    expect(s.groups.map((g) => [g.template, g.stage])).toEqual([['hero', 'final']])
    const g = s.groups[0]!
    // Rows 2 and 3 priced from usage: 2 x 0.21072; row 9 from its cost column: 0.2.
    expect(g).toMatchObject({ rows: 3, billedImages: 3, keptImages: 2, retryMultiplier: 1.5 })
    expect(g.statusImages).toMatchObject({ accepted: 2, rejected: 1, unknown: 0 })
    expect(g.costUsd).toBeCloseTo(0.62144, 12)
    expect(g.costPerKeptImageUsd).toBeCloseTo(0.31072, 12)
    expect(Number.isFinite(s.total.costUsd)).toBe(true)
  })

  it('counts a status once the person maps it, and shows that mapping', () => {
    const mapped = parseUsageLog(fixture('malformed-rows.csv'), undefined, undefined, [
      { value: 'pending_review', status: 'accepted' },
      { value: 'approved', status: 'accepted' },
    ])
    expect(mapped.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'accepted'],
      [3, 'rejected'],
      [7, 'accepted'],
      [9, 'accepted'],
    ])
    expect(mapped.statusValues).toEqual([
      { value: 'pending_review', rows: 1, first: 7, status: 'accepted', source: 'yours' },
      { value: 'approved', rows: 1, first: 9, status: 'accepted', source: 'yours' },
    ])
    expect(mapped.notices.map((n) => n.message)).toContain(
      'Status "pending_review" (1 row) is read as accepted, as mapped under Status values.',
    )
    const g = summarise(mapped.rows).groups[0]!
    // Row 7 adds 0.21072 and a kept image: 0.83216 over 3 kept.
    expect(g).toMatchObject({ billedImages: 4, keptImages: 3 })
    expect(g.costUsd).toBeCloseTo(0.83216, 12)
    expect(g.costPerKeptImageUsd).toBeCloseTo(0.83216 / 3, 12)
  })

  it('leaves a synonym out when the person unmaps it', () => {
    const mapped = parseUsageLog(fixture('malformed-rows.csv'), undefined, undefined, [
      { value: 'approved', status: null },
    ])
    expect(mapped.rows.map((r) => r.row)).toEqual([2, 3])
    expect(mapped.skipped.map((s) => s.row)).toContain(9)
  })

  it('reads a too-wide row as malformed too', () => {
    const r = parseUsageLog('template,status\nhero,accepted,extra\nhero,accepted\n')
    expect(r.rows.map((x) => x.row)).toEqual([3])
    expect(r.skipped).toEqual([
      {
        row: 2,
        reason:
          'The row has 3 columns but the header has 2: a value may hold an unquoted delimiter (quote it), so it is left out.',
      },
    ])
  })
})
