import type { BilledQuality, Meter } from './model'
import { BILLED_QUALITIES, METERS } from './model'
import { groupedNumber } from './numberText'
import { gptImage2SizeProblems } from './outputTokens'
import type {
  ModelSpec,
  OutputRule,
  PriceBook,
  PriceFact,
  QualityTable,
  SizeKey,
} from './priceBook'
import { usdPerMillion } from './units'
import { checkNumber, PRICE_RULE } from './validate'
import type { NumberRule } from './validate'

/**
 * A model the person adds to the worksheet from a provider's page or a quote:
 * the price book does not know it. Saved with the worksheet, carried in CSV
 * files and share links, and turned into a `ModelSpec` by `customModelSpec`.
 */
export type PricedBy = 'tokens' | 'image' | 'megapixel'
export const PRICED_BY: readonly PricedBy[] = ['tokens', 'image', 'megapixel']
/** The words of the "Priced by" choice; CSV files use the same words. */
export const PRICED_BY_LABELS: Record<PricedBy, string> = {
  tokens: 'Tokens',
  image: 'Image',
  megapixel: 'Megapixel',
}

/** How a token-priced model counts output tokens: gpt-image-2's size rule, or a table the person fills. */
export type TokenRule = 'gpt-image-2' | 'table'

export interface CustomModel {
  /** Starts with CUSTOM_ID_PREFIX, so it never collides with a price-book id. */
  id: string
  name: string
  pricedBy: PricedBy
  /**
   * USD per 1M tokens. Tokens: all five meters. Image and Megapixel: the input
   * meters only, each optional (left out: not billed); imageOutput is not used.
   */
  meters: Partial<Record<Meter, number>>
  /** Tokens only. */
  tokenRule?: TokenRule
  /** Tokens with a table: output tokens of one image, by size then quality, for every size in `sizes`. */
  tokenTable?: Partial<Record<SizeKey, QualityTable>>
  /** Image: USD per image; Megapixel: USD per megapixel; by quality. */
  qualityPrices?: QualityTable
  /** The sizes the model makes, 'WIDTHxHEIGHT'; at least one. */
  sizes: SizeKey[]
  /** Where the prices were read; may be empty for a quoted price. */
  sourceUrl: string
  /** ISO date (YYYY-MM-DD) the prices were read or quoted. */
  asOf: string
}

export const CUSTOM_ID_PREFIX = 'custom-'
/** What marks a custom model wherever models are listed: "Acme v1 (custom)". */
export const CUSTOM_MARK = ' (custom)'
export const MAX_CUSTOM_MODELS = 50
export const MODEL_NAME_MAX = 80
export const MAX_MODEL_SIZES = 40

/** A custom model's price per image or per megapixel, USD. */
export const QUALITY_PRICE_RULE: NumberRule = { label: 'Price', min: 0, max: 100_000 }
/** Output tokens of one image in a custom token table. */
export const TABLE_TOKENS_RULE: NumberRule = {
  label: 'Output tokens',
  min: 0,
  max: 1_000_000,
  integer: true,
}
/** Each edge of a size a custom model makes, in pixels (the stage's own width range). */
const EDGE_MAX = 100_000

/** A field of the model form that is wrong, and why. `field` is a dotted path, e.g. 'qualityPrices.low'. */
export interface ModelProblem {
  field: string
  message: string
}

const QUALITY_WORD: Record<BilledQuality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
}
const METER_WORD: Record<Meter, string> = {
  textInput: 'Text input',
  cachedTextInput: 'Cached text input',
  imageInput: 'Image input',
  cachedImageInput: 'Cached image input',
  imageOutput: 'Image output',
}
/** The input meters a per-image or per-megapixel model may also bill. */
export const INPUT_METERS: readonly Meter[] = METERS.filter((m) => m !== 'imageOutput')

/**
 * Reads "1024x1024, 1536x1024" (commas, spaces, semicolons or new lines
 * between; × or x) into size keys, with a message for each piece that is not
 * a size. Duplicates are kept once.
 * @example parseSizeList('1024x1024, 1536×1024').sizes // ['1024x1024', '1536x1024']
 */
