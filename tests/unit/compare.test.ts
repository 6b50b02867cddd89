import { describe, expect, it } from 'vitest'
import { alignStages, assumptionRows, compareScenarios, costView } from '../../src/domain/compare'
import { comparedIds, MAX_COMPARED } from '../../src/domain/compareSet'
import type { CompareRow, CompareTable, ScenarioOutcome } from '../../src/domain/compare'
import { computeScenario } from '../../src/domain/engine'
import type { Scenario } from '../../src/domain/model'
import type { Usd } from '../../src/domain/units'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { blankStage } from '../../src/domain/model'
import { presetScenario } from '../../src/presets/useCases'
import { PRICE_BOOK } from '../../src/presets/priceBook'

const outcome = (scenario: Scenario): ScenarioOutcome => ({
  name: scenario.name,
  result: computeScenario(scenario, PRICE_BOOK),
})

// expect.closeTo is typed any; as unknown it can sit in an object literal.
const near = (n: number, digits = 10): unknown => expect.closeTo(n, digits)

// Default scenario (hand-computed in engine.test.ts):
//   Draft $38.88 (output $35.28 + text $3.60), Final $53.703 (output $53.508 + text $0.195)
//   month $92.583; 1000 jobs -> $0.092583 per job; 4250 kept images; 6325 billable images
//   by meter: text $3.795, image output $88.788, the other three $0
const defaults = outcome(defaultScenario())
// SaaS onboarding preset (hand-computed in useCases.test.ts):
//   Draft $15.912 (output $14.112 + text $1.80), Upgrade visual $19.2348 (output $18.9648 + text $0.27)
//   month $35.1468; 2000 jobs -> $0.0175734 per job; 2000 + 300 = 2300 kept; 2760 billable
//   by meter: text $2.07, image output $33.0768
const saas = outcome(presetScenario('saas-onboarding-thumbnails'))
// Retry multiplier 0.5 is below the allowed minimum of 1.
const broken = outcome({
  ...defaultScenario(),
  name: 'Broken',
  stages: [{ ...blankStage('Draft'), retryMultiplier: 0.5 }],
})

