import { beforeEach, describe, expect, it } from 'vitest'
import type { CustomModel } from '../../src/domain/customModels'
import { computeScenario } from '../../src/domain/engine'
import { decisionScenario } from '../../src/domain/draft'
import { readPersisted } from '../../src/io/persisted'
import { bookWith } from '../../src/store/priceBook'
import { createWorksheetStore, STORAGE_KEY } from '../../src/store/worksheet'

const ACME: CustomModel = {
  id: 'custom-acme-v1',
  name: 'Acme v1',
  pricedBy: 'image',
  meters: {},
  qualityPrices: { low: 0.01, medium: 0.04, high: 0.12 },
  sizes: ['1024x1024', '1536x1024'],
  sourceUrl: 'https://acme.example/pricing',
  asOf: '2026-11-02',
}

beforeEach(() => {
  localStorage.clear()
})

function worksheet() {
  const store = createWorksheetStore(localStorage)
  const s = () => store.getState()
  const active = () => s().scenarios.find((d) => d.id === s().activeId)!
  const monthly = () =>
    computeScenario(decisionScenario(active()), bookWith(s().customModels)).monthlyCostUsd
  return { store, s, active, monthly }
}

describe('custom models in the worksheet store', () => {
  it('are saved with the worksheet and come back on the next load', () => {
    const { store, s } = worksheet()
    s().addCustomModel(ACME)
    store.flushSaves()
    const raw = localStorage.getItem(STORAGE_KEY)!
    const read = readPersisted(raw)
    expect(read.ok && read.state.customModels).toEqual([ACME])
    expect(worksheet().s().customModels).toEqual([ACME])
  })

  it('undoes and redoes adding, editing and removing a model', () => {
    const { s } = worksheet()
    s().addCustomModel(ACME)
    s().updateCustomModel({ ...ACME, name: 'Acme v1.1' })
    s().removeCustomModel(ACME.id)
    expect(s().customModels).toEqual([])
    s().undo()
    expect(s().customModels[0]?.name).toBe('Acme v1.1')
    s().undo()
    expect(s().customModels[0]?.name).toBe('Acme v1')
    s().undo()
    expect(s().customModels).toEqual([])
    s().redo()
    s().redo()
    expect(s().customModels[0]?.name).toBe('Acme v1.1')
  })

  it('leaves a scenario on a removed model as it was, with no total, until undo', () => {
    const { s, active, monthly } = worksheet()
    s().addCustomModel(ACME)
    // The example's stages: Draft (low, 1000 x 4 x 1.5 = 6,000 images) and Final (high, 1536x1024, 325 images):
    // $0.01 x 6,000 + $0.12 x 325 = $99, the same at both sizes.
    s().editScenario({ modelId: ACME.id })
    expect(monthly()).toBeCloseTo(6000 * 0.01 + 325 * 0.12, 10)
    s().removeCustomModel(ACME.id)
    expect(active().modelId).toBe(ACME.id)
    const r = computeScenario(decisionScenario(active()), bookWith(s().customModels))
    expect(r.ok).toBe(false)
    expect(r.errors.map((e) => e.path)).toEqual(['modelId'])
    s().undo()
    expect(monthly()).toBeCloseTo(99, 10)
  })

  it('adds an imported model beside a different one of the same id, renamed, in one undo step', () => {
    const { s, active } = worksheet()
    s().addCustomModel(ACME)
    const theirs: CustomModel = { ...ACME, qualityPrices: { low: 0.02, medium: 0.05, high: 0.2 } }
    const imported = { ...decisionScenario(active()), name: 'Theirs', modelId: ACME.id }
    s().importScenarios([imported], 'add', [theirs])
    expect(s().customModels.map((m) => [m.id, m.name])).toEqual([
      ['custom-acme-v1', 'Acme v1'],
      ['custom-acme-v1-2', 'Acme v1 (2)'],
    ])
    expect(active().modelId).toBe('custom-acme-v1-2')
    s().importScenarios([imported], 'add', [ACME])
    expect(s().customModels).toHaveLength(2)
    expect(active().modelId).toBe('custom-acme-v1')
    s().undo()
    s().undo()
    expect(s().customModels).toEqual([ACME])
  })
})