export function parseSizeList(text: string): { sizes: SizeKey[]; problems: string[] } {
  const sizes: SizeKey[] = []
  const problems: string[] = []
  for (const piece of text.split(/[\s,;]+/)) {
    if (piece === '') continue
    const m = /^(\d{1,6})[x×X](\d{1,6})$/.exec(piece)
    const w = m ? Number(m[1]) : 0
    const h = m ? Number(m[2]) : 0
    if (!m || w < 1 || h < 1 || w > EDGE_MAX || h > EDGE_MAX) {
      problems.push(
        `"${piece}" is not a size: write width x height in whole pixels from 1 to ${groupedNumber(EDGE_MAX)}, e.g. 1024x1024.`,
      )
      continue
    }
    const key: SizeKey = `${w}x${h}`
    if (!sizes.includes(key)) sizes.push(key)
  }
  return { sizes, problems }
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

function priceProblem(value: unknown, what: string, rule: NumberRule): string | null {
  const problem = checkNumber(value, rule)
  return problem ? problem.replace(rule.label, what) : null
}

/**
 * Every reason `model` cannot be used (empty when it can), each at its field
 * with what is wrong and what is allowed. `others` are the names already in
 * use (the price book's labels and the other custom models), compared without
 * regard to case.
 */
export function customModelProblems(model: CustomModel, others: readonly string[]): ModelProblem[] {
  const out: ModelProblem[] = []
  const name = model.name.trim()
  if (name === '') {
    out.push({ field: 'name', message: 'Model name is empty: give the model a name.' })
  } else if (name.length > MODEL_NAME_MAX) {
    out.push({
      field: 'name',
      message: `Model name is ${name.length} characters long; the most allowed is ${MODEL_NAME_MAX}.`,
    })
  } else if (others.some((o) => o.trim().toLowerCase() === name.toLowerCase())) {
    out.push({
      field: 'name',
      message: `A model named "${name}" is already in the worksheet; give this one another name.`,
    })
  }
  if (!PRICED_BY.includes(model.pricedBy)) {
    out.push({
      field: 'pricedBy',
      message: `Priced by must be Tokens, Image or Megapixel; it is ${JSON.stringify(model.pricedBy)}.`,
    })
    return out
  }
  const tokens = model.pricedBy === 'tokens'
  for (const meter of METERS) {
    const value = model.meters[meter]
    const what = `${METER_WORD[meter]} price (USD per 1M tokens)`
    if (value === undefined) {
      if (tokens) {
        out.push({
          field: `meters.${meter}`,
          message: `${what} is missing: a token-priced model needs all five prices (0 when not billed).`,
        })
      }
      continue
    }
    if (!tokens && meter === 'imageOutput') continue
    const problem = priceProblem(value, what, PRICE_RULE)
    if (problem) out.push({ field: `meters.${meter}`, message: problem })
  }

  if (model.sizes.length === 0) {
    out.push({
      field: 'sizes',
      message: 'List at least one size the model makes, e.g. 1024x1024, 1536x1024.',
    })
  } else if (model.sizes.length > MAX_MODEL_SIZES) {
    out.push({
      field: 'sizes',
      message: `${model.sizes.length} sizes are listed; the most allowed is ${MAX_MODEL_SIZES}.`,
    })
  }

  if (tokens) {
    if (model.tokenRule === 'gpt-image-2') {
      for (const size of model.sizes) {
        const [w, h] = size.split('x').map(Number) as [number, number]
        const problem = gptImage2SizeProblems(w, h)[0]
        if (problem) {
          out.push({
            field: 'sizes',
            message: `${size} cannot be priced by the gpt-image-2 size rule: ${problem.message} Fill in a table instead, or list sizes the rule covers.`,
          })
        }
      }
    } else if (model.tokenRule === 'table') {
      for (const size of model.sizes) {
        const row = model.tokenTable?.[size]
        for (const q of BILLED_QUALITIES) {
          const what = `Output tokens at ${size}, ${QUALITY_WORD[q].toLowerCase()} quality,`
          const problem = priceProblem(row?.[q], what, TABLE_TOKENS_RULE)
          if (problem) out.push({ field: `tokenTable.${size}.${q}`, message: problem })
        }
      }
    } else {
      out.push({
        field: 'tokenRule',
        message: 'Output tokens per image must come from the gpt-image-2 size rule or a table.',
      })
    }
  } else {
    const unit = model.pricedBy === 'image' ? 'per image' : 'per megapixel'
    for (const q of BILLED_QUALITIES) {
      const what = `${QUALITY_WORD[q]} price ${unit} (USD)`
      const problem = priceProblem(model.qualityPrices?.[q], what, QUALITY_PRICE_RULE)
      if (problem) out.push({ field: `qualityPrices.${q}`, message: problem })
    }
  }

  if (model.sourceUrl !== '' && !/^https?:\/\/\S+$/i.test(model.sourceUrl)) {
    out.push({
      field: 'sourceUrl',
      message: 'Source URL must be a web address starting with https:// or http://, or empty.',
    })
  }
  if (!isIsoDate(model.asOf)) {
    out.push({
      field: 'asOf',
      message: `As of must be the date the prices were read, as YYYY-MM-DD (e.g. 2026-11-30); it is ${JSON.stringify(model.asOf)}.`,
    })
  }
  return out
}

/**
 * An id for a new model named `name`, not among `taken`: readable in a CSV
 * file and a share link, and kept when the model is renamed.
 * @example customModelId('Acme v1', []) // 'custom-acme-v1'
 */
export function customModelId(name: string, taken: readonly string[]): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'model'
  const base = `${CUSTOM_ID_PREFIX}${slug}`
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}

