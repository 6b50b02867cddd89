import { describe, expect, it } from 'vitest'
import { boundSummary, MAX_NAME_CHARS } from '../../../src/domain/usage/bounded'
import { templateTotals } from '../../../src/domain/usage/templateTotals'
import { parseUsageLog } from '../../../src/io/usageLog/parse'
import { summarise } from './logFixtures'

const summaryOf = (lines: string[]) => {
  const parsed = parseUsageLog(['template,stage,status,cost_usd', ...lines].join('\n'))
  expect(parsed.skipped).toEqual([])
  return summarise(parsed.rows)
}

describe('boundSummary', () => {
  // t0..t9: draft $0.01..$0.10, final $0.10..$1.00; t9 costs $1.10, t8 $0.99, t0 $0.11.
  const lines: string[] = []
  for (let i = 0; i < 10; i++) {
    lines.push(`t${String(i)},draft,rejected,${String((i + 1) / 100)}`)
    lines.push(`t${String(i)},final,accepted,${String((i + 1) / 10)}`)
  }
  const full = summaryOf(lines)

  it('keeps the costliest groups and whole templates, in file order, and counts them all', () => {
    // 3 costliest groups: t9/final $1.00, t8/final $0.90, t7/final $0.80.
    // Whole templates within 4 groups: t9 ($1.10) and t8 ($0.99), two stages each.
    const b = boundSummary(full, 3, 4)
    expect(b.groups.map((g) => `${g.template ?? ''}/${g.stage ?? ''}`)).toEqual([
      't7/final',
      't8/draft',
      't8/final',
      't9/draft',
      't9/final',
    ])
    expect(b.costliestGroups).toBe(3)
    expect(b.groupCount).toBe(20)
    expect(b.templateCount).toBe(10)
    expect(b.templates).toEqual(['t8', 't9'])
    // The total still covers all 20 groups: $0.55 of drafts + $5.50 of finals.
    expect(b.total.rows).toBe(20)
    expect(b.total.costUsd).toBeCloseTo(6.05, 12)
  })

  it('gives per-template totals only for templates whose every stage was kept', () => {
    // t7 has only its final kept: a total over it would miss its draft.
    const totals = templateTotals(boundSummary(full, 3, 4))
    expect(totals.map((t) => [t.template, t.costUsd])).toEqual([
      ['t8', expect.closeTo(0.99, 12)],
      ['t9', expect.closeTo(1.1, 12)],
    ])
  })

  it('changes nothing but the counts of a small log', () => {
    const b = boundSummary(full)
    expect(b.groups).toEqual(full.groups)
    expect(b.templates).toEqual(full.templates)
    expect(b.costliestGroups).toBe(20)
  })

  it('shortens a name past 10,000 characters to its start and length, keeping names apart', () => {
    const a = `${'a'.repeat(MAX_NAME_CHARS)}one${'z'.repeat(50_000)}`
    const b = `${'a'.repeat(MAX_NAME_CHARS)}two${'z'.repeat(50_000)}`
    const s = boundSummary(summaryOf([`${a},final,accepted,1`, `${b},final,accepted,2`]))
    // 10,000 + 3 + 50,000 characters.
    const start = `${'a'.repeat(MAX_NAME_CHARS)}… (60003 characters in all)`
    expect(s.groups.map((g) => g.template)).toEqual([start, `${start} #2`])
    expect(s.templates).toEqual([start, `${start} #2`])
    expect(templateTotals(s).map((t) => t.costUsd)).toEqual([1, 2])
  })
})
