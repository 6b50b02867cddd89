import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario, outputTokens } from '../../src/domain/engine'
import type { BilledQuality, Scenario } from '../../src/domain/model'
import { STAGE_NUMBER_FIELDS } from '../../src/domain/validate'
import { validScenario, validSize, validStage } from './arbitraries'
import { PRICE_BOOK } from '../../src/presets/priceBook'

const total = (s: Scenario): number => {
  const r = computeScenario(s, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.monthlyCostUsd
}

/** Every number anywhere inside a value, so NaN cannot hide in a nested field. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn)
  return []
}

describe('engine invariants', () => {
  it('cost is linear in jobs per month', () => {
    fc.assert(
      fc.property(validScenario, fc.integer({ min: 2, max: 1000 }), (s, k) => {
        const once = total(s)
        const scaled = total({ ...s, jobsPerMonth: s.jobsPerMonth * k })
        expect(scaled).toBeCloseTo(once * k, Math.max(0, 8 - Math.ceil(Math.log10(once * k + 1))))
      }),
    )
  })

  it('higher quality never costs less at the same size', () => {
    const order: BilledQuality[] = ['low', 'medium', 'high']
    fc.assert(
      fc.property(validSize, ([w, h]) => {
        const t = order.map((q) => {
          const r = outputTokens('gpt-image-2', q, w, h, PRICE_BOOK)
          if (!r.ok) throw new Error(r.message)
          return r.tokens
        })
        expect(t[0]).toBeLessThanOrEqual(t[1]!)
        expect(t[1]).toBeLessThanOrEqual(t[2]!)
      }),
    )
    fc.assert(
      fc.property(validScenario, fc.nat(), (s, pick) => {
        const i = pick % s.stages.length
        const costs = order.map((quality) =>
          total({ ...s, stages: s.stages.map((st, j) => (j === i ? { ...st, quality } : st)) }),
        )
        expect(costs[0]).toBeLessThanOrEqual(costs[1]!)
        expect(costs[1]).toBeLessThanOrEqual(costs[2]!)
      }),
    )
  })

  it('batch halves the total exactly', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        expect(total({ ...s, batch: true })).toBe(total({ ...s, batch: false }) / 2)
      }),
    )
  })

  it('valid scenarios give finite, non-negative results everywhere', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = computeScenario(s, PRICE_BOOK)
        expect(r.ok).toBe(true)
        for (const n of numbersIn(r)) {
          expect(Number.isFinite(n)).toBe(true)
          expect(n).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })

  it('every invalid stage field gives an error naming it, never NaN', () => {
    const badValue = fc.constantFrom<unknown>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      1e9,
      '12',
      undefined,
      null,
    )
    fc.assert(
      fc.property(
        validScenario,
        fc.nat(),
        fc.constantFrom(...STAGE_NUMBER_FIELDS),
        badValue,
        (s, pick, field, value) => {
          const i = pick % s.stages.length
          const stages = s.stages.map((st, j) => (j === i ? { ...st, [field]: value } : st))
          const r = computeScenario({ ...s, stages: stages }, PRICE_BOOK)
          expect(r.ok).toBe(false)
          expect(r.monthlyCostUsd).toBeNull()
          expect(r.errors.some((e) => e.stageIndex === i && e.field === field)).toBe(true)
          for (const e of r.errors) expect(e.message).toMatch(/\.$/)
          for (const n of numbersIn(r)) expect(Number.isNaN(n)).toBe(false)
        },
      ),
    )
  })

  it('an invalid jobs per month is named, whatever the stages', () => {
    fc.assert(
      fc.property(
        fc.array(validStage, { maxLength: 3 }),
        fc.constantFrom(-5, Number.NaN, Number.POSITIVE_INFINITY, 2e12),
        (stages, jobsPerMonth) => {
          const r = computeScenario(
            {
              name: 'x',
              modelId: 'gpt-image-2',
              batch: false,
              jobsPerMonth,
              stages,
            },
            PRICE_BOOK,
          )
          expect(r.errors.map((e) => e.path)).toContain('jobsPerMonth')
        },
      ),
    )
  })
})
