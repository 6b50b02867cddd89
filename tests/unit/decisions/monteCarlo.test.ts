import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../../src/domain/engine'
import {
  autoQualityRange,
  bandVolumes,
  defaultVolumes,
  monteCarlo,
  monteCarloTable,
  monteCarloVolumeBand,
} from '../../../src/domain/decisions/monteCarlo'
import { mulberry32, quantileSorted, triangular } from '../../../src/domain/decisions/sampling'
import type { UncertainInputs } from '../../../src/domain/decisions/monteCarlo'
import type { Scenario } from '../../../src/domain/model'
import { defaultScenario } from '../../../src/presets/defaultScenario'
import { blankStage } from '../../../src/domain/model'
import { validScenario } from '../arbitraries'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

function run(scenario: Scenario, uncertain: UncertainInputs, samples = 10_000, seed = 7) {
  const r = monteCarlo(scenario, uncertain, PRICE_BOOK, { samples, seed })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}
const total = (s: Scenario): number => {
  const r = computeScenario(s, PRICE_BOOK)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.monthlyCostUsd
}

// Default scenario's ranges used below: jobs 800..1500, Final retry 1..2 and reach 10%..40%.
const ranges: UncertainInputs = {
  jobsPerMonth: { low: 800, high: 1500 },
  stages: [
    undefined,
    { retryMultiplier: { low: 1, high: 2 }, reachShare: { low: 0.1, high: 0.4 } },
  ],
}

describe('building blocks', () => {
  it('mulberry32 matches the reference implementation and stays in [0, 1)', () => {
    // bryc's original, verbatim apart from types: the sequence must be the published one.
    function reference(seed: number) {
      let a = seed
      return () => {
        let t = (a += 0x6d2b79f5)
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
      }
    }
    for (const seed of [0, 1, 42, 123456789]) {
      const ours = mulberry32(seed)
      const theirs = reference(seed)
      for (let i = 0; i < 1000; i++) {
        const u = ours()
        expect(u).toBe(theirs())
        expect(u).toBeGreaterThanOrEqual(0)
        expect(u).toBeLessThan(1)
      }
    }
  })

  it('triangular inverse CDF hits low, mode and high', () => {
    // On [0, 2] with mode 1, F(mode) = 0.5; F(x) = x^2 / 2 below the mode, so u = 0.125 -> 0.5
    expect(triangular(0, 0, 1, 2)).toBe(0)
    expect(triangular(0.5, 0, 1, 2)).toBe(1)
    expect(triangular(0.125, 0, 1, 2)).toBe(0.5)
    // Above the mode: x = 2 - sqrt((1 - u) x 2 x 1); u = 0.875 -> 2 - 0.5 = 1.5
    expect(triangular(0.875, 0, 1, 2)).toBe(1.5)
    expect(triangular(0.3, 5, 5, 5)).toBe(5)
    // Mode at the low end (a retry multiplier of 1 that can only get worse).
    expect(triangular(0, 1, 1, 2)).toBe(1)
  })

  it('quantiles interpolate between order statistics', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5])
    // h = (n - 1) p: 0.4 -> 1.4 ; 2 -> 3 ; 3.6 -> 4.6
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.4, 12)
    expect(quantileSorted(x, 0.5)).toBe(3)
    expect(quantileSorted(x, 0.9)).toBeCloseTo(4.6, 12)
    expect(quantileSorted(new Float64Array(0), 0.5)).toBe(0)
  })
})

