import { customModelProblems, isCustomModelId, PRICED_BY } from '../domain/customModels'
import type { CustomModel, PricedBy } from '../domain/customModels'
import { BILLED_QUALITIES, METERS } from '../domain/model'
import type { Meter } from '../domain/model'
import type { QualityTable, SizeKey } from '../domain/priceBook'

// Custom models saved with the worksheet (local storage) come back through
// here: untrusted like any input, so each is checked field by field and then
// validated as the form validates it. A model that fails is refused with its
// reason, never repaired into something the person did not enter.

type Plain = Record<string, unknown>
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function qualityTable(v: unknown): QualityTable | null {
  if (!isPlain(v)) return null
  const out: Partial<QualityTable> = {}
  for (const q of BILLED_QUALITIES) {
    const n = v[q]
    if (!isNum(n)) return null
    out[q] = n
  }
  return out as QualityTable
}

/** One saved custom model, or why it cannot be read. `others`: names it must not take. */
export function readCustomModel(
  raw: unknown,
  others: readonly string[],
): { ok: true; model: CustomModel } | { ok: false; reason: string } {
  if (!isPlain(raw)) return { ok: false, reason: 'a custom model is not an object' }
  const {
    id,
    name,
    pricedBy,
    meters,
    tokenRule,
    tokenTable,
    qualityPrices,
    sizes,
    sourceUrl,
    asOf,
  } = raw
  if (typeof id !== 'string' || !isCustomModelId(id)) {
    return { ok: false, reason: `a custom model's id ${JSON.stringify(id)} is not a custom id` }
  }
  const label = typeof name === 'string' ? name : id
  if (typeof name !== 'string' || typeof sourceUrl !== 'string' || typeof asOf !== 'string') {
    return { ok: false, reason: `custom model "${label}" lacks its name, source URL or date` }
  }
  if (!PRICED_BY.includes(pricedBy as PricedBy)) {
    return { ok: false, reason: `custom model "${label}" has no known "Priced by"` }
  }
  if (!isPlain(meters)) return { ok: false, reason: `custom model "${label}" has no prices` }
  const m: Partial<Record<Meter, number>> = {}
  for (const meter of METERS) {
    const v = meters[meter]
    if (v === undefined) continue
    if (!isNum(v))
      return { ok: false, reason: `custom model "${label}" has a price that is not a number` }
    m[meter] = v
  }
  if (!Array.isArray(sizes) || !sizes.every((s) => typeof s === 'string' && /^\d+x\d+$/.test(s))) {
    return { ok: false, reason: `custom model "${label}" has no readable list of sizes` }
  }
  const model: CustomModel = {
    id,
    name,
    pricedBy: pricedBy as PricedBy,
    meters: m,
    sizes: sizes as SizeKey[],
    sourceUrl,
    asOf,
  }
  if (pricedBy === 'tokens') {
    if (tokenRule !== 'gpt-image-2' && tokenRule !== 'table') {
      return { ok: false, reason: `custom model "${label}" has no output-token rule` }
    }
    model.tokenRule = tokenRule
    if (tokenRule === 'table') {
      if (!isPlain(tokenTable))
        return { ok: false, reason: `custom model "${label}" has no token table` }
      const table: Partial<Record<SizeKey, QualityTable>> = {}
      for (const size of model.sizes) {
        const row = qualityTable(tokenTable[size])
        if (!row) return { ok: false, reason: `custom model "${label}" lacks tokens at ${size}` }
        table[size] = row
      }
      model.tokenTable = table
    }
  } else {
    const q = qualityTable(qualityPrices)
    if (!q) return { ok: false, reason: `custom model "${label}" lacks a price per quality` }
    model.qualityPrices = q
    // Output is priced per image or megapixel here; a per-token output price would mean nothing.
    delete model.meters.imageOutput
  }
  const problem = customModelProblems(model, others)[0]
  if (problem) return { ok: false, reason: `custom model "${label}": ${problem.message}` }
  return { ok: true, model }
}

/** The saved list of custom models, or the first reason one cannot be read. */
export function readCustomModels(
  raw: unknown,
  reserved: readonly string[],
): { ok: true; models: CustomModel[] } | { ok: false; reason: string } {
  if (!Array.isArray(raw)) return { ok: false, reason: 'the custom models are not a list' }
  const models: CustomModel[] = []
  for (const item of raw) {
    const r = readCustomModel(item, [...reserved, ...models.map((m) => m.name)])
    if (!r.ok) return r
    if (models.some((m) => m.id === r.model.id)) {
      return { ok: false, reason: `two custom models have the id ${r.model.id}` }
    }
    models.push(r.model)
  }
  return { ok: true, models }
}