function row(table: CompareTable, id: string): CompareRow {
  const found = table.rows.find((r) => r.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}

describe('compareScenarios', () => {
  const table = compareScenarios([defaults, saas, broken], 0)

  it('describes each column', () => {
    expect(table.baselineIndex).toBe(0)
    expect(table.columns).toEqual([
      { name: 'Draft + final (example)', isBaseline: true, complete: true, errorCount: 0 },
      { name: 'SaaS onboarding thumbnails', isBaseline: false, complete: true, errorCount: 0 },
      { name: 'Broken', isBaseline: false, complete: false, errorCount: 1 },
    ])
  })

  it('lists totals, then the five meters, then stages lined up by name', () => {
    expect(table.rows.map((r) => [r.id, r.label, r.group, r.unit])).toEqual([
      ['monthly', 'Monthly cost', 'total', 'usd'],
      ['annual', 'Annual cost', 'total', 'usd'],
      ['perJob', 'Cost per job', 'total', 'usd'],
      ['perDeliveredImage', 'Cost per delivered image', 'total', 'usd'],
      ['perKeptImage', 'Cost per kept image', 'total', 'usd'],
      ['billableImages', 'Billable images', 'total', 'images'],
      ['meter:textInput', 'Text input', 'meter', 'usd'],
      ['meter:cachedTextInput', 'Cached text input', 'meter', 'usd'],
      ['meter:imageInput', 'Image input', 'meter', 'usd'],
      ['meter:cachedImageInput', 'Cached image input', 'meter', 'usd'],
      ['meter:imageOutput', 'Image output', 'meter', 'usd'],
      ['stage:0', 'Draft', 'stage', 'usd'],
      ['stage:1', 'Final', 'stage', 'usd'],
      ['stage:2', 'Upgrade visual', 'stage', 'usd'],
    ])
  })

  it('gives monthly cost and its difference from the baseline', () => {
    // SaaS vs default: $35.1468 - $92.583 = -$57.4362, i.e. -57.4362 / 92.583 of the baseline.
    const [base, other, bad] = row(table, 'monthly').cells
    expect(base).toEqual({
      status: 'ok',
      value: near(92.583, 10),
      deltaFromBaseline: 0,
      deltaFraction: 0,
    })
    expect(other?.value).toBeCloseTo(35.1468, 10)
    expect(other?.deltaFromBaseline).toBeCloseTo(-57.4362, 10)
    expect(other?.deltaFraction).toBeCloseTo(-57.4362 / 92.583, 12)
    expect(bad).toEqual({
      status: 'incomplete',
      value: null,
      deltaFromBaseline: null,
      deltaFraction: null,
    })
  })

  it('adds a 12-month total row when the outcomes carry their projections', () => {
    // The example flat: 12 x $92.583 = $1,110.996; SaaS at 10% a month:
    // $35.1468 x (1.1^12 - 1) / 0.1 = $35.1468 x 21.384284 = $751.59; Broken has none.
    const withYear = compareScenarios(
      [
        { ...defaults, yearTotalUsd: 1110.996 as Usd },
        { ...saas, yearTotalUsd: 751.5898 as Usd },
        { ...broken, yearTotalUsd: null },
      ],
      0,
    )
    const year = row(withYear, 'year')
    expect(year.label).toBe('12-month total')
    expect(year.cells[1]?.value).toBeCloseTo(751.5898, 9)
    expect(year.cells[1]?.deltaFromBaseline).toBeCloseTo(751.5898 - 1110.996, 9)
    expect(year.cells[2]?.status).toBe('incomplete')
    // Without projections the row is left out, not shown empty.
    expect(table.rows.some((r) => r.id === 'year')).toBe(false)
  })

  it('gives annual, per-job, per-kept-image and billable-image figures', () => {
    // Annual: 12 x $35.1468 = $421.7616 vs 12 x $92.583 = $1,110.996 -> -$689.2344
    expect(row(table, 'annual').cells[1]?.value).toBeCloseTo(421.7616, 9)
    expect(row(table, 'annual').cells[1]?.deltaFromBaseline).toBeCloseTo(-689.2344, 9)
    // Per job: $35.1468 / 2000 = $0.0175734 vs $0.092583 -> -$0.0750096
    expect(row(table, 'perJob').cells[1]?.value).toBeCloseTo(0.0175734, 12)
    expect(row(table, 'perJob').cells[1]?.deltaFromBaseline).toBeCloseTo(-0.0750096, 12)
    // Per kept image: $35.1468 / 2300 vs $92.583 / 4250
    expect(row(table, 'perKeptImage').cells[1]?.value).toBeCloseTo(35.1468 / 2300, 12)
    expect(row(table, 'perKeptImage').cells[0]?.value).toBeCloseTo(92.583 / 4250, 12)
    // Billable images: 2760 vs 6325 -> -3565, -3565 / 6325 of the baseline
    const images = row(table, 'billableImages').cells[1]
    expect(images?.value).toBeCloseTo(2760, 9)
    expect(images?.deltaFromBaseline).toBeCloseTo(-3565, 9)
    expect(images?.deltaFraction).toBeCloseTo(-3565 / 6325, 12)
  })

  it('gives cost by meter, with no percentage against a $0 baseline', () => {
    // Text: $2.07 vs $3.795 -> -$1.725; image output: $33.0768 vs $88.788 -> -$55.7112
    expect(row(table, 'meter:textInput').cells[1]?.value).toBeCloseTo(2.07, 10)
    expect(row(table, 'meter:textInput').cells[1]?.deltaFromBaseline).toBeCloseTo(-1.725, 10)
    expect(row(table, 'meter:imageOutput').cells[1]?.deltaFromBaseline).toBeCloseTo(-55.7112, 10)
    expect(row(table, 'meter:imageInput').cells[1]).toEqual({
      status: 'ok',
      value: 0,
      deltaFromBaseline: 0,
      deltaFraction: null,
    })
  })

  it('marks a stage a scenario lacks as absent, and compares shared stages', () => {
    // Draft: $15.912 vs $38.88 -> -$22.968
    const draft = row(table, 'stage:0').cells
    expect(draft[1]?.value).toBeCloseTo(15.912, 10)
    expect(draft[1]?.deltaFromBaseline).toBeCloseTo(-22.968, 10)
    expect(draft[2]?.status).toBe('incomplete')
    expect(row(table, 'stage:1').cells.map((c) => c.status)).toEqual(['ok', 'absent', 'incomplete'])
    const upgrade = row(table, 'stage:2').cells
    expect(upgrade[0]?.status).toBe('absent')
    // The baseline has no Upgrade visual stage: a value but nothing to compare it with.
    expect(upgrade[1]).toEqual({
      status: 'ok',
      value: near(19.2348, 10),
      deltaFromBaseline: null,
      deltaFraction: null,
    })
  })

  it('says incomplete for every figure of a scenario with errors, and never NaN', () => {
    for (const r of table.rows) {
      expect(r.cells).toHaveLength(3)
      expect(r.cells[2]?.status).toBe('incomplete')
      for (const cell of r.cells) {
        for (const n of [cell.value, cell.deltaFromBaseline, cell.deltaFraction]) {
          if (n !== null) expect(Number.isFinite(n)).toBe(true)
        }
      }
    }
  })

  it('leaves deltas out when the baseline itself is incomplete', () => {
    const t = compareScenarios([defaults, saas, broken], 2)
    expect(t.columns.map((c) => c.isBaseline)).toEqual([false, false, true])
    expect(row(t, 'monthly').cells[1]).toEqual({
      status: 'ok',
      value: near(35.1468, 10),
      deltaFromBaseline: null,
      deltaFraction: null,
    })
  })

  it('gives no per-job figure for zero jobs, and no percentage against a $0 month', () => {
    const idle = outcome({ ...defaultScenario(), name: 'Idle', jobsPerMonth: 0 })
    const t = compareScenarios([idle, defaults], 0)
    expect(row(t, 'perJob').cells.map((c) => c.status)).toEqual(['notApplicable', 'ok'])
    expect(row(t, 'perJob').cells[1]?.deltaFromBaseline).toBeNull()
    // $92.583 - $0 = $92.583, but a share of $0 is not a number.
    expect(row(t, 'monthly').cells[1]?.deltaFromBaseline).toBeCloseTo(92.583, 10)
    expect(row(t, 'monthly').cells[1]?.deltaFraction).toBeNull()
  })

  it('falls back to the first scenario when the baseline index is out of range', () => {
    for (const bad of [-1, 3, 1.5, Number.NaN]) {
      const t = compareScenarios([defaults, saas, broken], bad)
      expect(t.baselineIndex).toBe(0)
      expect(t.columns[0]?.isBaseline).toBe(true)
    }
    const empty = compareScenarios([], 0)
    expect(empty.baselineIndex).toBe(0)
    expect(empty.columns).toEqual([])
    expect(empty.rows.every((r) => r.cells.length === 0)).toBe(true)
  })
})

describe('alignStages', () => {
  it('matches the k-th stage of a name with the k-th of that name elsewhere', () => {
    const twoFinals: Scenario = {
      ...defaultScenario(),
      name: 'Two finals',
      // promptTokens 0 and 1 job keep the arithmetic short:
      // Final: 1 x 1,756 medium tokens x $30/M = $0.05268; Final (2): 1 x 7,024 x $30/M = $0.21072
      jobsPerMonth: 1,
      stages: [
        { ...blankStage('Final'), promptTokens: 0 },
        { ...blankStage('Final'), quality: 'high', promptTokens: 0 },
      ],
    }
    const aligned = alignStages([
      computeScenario(defaultScenario(), PRICE_BOOK),
      computeScenario(twoFinals, PRICE_BOOK),
      broken.result,
    ])
    expect(aligned.labels).toEqual(['Draft', 'Final', 'Final (2)'])
    expect(aligned.costsUsd[0]).toEqual([near(38.88, 10), near(53.703, 10)])
    expect(aligned.costsUsd[1]).toEqual([undefined, near(0.05268, 12), near(0.21072, 12)])
    expect(aligned.costsUsd[2]).toBeNull()
  })

  it('names a blank stage instead of showing an empty label', () => {
    const blank: Scenario = { ...defaultScenario(), stages: [blankStage('  ')] }
    expect(alignStages([computeScenario(blank, PRICE_BOOK)]).labels).toEqual(['Unnamed stage'])
  })
})

describe('costView and the "Show costs" choice', () => {
  const outcomes = [defaults, saas, broken]
  // The example runs 1,000 jobs a month, SaaS onboarding 2,000.
  const jobs = [1000, 2000, 1000]
  const cell = (t: CompareTable, id: string, i: number) => row(t, id).cells[i]?.value

  it('per month leaves every figure as it is', () => {
    const t = compareScenarios(outcomes, 0, costView(outcomes, jobs, 'perMonth', 0))
    expect(cell(t, 'stage:0', 1)).toBeCloseTo(15.912, 12)
    expect(t.rows.some((r) => r.id === 'atBaselineJobs')).toBe(false)
  })

  it('per job divides meter and stage figures by jobs per month', () => {
    const view = costView(outcomes, jobs, 'perJob', 0)
    expect(view.unit).toBe('USD per job')
    const t = compareScenarios(outcomes, 0, view)
    // Example Draft $38.88 / 1,000 jobs; SaaS Draft $15.912 / 2,000 jobs.
    expect(cell(t, 'stage:0', 0)).toBeCloseTo(0.03888, 12)
    expect(cell(t, 'stage:0', 1)).toBeCloseTo(0.007956, 12)
    // SaaS image output $33.0768 / 2,000 = $0.0165384.
    expect(cell(t, 'meter:imageOutput', 1)).toBeCloseTo(0.0165384, 12)
    // Totals stay monthly.
    expect(cell(t, 'monthly', 1)).toBeCloseTo(35.1468, 10)
    expect(row(t, 'stage:0').cells[2]?.status).toBe('incomplete')
  })

  it("at the baseline's jobs per month rescales every scenario to the baseline's volume", () => {
    const view = costView(outcomes, jobs, 'atBaselineJobs', 0)
    expect(view.scales.slice(0, 2)).toEqual([1, 0.5])
    const t = compareScenarios(outcomes, 0, view)
    // SaaS at 1,000 jobs instead of 2,000: $35.1468 x 1,000 / 2,000 = $17.5734.
    expect(cell(t, 'atBaselineJobs', 1)).toBeCloseTo(17.5734, 10)
    expect(cell(t, 'atBaselineJobs', 0)).toBeCloseTo(92.583, 10)
    // -$75.0096 against the baseline, all of it workflow, none of it volume.
    expect(row(t, 'atBaselineJobs').cells[1]?.deltaFromBaseline).toBeCloseTo(17.5734 - 92.583, 10)
    // Upgrade visual $19.2348 x 0.5 = $9.6174.
    expect(cell(t, 'stage:2', 1)).toBeCloseTo(9.6174, 10)
  })

  it('per delivered image divides by the images kept at the stages that deliver finals', () => {
    const view = costView(outcomes, jobs, 'perDeliveredImage', 0)
    expect(view.unit).toBe('USD per delivered image')
    const t = compareScenarios(outcomes, 0, view)
    // Example: Draft $38.88 over 250 finals (1,000 jobs x 25% x 1 image) = $0.15552.
    expect(cell(t, 'stage:0', 0)).toBeCloseTo(0.15552, 10)
    // SaaS: Draft $15.912 over 300 upgraded visuals (2,000 jobs x 15%) = $0.05304.
    expect(cell(t, 'stage:0', 1)).toBeCloseTo(0.05304, 10)
    // The whole example: $92.583 / 250 = $0.370332.
    expect(cell(t, 'perDeliveredImage', 0)).toBeCloseTo(0.370332, 10)
    expect(row(t, 'stage:0').cells[2]?.status).toBe('incomplete')
  })

  it('has no per-job figure for a scenario with no jobs', () => {
    const view = costView([defaults], [0], 'perJob', 0)
    expect(view.scales).toEqual([null])
  })
})

describe('assumptionRows', () => {
  it('lists model, jobs, batch, then each stage lined up by name, with null where it is absent', () => {
    const rows = assumptionRows([defaultScenario(), presetScenario('saas-onboarding-thumbnails')])
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(rows.slice(0, 3).map((r) => [r.label, r.cells])).toEqual([
      ['Model', ['gpt-image-2', 'gpt-image-2']],
      ['Jobs per month', [1000, 2000]],
      ['Batch API', ['No', 'No']],
    ])
    // Stages: Draft (both), Final (example only), Upgrade visual (SaaS only).
    expect(byId['stage:0:quality']?.stage).toBe('Draft')
    expect(byId['stage:0:quality']?.cells).toEqual(['low', 'low'])
    expect(byId['stage:1:quality']?.stage).toBe('Final')
    expect(byId['stage:1:quality']?.cells[1]).toBeNull()
    expect(byId['stage:2:reach']?.cells).toEqual([null, 0.15])
    expect(byId['stage:2:retry']?.cells).toEqual([null, 1.2])
    expect(byId['stage:0:size']?.cells[1]).toBe('1024×1024')
    expect(rows).toHaveLength(3 + 3 * 5)
  })
})

describe('comparedIds', () => {
  it('compares every scenario not left out, the first 12 at most', () => {
    const ids = Array.from({ length: 15 }, (_, i) => `s${i}`)
    expect(MAX_COMPARED).toBe(12)
    expect(comparedIds(ids, [])).toEqual(ids.slice(0, 12))
    expect(comparedIds(ids, ['s0'])).toEqual(ids.slice(1, 13))
    expect(comparedIds(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c'])
  })
})