describe('monteCarlo', () => {
  it('matches the analytic percentiles of a triangular jobs range', () => {
    // One stage, $0.21072 per job (high 1024x1024, no prompt). Jobs triangular on [0, 2000], mode 1000:
    // F(x) = x^2 / (2000 x 1000) below the mode, so P10 = sqrt(0.1 x 2e6) = 447.21 jobs,
    // P50 = 1000 jobs, P90 = 2000 - 447.21 = 1552.79 jobs.
    const s: Scenario = {
      name: 'one',
      modelId: 'gpt-image-2',
      jobsPerMonth: 1000,
      batch: false,
      stages: [{ ...blankStage('Final'), quality: 'high', promptTokens: 0 }],
    }
    const r = run(s, { jobsPerMonth: { low: 0, high: 2000 } }, 10_000, 3)
    expect(r.distribution).toBe('triangular')
    expect(r.baseCostUsd).toBeCloseTo(210.72, 10)
    expect(r.p10Usd / 0.21072).toBeGreaterThan(447.21 * 0.97)
    expect(r.p10Usd / 0.21072).toBeLessThan(447.21 * 1.03)
    expect(r.p50Usd / 0.21072).toBeGreaterThan(1000 * 0.97)
    expect(r.p50Usd / 0.21072).toBeLessThan(1000 * 1.03)
    expect(r.p90Usd / 0.21072).toBeGreaterThan(1552.79 * 0.98)
    expect(r.p90Usd / 0.21072).toBeLessThan(1552.79 * 1.02)
    // Mean of a triangular distribution is (low + mode + high) / 3 = 1000 jobs.
    expect(r.meanUsd / 0.21072).toBeGreaterThan(985)
    expect(r.meanUsd / 0.21072).toBeLessThan(1015)
  })

  it('each sample is the engine cost of the inputs drawn for it', () => {
    const s = defaultScenario()
    const r = run(s, ranges, 300)
    expect(r.drawn.map((d) => d.id)).toEqual([
      'jobsPerMonth',
      'stages.1.retryMultiplier',
      'stages.1.reachShare',
    ])
    expect(r.drawn.map((d) => d.label)).toEqual([
      'Jobs per month',
      'Final · Retry multiplier',
      'Final · Reach share',
    ])
    const [jobs, retry, reach] = r.drawn.map((d) => d.values)
    for (let k = 0; k < r.sampleCount; k++) {
      const engine = total({
        ...s,
        jobsPerMonth: jobs![k]!,
        stages: [
          s.stages[0]!,
          { ...s.stages[1]!, retryMultiplier: retry![k]!, reachShare: reach![k]! },
        ],
      })
      expect(Math.abs(r.samplesUsd[k]! - engine)).toBeLessThanOrEqual(engine * 1e-12)
      expect(retry![k]).toBeGreaterThanOrEqual(1)
    }
  })

  it('with nothing uncertain, every percentile is the worksheet total', () => {
    const r = run(defaultScenario(), {}, 100)
    expect(r.drawn).toEqual([])
    for (const v of [r.p10Usd, r.p50Usd, r.p90Usd, r.minUsd, r.maxUsd]) {
      expect(v).toBeCloseTo(92.583, 9)
    }
  })

  it('exports samples as a table', () => {
    const r = run(defaultScenario(), ranges, 5)
    const t = monteCarloTable(r)
    expect(t.header).toEqual([
      'Sample',
      'Jobs per month',
      'Final · Retry multiplier',
      'Final · Reach share',
      'Monthly cost (USD)',
    ])
    expect(t.rows).toHaveLength(5)
    expect(t.rows[4]?.[0]).toBe(5)
    expect(t.rows[4]?.[4]).toBe(r.samplesUsd[4])
  })

  it('gives quality auto as a range: billed as low vs as high', () => {
    const s: Scenario = {
      name: 'auto',
      modelId: 'gpt-image-2',
      jobsPerMonth: 1000,
      batch: false,
      stages: [{ ...blankStage('Only'), quality: 'auto', autoBilledAs: 'medium', promptTokens: 0 }],
    }
    // 1000 images: low 196 x $30/M = $5.88 ; high 7024 x $30/M = $210.72
    const range = autoQualityRange(s, PRICE_BOOK)
    expect(range?.lowUsd).toBeCloseTo(5.88, 10)
    expect(range?.highUsd).toBeCloseTo(210.72, 10)
    expect(run(s, {}, 10).autoQualityRange).toEqual(range)
    expect(autoQualityRange(defaultScenario(), PRICE_BOOK)).toBeNull()
  })

  it('refuses ranges that exclude the current value or leave the allowed range', () => {
    const s = defaultScenario()
    const cases: [UncertainInputs, string][] = [
      [{ jobsPerMonth: { low: 1200, high: 1500 } }, 'ranges.jobsPerMonth'],
      [{ stages: [{ retryMultiplier: { low: 0.5, high: 2 } }] }, 'ranges.stages.0.retryMultiplier'],
      [
        { stages: [undefined, { reachShare: { low: 0.1, high: 1.2 } }] },
        'ranges.stages.1.reachShare',
      ],
      [{ jobsPerMonth: { low: Number.NaN, high: 2000 } }, 'ranges.jobsPerMonth'],
      [{ stages: [undefined, undefined, {}] }, 'ranges.stages'],
    ]
    for (const [uncertain, path] of cases) {
      const r = monteCarlo(s, uncertain, PRICE_BOOK)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.errors[0]?.path).toBe(path)
    }
    expect(monteCarlo(s, {}, PRICE_BOOK, { samples: 0 }).ok).toBe(false)
    expect(monteCarlo(s, {}, PRICE_BOOK, { samples: 2.5 }).ok).toBe(false)
    expect(monteCarlo(s, {}, PRICE_BOOK, { seed: 0.5 }).ok).toBe(false)
    expect(monteCarlo({ ...s, jobsPerMonth: -1 }, {}, PRICE_BOOK).ok).toBe(false)
  })

  it('is reproducible for a seed, ordered P10 <= P50 <= P90, and within the corners', () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, seed, spread) => {
          const uncertain: UncertainInputs = {
            jobsPerMonth: {
              low: s.jobsPerMonth * (1 - spread),
              high: s.jobsPerMonth * (1 + spread),
            },
            stages: s.stages.map((st) => ({
              retryMultiplier: { low: 1, high: st.retryMultiplier + spread },
              reachShare: { low: st.reachShare * (1 - spread), high: st.reachShare },
            })),
          }
          const a = run(s, uncertain, 200, seed)
          const b = run(s, uncertain, 200, seed)
          expect(b.samplesUsd).toEqual(a.samplesUsd)
          expect(a.p10Usd).toBeLessThanOrEqual(a.p50Usd)
          expect(a.p50Usd).toBeLessThanOrEqual(a.p90Usd)
          // Every drawn input raises cost, so no sample is outside the all-low / all-high corners.
          const corner = (pick: 'low' | 'high') =>
            total({
              ...s,
              jobsPerMonth: uncertain.jobsPerMonth![pick],
              stages: s.stages.map((st, i) => ({
                ...st,
                retryMultiplier: uncertain.stages![i]!.retryMultiplier![pick],
                reachShare: uncertain.stages![i]!.reachShare![pick],
              })),
            })
          const slack = 1e-9 * (corner('high') + 1)
          expect(a.minUsd).toBeGreaterThanOrEqual(corner('low') - slack)
          expect(a.maxUsd).toBeLessThanOrEqual(corner('high') + slack)
        },
      ),
      { numRuns: 50 },
    )
  })
})

