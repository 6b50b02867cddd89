import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/model'
import { blankStage } from '../../src/domain/model'
import {
  firstMonthOver,
  growthFieldErrors,
  monthOf,
  nextMonth,
  projectYear,
} from '../../src/domain/projection'
import type { FieldError } from '../../src/domain/model'
import { PRICE_BOOK } from '../../src/presets/priceBook'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { computeScenario } from '../../src/domain/engine'

/** One high-quality 1024x1024 image per job, no prompt: 7,024 output tokens at $30 per 1M. */
function oneHighSquare(jobsPerMonth: number, monthlyGrowth?: number): Scenario {
  const scenario: Scenario = {
    name: 'Hero images',
    modelId: 'gpt-image-2',
    jobsPerMonth,
    batch: false,
    stages: [{ ...blankStage('Final'), quality: 'high', promptTokens: 0 }],
  }
  if (monthlyGrowth !== undefined) scenario.monthlyGrowth = monthlyGrowth
  return scenario
}

function project(scenario: Scenario) {
  const result = projectYear(scenario, PRICE_BOOK, '2027-01')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '))
  return result
}

describe('projectYear', () => {
  it('compounds 10% a month on 1,000 jobs: $210.72 in month 1, $4,506.10 over the year', () => {
    const year = project(oneHighSquare(1000, 0.1))
    expect(year.months).toHaveLength(12)
    // 1,000 x 7,024 tokens x $30 / 1M
    expect(year.months[0]?.costUsd).toBeCloseTo(210.72, 10)
    // month 12: 1,000 x 1.1^11 = 2,853.116706 jobs
    expect(year.months[11]?.jobs).toBeCloseTo(2853.116706, 5)
    // 2,853.116706 x $0.21072 a job
    expect(year.months[11]?.costUsd).toBeCloseTo(601.20875, 4)
    // 210.72 x (1.1^12 - 1) / 0.1 = 210.72 x 21.384283767 = 4,506.0963
    expect(year.totalUsd).toBeCloseTo(4506.0963, 4)
  })

  it('shrinks with negative growth: -50% a month sums to $421.34', () => {
    const year = project(oneHighSquare(1000, -0.5))
    expect(year.months[1]?.jobs).toBe(500)
    expect(year.months[11]?.jobs).toBeCloseTo(1000 / 2048, 12)
    // 210.72 x (1 - 0.5^12) / 0.5 = 421.44 x 4,095 / 4,096
    expect(year.totalUsd).toBeCloseTo(421.337109375, 9)
  })

  it('without growth is twelve equal months, the annual cost', () => {
    const year = project(oneHighSquare(1000))
    expect(year.growth).toBe(0)
    expect(year.months.every((m) => m.jobs === 1000)).toBe(true)
    expect(year.totalUsd).toBeCloseTo(2528.64, 10)
  })

  it('names twelve months from the starting month, across a year end', () => {
    const year = project({ ...oneHighSquare(10), startMonth: '2026-11' })
    expect(year.months.map((m) => m.month)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ])
  })

  it('refuses growth at or below -100%, and unreadable growth, at the field', () => {
    for (const growth of [-1, -1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = projectYear(oneHighSquare(1000, growth), PRICE_BOOK, '2027-01')
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.errors.map((e) => e.path)).toEqual(['monthlyGrowth'])
    }
    const atMinus100 = projectYear(oneHighSquare(1000, -1), PRICE_BOOK, '2027-01')
    expect(atMinus100.ok ? '' : atMinus100.errors[0]?.message).toBe(
      'Monthly growth must be above -100%: at -100% every job is gone after the first month.',
    )
    const below = projectYear(oneHighSquare(1000, -1.5), PRICE_BOOK, '2027-01')
    expect(below.ok ? '' : below.errors[0]?.message).toBe(
      'Monthly growth must be at least -100%; it is -150%.',
    )
  })

  it('refuses a starting month that is not a month of a year', () => {
    const errors: FieldError[] = []
    growthFieldErrors({ ...oneHighSquare(1), startMonth: '2027-13' }, errors)
    expect(errors).toEqual([
      {
        path: 'startMonth',
        field: 'startMonth',
        message: 'Starting month must be a month of a year, like 2027-01; it is "2027-13".',
      },
    ])
  })

  it('prices each month as the engine prices its jobs, for a two-stage scenario', () => {
    const example = { ...defaultScenario(), monthlyGrowth: 0.25 }
    const year = project(example)
    for (const k of [1, 5, 11]) {
      const jobs = example.jobsPerMonth * 1.25 ** k
      const engine = computeScenario({ ...example, jobsPerMonth: jobs }, PRICE_BOOK)
      expect(engine.ok).toBe(true)
      expect(year.months[k]?.costUsd).toBeCloseTo(engine.monthlyCostUsd ?? Number.NaN, 9)
    }
  })
})

describe('months', () => {
  it('steps over a year end and reads a local date', () => {
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2027-09')).toBe('2027-10')
    expect(monthOf(new Date(2026, 10, 30))).toBe('2026-11')
  })

  it('finds the first month over a budget', () => {
    const year = project(oneHighSquare(1000, 0.1))
    // $210.72 x 1.1^k passes $300 at k = 4 ($308.51), the fifth month
    expect(firstMonthOver(year.months, 300)?.month).toBe('2027-05')
    expect(firstMonthOver(year.months, 1000)).toBeNull()
  })
})
