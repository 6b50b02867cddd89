import { describe, expect, it } from 'vitest'
import type { CustomModel } from '../../../src/domain/customModels'
import { withCustomModels } from '../../../src/domain/customModels'
import { computeScenario } from '../../../src/domain/engine'
import type { Scenario } from '../../../src/domain/model'
import { blankStage } from '../../../src/domain/model'
import { exportScenariosCsv } from '../../../src/io/csv/export'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { decodeShareLink, encodeShareLink } from '../../../src/io/shareLink'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

const PIXO: CustomModel = {
  id: 'custom-pixo',
  name: 'Pixo, "fast"',
  pricedBy: 'megapixel',
  meters: { textInput: 2 },
  qualityPrices: { low: 0.01, medium: 0.02, high: 0.05 },
  sizes: ['1024x1024', '1536x1024'],
  sourceUrl: 'https://pixo.example/pricing',
  asOf: '2026-10-15',
}
const BOOK = withCustomModels(PRICE_BOOK, [PIXO])

const plan: Scenario = {
  name: 'Listings',
  modelId: PIXO.id,
  jobsPerMonth: 500,
  batch: false,
  stages: [
    { ...blankStage('Draft'), quality: 'low' },
    { ...blankStage('Final'), quality: 'medium', width: 1536, retryMultiplier: 1.2 },
  ],
}
// Draft: 500 x 1.048576 MP x $0.01 = $5.24288, prompts 500 x 120 x $2/M = $0.12.
// Final: 600 x 1.572864 MP x $0.02 = $18.874368, prompts 600 x 120 x $2/M = $0.144.
const MONTHLY = 5.24288 + 0.12 + 18.874368 + 0.144

const cells = (csv: string) => csv.split('\r\n')[1]!

describe('custom models in CSV (format version 3)', () => {
  it('writes the model after the computed columns and reads back the same scenario and model', () => {
    const csv = exportScenariosCsv([plan], BOOK)
    expect(cells(csv).startsWith('3,Listings,custom-pixo,500,false,2,0,0,0,0,')).toBe(true)
    expect(
      cells(csv).endsWith(
        '"{""name"":""Pixo, \\""fast\\"""",""pricedBy"":""megapixel"",""meters"":{""textInput"":2},""qualityPrices"":{""low"":0.01,""medium"":0.02,""high"":0.05},""sizes"":[""1024x1024"",""1536x1024""],""sourceUrl"":""https://pixo.example/pricing"",""asOf"":""2026-10-15""}"',
      ),
    ).toBe(true)
    const back = importScenariosCsv(csv, PRICE_BOOK)
    expect(back.problems).toEqual([])
    expect(back.models).toEqual([PIXO])
    expect(back.scenarios[0]!.scenario).toEqual(plan)
    const r = computeScenario(
      back.scenarios[0]!.scenario,
      withCustomModels(PRICE_BOOK, back.models!),
    )
    expect(r.monthlyCostUsd).toBeCloseTo(MONTHLY, 10)
  })

  it('reports a bad definition on the scenario first row, and imports the other scenarios', () => {
    const other: Scenario = { ...plan, name: 'Other', modelId: 'gpt-image-2' }
    const csv = exportScenariosCsv([plan, other], BOOK).replaceAll('""low"":0.01', '""low"":-0.01')
    const back = importScenariosCsv(csv, PRICE_BOOK)
    expect(back.problems).toEqual([
      {
        row: 2,
        column: 'custom_model',
        message:
          'custom_model cannot be used: custom model "Pixo, "fast"": Low price per megapixel (USD) must be at least 0; it is -0.01.',
        severity: 'error',
      },
    ])
    expect(back.scenarios.map((s) => [s.name, s.errors.length])).toEqual([
      ['Listings', 1],
      ['Other', 0],
    ])
  })

  it('refuses a definition on a price-book model and one that is not JSON', () => {
    const csv = exportScenariosCsv([plan], BOOK)
    const onBuiltIn = importScenariosCsv(csv.replaceAll('custom-pixo', 'gpt-image-2'), PRICE_BOOK)
    expect(onBuiltIn.problems[0]?.message).toBe(
      'custom_model describes a model, but model "gpt-image-2" is not a custom model\'s id (those start with "custom-"); leave custom_model blank for a price-book model.',
    )
    const broken = importScenariosCsv(csv.replaceAll('""pricedBy""', '""pricedBy'), PRICE_BOOK)
    expect(broken.problems[0]?.message).toBe(
      'custom_model is not readable: it must be the model as JSON, as this app exports it (see docs/csv-format.md).',
    )
  })

  it('travels in a share link', async () => {
    const link = await encodeShareLink([plan], 'https://example.test/', BOOK)
    const decoded = await decodeShareLink(link)
    if (!decoded.ok) throw new Error(decoded.message)
    expect(decoded.import.models).toEqual([PIXO])
    expect(decoded.import.scenarios[0]!.scenario).toEqual(plan)
  })
})
