import type { CustomModel, ModelProblem, PricedBy, TokenRule } from '../../domain/customModels'
import { customModelProblems, INPUT_METERS, parseSizeList } from '../../domain/customModels'
import type { BilledQuality, Meter } from '../../domain/model'
import { METERS } from '../../domain/model'
import type { QualityTable, SizeKey } from '../../domain/priceBook'
import { canonicalText, parseTypedNumber } from '../../io/numberInput'

/** What the form holds: every field as typed, so nothing typed is lost while it is wrong. */
export interface ModelFormText {
  name: string
  pricedBy: PricedBy
  tokenRule: TokenRule
  meters: Record<Meter, string>
  quality: Record<BilledQuality, string>
  /** Output tokens typed per size (the table), by size key then quality. */
  table: Record<string, Record<BilledQuality, string>>
  sizes: string
  sourceUrl: string
  asOf: string
}

const emptyMeters = (): Record<Meter, string> => ({
  textInput: '',
  cachedTextInput: '',
  imageInput: '',
  cachedImageInput: '',
  imageOutput: '',
})
const emptyQuality = (): Record<BilledQuality, string> => ({ low: '', medium: '', high: '' })
const qualityText = (t: QualityTable | undefined): Record<BilledQuality, string> =>
  t
    ? { low: canonicalText(t.low), medium: canonicalText(t.medium), high: canonicalText(t.high) }
    : emptyQuality()

export function blankForm(today: string): ModelFormText {
  return {
    name: '',
    pricedBy: 'image',
    tokenRule: 'gpt-image-2',
    meters: emptyMeters(),
    quality: emptyQuality(),
    table: {},
    sizes: '1024x1024, 1024x1536, 1536x1024',
    sourceUrl: '',
    asOf: today,
  }
}

export function formFromModel(m: CustomModel): ModelFormText {
  const meters = emptyMeters()
  for (const meter of METERS) {
    const v = m.meters[meter]
    if (v !== undefined) meters[meter] = canonicalText(v)
  }
  const table: Record<string, Record<BilledQuality, string>> = {}
  for (const [size, row] of Object.entries(m.tokenTable ?? {})) table[size] = qualityText(row)
  return {
    name: m.name,
    pricedBy: m.pricedBy,
    tokenRule: m.tokenRule ?? 'gpt-image-2',
    meters,
    quality: qualityText(m.qualityPrices),
    table,
    sizes: m.sizes.join(', '),
    sourceUrl: m.sourceUrl,
    asOf: m.asOf,
  }
}

/**
 * The model the form describes, with every problem at its field ('sizes' for
 * a piece of the size list that is not a size). An input meter left empty on
 * a per-image or per-megapixel model is not billed; on a token model it is a
 * problem like any other missing price.
 */
export function modelFromForm(
  form: ModelFormText,
  id: string,
  others: readonly string[],
): { model: CustomModel; problems: ModelProblem[] } {
  const { sizes, problems: sizeProblems } = parseSizeList(form.sizes)
  const tokens = form.pricedBy === 'tokens'
  const meters: Partial<Record<Meter, number>> = {}
  for (const meter of tokens ? METERS : INPUT_METERS) {
    const text = form.meters[meter]
    if (text.trim() === '') continue
    meters[meter] = parseTypedNumber(text)
  }
  const model: CustomModel = {
    id,
    name: form.name.trim(),
    pricedBy: form.pricedBy,
    meters,
    sizes,
    sourceUrl: form.sourceUrl.trim(),
    asOf: form.asOf.trim(),
  }
  if (tokens) {
    model.tokenRule = form.tokenRule
    if (form.tokenRule === 'table') {
      const table: Partial<Record<SizeKey, QualityTable>> = {}
      for (const size of sizes) {
        const row = form.table[size] ?? emptyQuality()
        table[size] = {
          low: parseTypedNumber(row.low),
          medium: parseTypedNumber(row.medium),
          high: parseTypedNumber(row.high),
        }
      }
      model.tokenTable = table
    }
  } else {
    const q = form.quality
    model.qualityPrices = {
      low: parseTypedNumber(q.low),
      medium: parseTypedNumber(q.medium),
      high: parseTypedNumber(q.high),
    }
  }
  const problems = [
    ...sizeProblems.map((message) => ({ field: 'sizes', message })),
    ...customModelProblems(model, others),
  ]
  return { model, problems }
}