describe('monteCarloVolumeBand', () => {
  it('scales the per-job percentiles to each volume', () => {
    const s = defaultScenario()
    const band = monteCarloVolumeBand(s, ranges, PRICE_BOOK, [0, 1000, 2000], {
      samples: 2000,
      seed: 9,
    })
    if (!band.ok) throw new Error(JSON.stringify(band.errors))
    const [zero, now, twice] = band.points
    expect(zero).toEqual({ jobsPerMonth: 0, baseUsd: 0, p10Usd: 0, p50Usd: 0, p90Usd: 0 })
    expect(now?.baseUsd).toBeCloseTo(92.583, 10)
    expect(twice?.p50Usd).toBeCloseTo(2 * now!.p50Usd, 9)
    // The jobs range is the chart's axis, so at the current volume the band equals a run
    // without it (same seed, same draws).
    const fixedJobs = run(s, { stages: ranges.stages! }, 2000, 9)
    expect(now?.p10Usd).toBeCloseTo(fixedJobs.p10Usd, 9)
    expect(now?.p50Usd).toBeCloseTo(fixedJobs.p50Usd, 9)
    expect(now?.p90Usd).toBeCloseTo(fixedJobs.p90Usd, 9)
    for (const p of band.points) {
      expect(p.p10Usd).toBeLessThanOrEqual(p.p50Usd)
      expect(p.p50Usd).toBeLessThanOrEqual(p.p90Usd)
    }
  })

  it('defaults to eleven volumes up to twice the plan, and refuses bad volumes', () => {
    expect(defaultVolumes(1000)).toEqual([
      0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000,
    ])
    expect(defaultVolumes(0).at(-1)).toBe(1000)
    const band = monteCarloVolumeBand(defaultScenario(), {}, PRICE_BOOK)
    expect(band.ok && band.points.length).toBe(11)
    const bad = monteCarloVolumeBand(defaultScenario(), {}, PRICE_BOOK, [10, -1])
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors[0]?.path).toBe('volumes.1')
  })

  it('chart volumes: round steps to twice the plan or past a jobs range, with the plan itself', () => {
    expect(bandVolumes(1000)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000])
    // 2 x 1,234 = 2,468: steps of 250 up to 2,500, and 1,234 slotted in between
    expect(bandVolumes(1234)).toEqual([
      0, 250, 500, 750, 1000, 1234, 1250, 1500, 1750, 2000, 2250, 2500,
    ])
    // A jobs range topping out at 2,600 stretches the axis past it: steps of 500 to 3,000.
    expect(bandVolumes(1000, { low: 800, high: 2600 })).toEqual([
      0, 500, 1000, 1500, 2000, 2500, 3000,
    ])
    expect(bandVolumes(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(bandVolumes(Number.NaN)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})