function outputRule(model: CustomModel): OutputRule {
  const q = model.qualityPrices ?? { low: 0, medium: 0, high: 0 }
  if (model.pricedBy === 'image') return { kind: 'perImage', usd: q }
  if (model.pricedBy === 'megapixel') return { kind: 'perMegapixel', usd: q }
  if (model.tokenRule === 'table') {
    const tokens: Partial<Record<SizeKey, QualityTable>> = {}
    for (const size of model.sizes) {
      const row = model.tokenTable?.[size]
      if (row) tokens[size] = row
    }
    return { kind: 'table', tokens }
  }
  return { kind: 'gpt-image-2' }
}

/**
 * The price-book entry of a custom model, labelled "Name (custom)". A meter a
 * per-image or per-megapixel model leaves out is priced at 0.
 * Caller has validated the model (customModelProblems).
 */
export function customModelSpec(model: CustomModel): ModelSpec {
  const fact = (m: Meter): PriceFact => ({
    usdPerMillion: usdPerMillion(
      model.pricedBy !== 'tokens' && m === 'imageOutput' ? 0 : (model.meters[m] ?? 0),
    ),
    sourceUrl: model.sourceUrl,
    asOf: model.asOf,
    basis: 'official',
  })
  return {
    id: model.id,
    label: `${model.name.trim()}${CUSTOM_MARK}`,
    status: 'available',
    meters: {
      textInput: fact('textInput'),
      cachedTextInput: fact('cachedTextInput'),
      imageInput: fact('imageInput'),
      cachedImageInput: fact('cachedImageInput'),
      imageOutput: fact('imageOutput'),
    },
    output: outputRule(model),
    officialPerImageUsd: {},
    officialPerImageSource: model.sourceUrl,
    sizes: [...model.sizes],
    custom: { sourceUrl: model.sourceUrl, asOf: model.asOf, definition: model },
  }
}

/**
 * The book with the worksheet's custom models after its own. A model whose id
 * the book already has is left out: a shipped model is never replaced.
 * @example withCustomModels(PRICE_BOOK, []) === PRICE_BOOK // true
 */
export function withCustomModels(book: PriceBook, models: readonly CustomModel[]): PriceBook {
  if (models.length === 0) return book
  const out: Record<string, ModelSpec> = { ...book }
  for (const model of models) {
    if (Object.hasOwn(out, model.id)) continue
    out[model.id] = customModelSpec(model)
  }
  return out
}

/** The names a model being added or edited must not take: every other model's. */
export function namesInUse(
  book: PriceBook,
  models: readonly CustomModel[],
  exceptId: string | null,
): string[] {
  const builtIn = Object.values(book)
    .filter((s) => !s.custom)
    .map((s) => s.label)
  return [...builtIn, ...models.filter((m) => m.id !== exceptId).map((m) => m.name)]
}

/** Whether an id is a custom model's, so a missing one can be explained as removed. */
export function isCustomModelId(id: string): boolean {
  return id.startsWith(CUSTOM_ID_PREFIX)
}

function sameModel(a: CustomModel, b: CustomModel): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The worksheet's models with those of an imported file or link added. A
 * model already here (same id, same content) is not added twice; one whose id
 * or name is taken by a different model is added under a new id and a
 * numbered name ("Acme v1 (2)"), so neither the person's model nor the
 * imported one is lost. `idMap` says which id each imported scenario's model
 * now has. `reserved` are names no custom model may take (the price book's).
 */
export function mergeCustomModels(
  existing: readonly CustomModel[],
  incoming: readonly CustomModel[],
  reserved: readonly string[],
): { models: CustomModel[]; idMap: ReadonlyMap<string, string> } {
  const models = [...existing]
  const idMap = new Map<string, string>()
  for (const m of incoming) {
    const same = models.find((x) => x.id === m.id)
    if (same && sameModel(same, m)) {
      idMap.set(m.id, m.id)
      continue
    }
    const ids = models.map((x) => x.id)
    const taken = [...reserved, ...models.map((x) => x.name)].map((n) => n.trim().toLowerCase())
    let name = m.name.trim()
    for (let n = 2; taken.includes(name.toLowerCase()); n++) name = `${m.name.trim()} (${n})`
    const id = ids.includes(m.id) ? customModelId(name, ids) : m.id
    models.push({ ...m, id, name })
    idMap.set(m.id, id)
  }
  return { models, idMap }
}
