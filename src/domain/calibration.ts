/**
 * Calibration from real usage: what a generation log says about each stage
 * (docs/usage-log-format.md). `summariseUsage` measures, `reconcile` explains
 * the gap between a stage's estimate and the log, `calibratedStage` proposes
 * the measured values as a stage the UI can apply and undo.
 *
 * Rows come from src/io/usageLog.ts already normalised; nothing here parses.
 */
import { computeScenario, outputTokens, sizeProblems } from './engine'
import type { BilledQuality, ByMeter, FieldError, Meter, Quality, Scenario, Stage } from './model'
import { METERS } from './model'
import type { ModelSpec, PriceBook } from './priceBook'
import { PARTIAL_IMAGE_TOKENS } from './outputTokens'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../presets/priceBook'
import type { Tokens, Usd } from './units'
import { STAGE_RULES } from './validate'

// Rows ----------------------------------------------------------------------------

/** What happened to a generated image, after the guide's log template; `failed`: no image came back. */
export type UsageStatus =
  'accepted' | 'edited' | 'rejected' | 'regenerated' | 'deleted' | 'failed' | 'unknown'

export const USAGE_STATUSES: readonly UsageStatus[] = [
  'accepted',
  'edited',
  'rejected',
  'regenerated',
  'deleted',
  'failed',
  'unknown',
]

/** One normalised log row: one generated image, or one API call of `n` images. */
export interface UsageRow {
  /** Where the row is in the file: spreadsheet row (header = 1) or JSON Lines line number. */
  row: number
  /** Milliseconds since 1970-01-01 UTC; null when not logged or not a date. */
  timeMs: number | null
  /** Prompt template id or workflow; '' when not logged. */
  template: string
  /** Workflow stage (draft, final…); '' when not logged. */
  stage: string
  /** Model id as logged; '' when not logged (priced as the default model). */
  model: string
  /** null when not logged or not a quality the API takes. */
  quality: Quality | null
  /** Pixels; null when not logged or `auto`. */
  width: number | null
  height: number | null
  /** Images the row stands for (`n`); null when not logged, which counts as 1. */
  n: number | null
  status: UsageStatus
  /** Usage tokens of the whole row (all `n` images), null where not logged. */
  inputTokens: number | null
  outputTokens: number | null
  inputTextTokens: number | null
  inputImageTokens: number | null
  /** USD for the whole row, from a cost column; null when not logged. */
  costUsd: number | null
}

// Summary types --------------------------------------------------------------------

/** Where a group's actual cost came from; `mixed` when rows used more than one basis. */
export type CostBasis = 'usage' | 'cost column' | 'estimate' | 'mixed' | 'none'

export type QualityKey = Quality | 'unknown'
export const QUALITY_KEYS: readonly QualityKey[] = ['low', 'medium', 'high', 'auto', 'unknown']

export interface SizeShare {
  /** 'WIDTHxHEIGHT', or null for images logged with size auto or no size. */
  size: string | null
  width: number | null
  height: number | null
  images: number
  /** 0..1 of the group's billed images. */
  share: number
}

export interface ModelShare {
  /** As logged, lower case; '' when not logged. */
  model: string
  images: number
  share: number
}

/** What one template and stage (or the whole log) measured. */
export interface UsageGroup {
  /** null only for the whole-log total. */
  template: string | null
  stage: string | null
  /** Log rows read into this group. */
  rows: number
  /** Images billed: `n` of every row whose status is not `failed`. */
  billedImages: number
  /** Images accepted or edited. */
  keptImages: number
  /** Billed images per kept image; null when none was kept (`retryNote` says why). */
  retryMultiplier: number | null
  /** Why the multiplier is null, or what it assumes; null when there is nothing to say. */
  retryNote: string | null
  /** Images per status, failed ones included. */
  statusImages: Record<UsageStatus, number>
  /** 0..1 of all images (failed included) per status. */
  statusMix: Record<UsageStatus, number>
  /** 0..1 of billed images per requested quality. */
  qualityMix: Record<QualityKey, number>
  /** Billed images per size, most used first. */
  sizeMix: SizeShare[]
  modelMix: ModelShare[]
  /** Calls per logged `n` (rows that logged one), most common first. */
  callsByOutputs: { n: number; calls: number }[]
  /** Tokens from usage fields only (estimates are in `estimatedOutputTokens`). */
  tokensByMeter: ByMeter<Tokens>
  /** Image output tokens estimated from the price book for rows without usage or cost. */
  estimatedOutputTokens: Tokens
  /** Text input tokens per billed image, over images whose rows logged them. */
  promptTokensPerImage: Tokens | null
  /** Image (reference) input tokens per billed image, over images whose rows logged them. */
  referenceTokensPerImage: Tokens | null
  /** Output tokens per billed image, usage and estimates together. */
  outputTokensPerImage: Tokens | null
  /** Output tokens per billed image, usage fields only. */
  measuredOutputTokensPerImage: Tokens | null
  /** Auto-quality images by the quality their usage output tokens match. */
  autoBilledAs: Record<BilledQuality, number>
  /** Cost of rows priced from usage tokens or estimates, by meter. */
  costByMeter: ByMeter<Usd>
  /** Cost of rows priced from their cost column (no split by meter). */
  costColumnUsd: Usd
  /** Every priced row: by meter plus cost column. */
  costUsd: Usd
  costBasis: CostBasis
  /** Billed images by the way each was priced; `unpriced` ones are not in `costUsd`. */
  basisImages: { usage: number; costColumn: number; estimate: number; unpriced: number }
  costPerKeptImageUsd: Usd | null
  costPerBilledImageUsd: Usd | null
  firstTimeMs: number | null
  lastTimeMs: number | null
  /** Things to know about these numbers, in sentences. */
  notes: string[]
}

export interface UsageSummary {
  /** One per template and stage, in order of first appearance. */
  groups: UsageGroup[]
  total: UsageGroup
}

// Pricing of rows -------------------------------------------------------------------

const PER_MILLION = 1_000_000
/** gpt-image-2's size=auto picks; its dearest 1K size is the safe budget (pricing facts). */
const AUTO_SIZE = 1024
const STATUS_INDEX: Readonly<Record<UsageStatus, number>> = {
  accepted: 0,
  edited: 1,
  rejected: 2,
  regenerated: 3,
  deleted: 4,
  failed: 5,
  unknown: 6,
}
const QUALITY_INDEX: Readonly<Record<Quality, number>> = { low: 0, medium: 1, high: 2, auto: 3 }
const UNKNOWN_QUALITY = 4

/** What one estimate row costs per image, memoised per model, quality and size. */
interface PerImage {
  tokens: number
  usd: number
}

/**
 * The price book's id for a logged model, or null when the book has none.
 * Logs carry the dated snapshot (gpt-image-2-2026-04-21); the book, the family
 * id. Own keys only: a model logged as "constructor" is not a model.
 */
export function priceBookId(logged: string, book: PriceBook): string | null {
  const id = logged.trim().toLowerCase()
  if (Object.hasOwn(book, id)) return id
  const family = id.replace(/-\d{4}-\d{2}-\d{2}$/, '')
  return Object.hasOwn(book, family) ? family : null
}

/** A logged model as priced: snapshot suffixes dropped, the default model for a blank. */
class Pricer {
  private readonly specs = new Map<string, ModelSpec | null>()
  private readonly estimates = new Map<string, PerImage | null>()

  constructor(private readonly book: PriceBook) {}

  spec(model: string): ModelSpec | null {
    let spec = this.specs.get(model)
    if (spec === undefined) {
      spec = this.resolve(model)
      this.specs.set(model, spec)
    }
    return spec
  }

  private resolve(model: string): ModelSpec | null {
    const id = model.trim() === '' ? DEFAULT_MODEL_ID : priceBookId(model, this.book)
    return id === null ? null : (this.book[id] ?? null)
  }

  /** Output of one image as the price book estimates it; null when the model cannot make it. */
  perImage(
    spec: ModelSpec,
    quality: BilledQuality,
    width: number,
    height: number,
  ): PerImage | null {
    const key = `${spec.id}|${quality}|${String(width)}x${String(height)}`
    let hit = this.estimates.get(key)
    if (hit === undefined) {
      hit = this.estimate(spec, quality, width, height)
      this.estimates.set(key, hit)
    }
    return hit
  }

  private estimate(
    spec: ModelSpec,
    quality: BilledQuality,
    width: number,
    height: number,
  ): PerImage | null {
    const r = outputTokens(spec.id, quality, width, height, this.book)
    if (!r.ok) return null
    const table = spec.output.kind === 'table' ? spec.output.perImageUsd : undefined
    // gpt-image-1-mini bills its per-image table, not tokens x rate (as the engine does).
    const listed = table?.[`${width}x${height}`]?.[quality]
    const usd = listed ?? (r.tokens * spec.meters.imageOutput.usdPerMillion) / PER_MILLION
    return { tokens: r.tokens, usd }
  }
}

// Accumulation ------------------------------------------------------------------------

/** Running sums of one group; plain numeric fields so the per-row path stays monomorphic. */
class Acc {
  rows = 0
  billed = 0
  kept = 0
  readonly status = new Float64Array(7)
  readonly quality = new Float64Array(5)
  /** Numeric size key (width * 1e6 + height, -1 for none) -> billed images. */
  readonly sizes = new Map<number, number>()
  readonly models = new Map<string, number>()
  readonly callsByN = new Map<number, number>()
  textTokens = 0
  imageTokens = 0
  outputTokens = 0
  /** Input tokens of rows that billed images (failed ones excluded), for per-image averages. */
  textOfBilled = 0
  imageOfBilled = 0
  textImages = 0
  imageImages = 0
  usageOutTokens = 0
  usageOutImages = 0
  estOutTokens = 0
  estOutImages = 0
  readonly autoBilled = new Float64Array(3)
  costText = 0
  costImage = 0
  costOutput = 0
  costColumn = 0
  usageImages = 0
  costColumnImages = 0
  estimateImages = 0
  unpricedImages = 0
  /** Rows priced by usage or cost even though they are failed (no images to count). */
  pricedFailedRows = 0
  firstMs = Infinity
  lastMs = -Infinity
  // Counters behind the notes.
  multiKeptRows = 0
  noSplitRows = 0
  noInputRows = 0
  blankModelImages = 0
  autoAsHighImages = 0
  autoSizeImages = 0
  readonly unknownModels = new Map<string, number>()

  add(r: UsageRow, pricer: Pricer): void {
    this.rows++
    const images = r.n ?? 1
    const failed = r.status === 'failed'
    this.status[STATUS_INDEX[r.status]] = (this.status[STATUS_INDEX[r.status]] ?? 0) + images
    if (r.timeMs !== null) {
      if (r.timeMs < this.firstMs) this.firstMs = r.timeMs
      if (r.timeMs > this.lastMs) this.lastMs = r.timeMs
    }
    if (!failed) {
      this.billed += images
      if (r.status === 'accepted' || r.status === 'edited') {
        this.kept += images
        if (images > 1) this.multiKeptRows++
      }
      const q = r.quality === null ? UNKNOWN_QUALITY : QUALITY_INDEX[r.quality]
      this.quality[q] = (this.quality[q] ?? 0) + images
      const sizeKey =
        r.width !== null && r.height !== null && r.width < 1e6 && r.height < 1e6
          ? r.width * 1e6 + r.height
          : -1
      this.sizes.set(sizeKey, (this.sizes.get(sizeKey) ?? 0) + images)
      this.models.set(r.model, (this.models.get(r.model) ?? 0) + images)
      if (r.n !== null) this.callsByN.set(r.n, (this.callsByN.get(r.n) ?? 0) + 1)
    }
    const spec = pricer.spec(r.model)
    if (!spec) this.unknownModels.set(r.model, (this.unknownModels.get(r.model) ?? 0) + 1)
    else if (r.model === '' && !failed) this.blankModelImages += images

    if (r.outputTokens !== null) this.addUsage(r, spec, images, failed, pricer)
    else if (r.costUsd !== null) this.addCostColumn(r.costUsd, images, failed)
    else if (!failed) this.addEstimate(r, spec, images, pricer)
  }

  private addUsage(
    r: UsageRow,
    spec: ModelSpec | null,
    images: number,
    failed: boolean,
    pricer: Pricer,
  ): void {
    const output = r.outputTokens ?? 0
    let text = r.inputTextTokens
    let image = r.inputImageTokens
    const input = r.inputTokens
    // Without the split, image input is unknown, not zero: priced as text (0 image
    // tokens), but not counted as a measurement of reference-image tokens.
    let imageMeasured = true
    if (input !== null) {
      if (text === null && image === null) {
        // Generations without reference images report all input as text; edits
        // without the split are under-priced, and a note says so.
        text = input
        image = 0
        imageMeasured = false
        this.noSplitRows++
      } else if (text === null) text = Math.max(0, input - (image ?? 0))
      else image ??= Math.max(0, input - text)
    }
    if (text === null && image === null) this.noInputRows++
    this.textTokens += text ?? 0
    this.imageTokens += image ?? 0
    this.outputTokens += output
    if (!failed) {
      if (text !== null) {
        this.textImages += images
        this.textOfBilled += text
      }
      if (image !== null && imageMeasured) {
        this.imageImages += images
        this.imageOfBilled += image
      }
      this.usageOutTokens += output
      this.usageOutImages += images
      if (r.quality === 'auto' && spec) this.matchAuto(spec, r, output / images, images, pricer)
    }
    if (!spec) {
      // Tokens of a model the book does not price: only a cost column can price them.
      if (r.costUsd !== null) this.addCostColumn(r.costUsd, images, failed)
      else if (!failed) this.unpricedImages += images
      return
    }
    const m = spec.meters
    this.costText += ((text ?? 0) * m.textInput.usdPerMillion) / PER_MILLION
    this.costImage += ((image ?? 0) * m.imageInput.usdPerMillion) / PER_MILLION
    this.costOutput += (output * m.imageOutput.usdPerMillion) / PER_MILLION
    if (failed) this.pricedFailedRows++
    else this.usageImages += images
  }

  private addCostColumn(cost: number, images: number, failed: boolean): void {
    this.costColumn += cost
    if (failed) this.pricedFailedRows++
    else this.costColumnImages += images
  }

  private addEstimate(r: UsageRow, spec: ModelSpec | null, images: number, pricer: Pricer): void {
    if (!spec || r.quality === null) {
      this.unpricedImages += images
      return
    }
    const quality: BilledQuality = r.quality === 'auto' ? 'high' : r.quality
    if (r.quality === 'auto') this.autoAsHighImages += images
    let width = r.width
    let height = r.height
    if (width === null || height === null) {
      width = AUTO_SIZE
      height = AUTO_SIZE
      this.autoSizeImages += images
    }
    const est = pricer.perImage(spec, quality, width, height)
    if (!est) {
      this.unpricedImages += images
      return
    }
    this.estOutTokens += est.tokens * images
    this.estOutImages += images
    this.costOutput += est.usd * images
    this.estimateImages += images
  }

  /** Which quality an auto image was billed at: the one whose token count is nearest. */
  private matchAuto(
    spec: ModelSpec,
    r: UsageRow,
    perImage: number,
    images: number,
    pricer: Pricer,
  ): void {
    if (r.width === null || r.height === null) return
    let best = -1
    let bestGap = Infinity
    for (let i = 0; i < BILLED.length; i++) {
      const est = pricer.perImage(spec, BILLED[i] as BilledQuality, r.width, r.height)
      if (!est) return
      const gap = Math.abs(perImage - est.tokens)
      if (gap < bestGap) {
        bestGap = gap
        best = i
      }
    }
    this.autoBilled[best] = (this.autoBilled[best] ?? 0) + images
  }

  merge(o: Acc): void {
    this.rows += o.rows
    this.billed += o.billed
    this.kept += o.kept
    addArray(this.status, o.status)
    addArray(this.quality, o.quality)
    addArray(this.autoBilled, o.autoBilled)
    addMap(this.sizes, o.sizes)
    addMap(this.models, o.models)
    addMap(this.callsByN, o.callsByN)
    addMap(this.unknownModels, o.unknownModels)
    this.textTokens += o.textTokens
    this.imageTokens += o.imageTokens
    this.outputTokens += o.outputTokens
    this.textOfBilled += o.textOfBilled
    this.imageOfBilled += o.imageOfBilled
    this.textImages += o.textImages
    this.imageImages += o.imageImages
    this.usageOutTokens += o.usageOutTokens
    this.usageOutImages += o.usageOutImages
    this.estOutTokens += o.estOutTokens
    this.estOutImages += o.estOutImages
    this.costText += o.costText
    this.costImage += o.costImage
    this.costOutput += o.costOutput
    this.costColumn += o.costColumn
    this.usageImages += o.usageImages
    this.costColumnImages += o.costColumnImages
    this.estimateImages += o.estimateImages
    this.unpricedImages += o.unpricedImages
    this.pricedFailedRows += o.pricedFailedRows
    this.firstMs = Math.min(this.firstMs, o.firstMs)
    this.lastMs = Math.max(this.lastMs, o.lastMs)
    this.multiKeptRows += o.multiKeptRows
    this.noSplitRows += o.noSplitRows
    this.noInputRows += o.noInputRows
    this.blankModelImages += o.blankModelImages
    this.autoAsHighImages += o.autoAsHighImages
    this.autoSizeImages += o.autoSizeImages
  }
}

const BILLED: readonly BilledQuality[] = ['low', 'medium', 'high']

function addArray(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0)
}

function addMap<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v)
}

// Results -----------------------------------------------------------------------------

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0)
const perImage = (tokens: number, images: number): Tokens | null =>
  images > 0 ? ((tokens / images) as Tokens) : null
/** "1 image", "2,000 images": for the sentences in notes. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

function basisOf(a: Acc): CostBasis {
  const used =
    Number(a.usageImages > 0) + Number(a.costColumnImages > 0) + Number(a.estimateImages > 0)
  if (used > 1) return 'mixed'
  if (a.usageImages > 0) return 'usage'
  if (a.costColumnImages > 0) return 'cost column'
  if (a.estimateImages > 0) return 'estimate'
  // Only failed rows carried a price.
  if (a.pricedFailedRows > 0) return a.costColumn > 0 ? 'cost column' : 'usage'
  return 'none'
}

function retry(a: Acc): { multiplier: number | null; note: string | null } {
  const unknown = a.status[STATUS_INDEX.unknown] ?? 0
  if (a.billed === 0) return { multiplier: null, note: 'No billed images in this group.' }
  if (a.kept === 0) {
    const note =
      unknown === a.billed
        ? 'No row says whether its image was kept: log a status (accepted, edited, rejected, regenerated, deleted) per image to measure retries.'
        : `None of the ${plural(a.billed, 'billed image')} was accepted or edited, so there is no kept image to divide by.`
    return { multiplier: null, note }
  }
  const notes: string[] = []
  if (unknown > 0) {
    notes.push(
      `${plural(unknown, 'image')} with an unknown status count as not kept, so the multiplier is an upper bound.`,
    )
  }
  if (a.multiKeptRows > 0) {
    notes.push(
      `${plural(a.multiKeptRows, 'accepted or edited row')} with n > 1 count every image of the call as kept; log one row per image to record which candidate was kept.`,
    )
  }
  return { multiplier: a.billed / a.kept, note: notes.length > 0 ? notes.join(' ') : null }
}

function sizeMix(a: Acc): SizeShare[] {
  const out: SizeShare[] = []
  for (const [key, images] of a.sizes) {
    if (key < 0) {
      out.push({ size: null, width: null, height: null, images, share: share(images, a.billed) })
      continue
    }
    const width = Math.floor(key / 1e6)
    const height = key - width * 1e6
    const size = `${String(width)}x${String(height)}`
    out.push({ size, width, height, images, share: share(images, a.billed) })
  }
  return out.sort((x, y) => y.images - x.images)
}

function notesOf(a: Acc): string[] {
  const notes: string[] = []
  if (a.noSplitRows > 0) {
    notes.push(
      `${plural(a.noSplitRows, 'row')} logged input_tokens without the text/image split: all of it is priced as text input, which under-prices edits with reference images.`,
    )
  }
  if (a.noInputRows > 0) {
    notes.push(
      `${plural(a.noInputRows, 'row')} logged output tokens but no input tokens: their input counts as $0.`,
    )
  }
  if (a.blankModelImages > 0) {
    notes.push(
      `${plural(a.blankModelImages, 'image')} name no model: priced as ${DEFAULT_MODEL_ID}.`,
    )
  }
  for (const [model, rows] of a.unknownModels) {
    notes.push(
      `Model "${model}" (${plural(rows, 'row')}) is not in the price book: its rows are priced only from a cost column.`,
    )
  }
  if (a.estimateImages > 0) {
    notes.push(
      `${plural(a.estimateImages, 'image')} had no usage tokens or cost: their output is estimated from the price book and their input is not counted.`,
    )
  }
  if (a.autoAsHighImages > 0) {
    notes.push(
      `${plural(a.autoAsHighImages, 'estimated image')} at quality auto are estimated as high, the safe ceiling.`,
    )
  }
  if (a.autoSizeImages > 0) {
    notes.push(
      `${plural(a.autoSizeImages, 'estimated image')} without a size are estimated at ${String(AUTO_SIZE)}x${String(AUTO_SIZE)}, the dearest 1K size.`,
    )
  }
  if (a.unpricedImages > 0) {
    notes.push(
      `${plural(a.unpricedImages, 'image')} could not be priced (no usage tokens, no cost, and no model, quality or size to estimate from): they are not in the cost.`,
    )
  }
  return notes
}

function finish(a: Acc, template: string | null, stage: string | null): UsageGroup {
  const statusImages = {} as Record<UsageStatus, number>
  const statusMix = {} as Record<UsageStatus, number>
  let all = 0
  for (const v of a.status) all += v
  USAGE_STATUSES.forEach((s, i) => {
    const v = a.status[i] ?? 0
    statusImages[s] = v
    statusMix[s] = share(v, all)
  })
  const qualityMix = {} as Record<QualityKey, number>
  QUALITY_KEYS.forEach((q, i) => (qualityMix[q] = share(a.quality[i] ?? 0, a.billed)))
  const modelMix = [...a.models]
    .map(([model, images]) => ({ model, images, share: share(images, a.billed) }))
    .sort((x, y) => y.images - x.images)
  const callsByOutputs = [...a.callsByN]
    .map(([n, calls]) => ({ n, calls }))
    .sort((x, y) => y.calls - x.calls || y.n - x.n)
  const costByMeter: ByMeter<Usd> = {
    textInput: a.costText as Usd,
    cachedTextInput: 0 as Usd,
    imageInput: a.costImage as Usd,
    cachedImageInput: 0 as Usd,
    imageOutput: a.costOutput as Usd,
  }
  const costUsd = (a.costText + a.costImage + a.costOutput + a.costColumn) as Usd
  const { multiplier, note } = retry(a)
  return {
    template,
    stage,
    rows: a.rows,
    billedImages: a.billed,
    keptImages: a.kept,
    retryMultiplier: multiplier,
    retryNote: note,
    statusImages,
    statusMix,
    qualityMix,
    sizeMix: sizeMix(a),
    modelMix,
    callsByOutputs,
    tokensByMeter: {
      textInput: a.textTokens as Tokens,
      cachedTextInput: 0 as Tokens,
      imageInput: a.imageTokens as Tokens,
      cachedImageInput: 0 as Tokens,
      imageOutput: a.outputTokens as Tokens,
    },
    estimatedOutputTokens: a.estOutTokens as Tokens,
    promptTokensPerImage: perImage(a.textOfBilled, a.textImages),
    referenceTokensPerImage: perImage(a.imageOfBilled, a.imageImages),
    outputTokensPerImage: perImage(
      a.usageOutTokens + a.estOutTokens,
      a.usageOutImages + a.estOutImages,
    ),
    measuredOutputTokensPerImage: perImage(a.usageOutTokens, a.usageOutImages),
    autoBilledAs: {
      low: a.autoBilled[0] ?? 0,
      medium: a.autoBilled[1] ?? 0,
      high: a.autoBilled[2] ?? 0,
    },
    costByMeter,
    costColumnUsd: a.costColumn as Usd,
    costUsd,
    costBasis: basisOf(a),
    basisImages: {
      usage: a.usageImages,
      costColumn: a.costColumnImages,
      estimate: a.estimateImages,
      unpriced: a.unpricedImages,
    },
    costPerKeptImageUsd: a.kept > 0 ? ((costUsd / a.kept) as Usd) : null,
    costPerBilledImageUsd: a.billed > 0 ? ((costUsd / a.billed) as Usd) : null,
    firstTimeMs: Number.isFinite(a.firstMs) ? a.firstMs : null,
    lastTimeMs: Number.isFinite(a.lastMs) ? a.lastMs : null,
    notes: notesOf(a),
  }
}

/**
 * Measures a usage log per template and stage: billed and kept images, the
 * retry multiplier (billed images per kept image), status, quality, size and
 * model mixes, tokens by meter and actual cost in USD, with the basis of that
 * cost (usage tokens x the row model's rates, else the row's cost column,
 * else the price book's output estimate). Never throws.
 * @example summariseUsage(rows).groups[0]?.retryMultiplier // e.g. 1.5
 */
export function summariseUsage(
  rows: readonly UsageRow[],
  book: PriceBook = PRICE_BOOK,
): UsageSummary {
  const pricer = new Pricer(book)
  const byTemplate = new Map<string, Map<string, Acc>>()
  const order: { template: string; stage: string; acc: Acc }[] = []
  for (const r of rows) {
    let stages = byTemplate.get(r.template)
    if (!stages) {
      stages = new Map()
      byTemplate.set(r.template, stages)
    }
    let acc = stages.get(r.stage)
    if (!acc) {
      acc = new Acc()
      stages.set(r.stage, acc)
      order.push({ template: r.template, stage: r.stage, acc })
    }
    acc.add(r, pricer)
  }
  const all = new Acc()
  for (const g of order) all.merge(g.acc)
  return {
    groups: order.map((g) => finish(g.acc, g.template, g.stage)),
    total: finish(all, null, null),
  }
}

// Reconciliation ------------------------------------------------------------------------

/** The stage inputs a log can measure, in the order their effects are attributed. */
export type ReconcileInput =
  | 'retryMultiplier'
  | 'promptTokensPerImage'
  | 'referenceTokensPerImage'
  | 'qualityMix'
  | 'outputTokensPerImage'

export interface InputComparison {
  input: ReconcileInput
  label: string
  /** What `estimate` and `actual` count. */
  unit: string
  estimate: number
  /** null when the log does not measure it. */
  actual: number | null
  /** actual - estimate; null when not measured. */
  difference: number | null
  /** USD this input adds to the gap (its share of actual - estimate); null when not measured. */
  costImpactUsd: Usd | null
  detail: string
}

export interface MeterComparison {
  /** A meter, or 'costColumn' for rows priced from a cost column (no meter split). */
  meter: Meter | 'costColumn'
  estimateUsd: Usd
  actualUsd: Usd
  differenceUsd: Usd
}

export type Reconciliation =
  | {
      ok: true
      /** The estimate is the stage priced for the log's volume: per kept image, or per billed image when none was kept. */
      scaledBy: 'kept images' | 'billed images'
      /** Kept (or billed) images of the log the estimate is scaled to. */
      images: number
      estimateUsd: Usd
      actualUsd: Usd
      /** actual - estimate. */
      differenceUsd: Usd
      meters: MeterComparison[]
      inputs: InputComparison[]
      /** The input with the largest cost impact; null when none moves the cost. */
      largest: ReconcileInput | null
      /** The part of the gap no input explains: prices, batch, cost-column rows, unpriced rows. */
      unexplainedUsd: Usd
      notes: string[]
    }
  | { ok: false; errors: FieldError[] }

/**
 * The log's multiplier divides by accepted or edited images; the engine's
 * kept images are jobs x images per job. They agree only if every image a
 * job keeps is one people accepted, which a stage of several candidates
 * per job (the default Draft) does not assume.
 */
function imagesPerJobNote(stage: Stage): string | null {
  if (stage.imagesPerJob <= 1) return null
  return `This stage keeps ${String(stage.imagesPerJob)} images per job, and the log's multiplier counts billed images per accepted or edited image. If those images are candidates of which people keep fewer, the multiplier already counts the discarded ones: set images per job to the images kept per job.`
}

/** Effective USD per token of one meter pair, from the engine's own result when it billed any. */
function rate(cost: number, tokens: number, fallback: number): number {
  return tokens > 0 ? cost / tokens : fallback
}

/**
 * Compares a stage's estimate with what a log group measured, both in USD
 * at the log's volume (the stage priced per kept image x the group's kept
 * images), by meter and by input. Each input's cost impact is its part of
 * the gap, attributed in order (retry multiplier first, at the estimated
 * per-image cost; then each per-image input at the measured multiplier), so
 * the impacts plus `unexplainedUsd` add up to the difference.
 * @example reconcile(scenario, 1, summary.groups[1]).largest // e.g. 'retryMultiplier'
 */
export function reconcile(
  scenario: Scenario,
  stageIndex: number,
  group: UsageGroup,
  book: PriceBook = PRICE_BOOK,
): Reconciliation {
  const stage = scenario.stages[stageIndex]
  if (!stage) {
    const message = `Scenario "${scenario.name}" has no stage ${String(stageIndex + 1)}.`
    return { ok: false, errors: [{ path: 'stages', field: 'stages', message }] }
  }
  // One kept image of this stage: the engine prices it with batch, overrides,
  // caching, partial images and per-image tables, exactly as the worksheet does.
  const unit: Scenario = {
    ...scenario,
    jobsPerMonth: 1,
    stages: [{ ...stage, reachShare: 1, imagesPerJob: 1 }],
  }
  const result = computeScenario(unit, book)
  const one = result.ok ? result.stages[0] : undefined
  if (!result.ok || !one) {
    const errors = result.ok ? [] : result.errors
    return {
      ok: false,
      errors: errors.map((e) =>
        e.stageIndex === undefined
          ? e
          : {
              ...e,
              stageIndex,
              path: e.path.replace(/^stages\.0\./, `stages.${String(stageIndex)}.`),
            },
      ),
    }
  }
  const notes: string[] = []
  const perJob = imagesPerJobNote(stage)
  if (perJob) notes.push(perJob)
  const billedPerKeptEst = stage.retryMultiplier * stage.outputsPerRequest
  const t = one.tokensByMeter
  const c = one.costByMeter
  const perBilledEst = billedPerKeptEst > 0 ? one.costUsd / billedPerKeptEst : 0
  const p = result.prices
  const factor = scenario.batch ? 0.5 : 1
  const share = stage.cachedInputShare
  const textRate = rate(
    c.textInput + c.cachedTextInput,
    t.textInput + t.cachedTextInput,
    (factor * ((1 - share) * p.textInput + share * p.cachedTextInput)) / PER_MILLION,
  )
  const imageRate = rate(
    c.imageInput + c.cachedImageInput,
    t.imageInput + t.cachedImageInput,
    (factor * ((1 - share) * p.imageInput + share * p.cachedImageInput)) / PER_MILLION,
  )
  const outRate = rate(c.imageOutput, t.imageOutput, (factor * p.imageOutput) / PER_MILLION)

  const byKept = group.keptImages > 0
  const images = byKept ? group.keptImages : group.billedImages
  // Billed images behind each image the estimate is scaled by.
  const scaleEst = byKept ? billedPerKeptEst : 1
  const measured = byKept ? group.retryMultiplier : null
  const scaleAct = measured ?? scaleEst
  const estimateScale = byKept ? images : billedPerKeptEst > 0 ? images / billedPerKeptEst : 0
  if (!byKept) {
    notes.push(
      'No image of this group was kept, so the estimate is scaled to its billed images and the retry multiplier is not compared.',
    )
  }

  const meters: MeterComparison[] = METERS.map((meter) => {
    const estimateUsd = (c[meter] * estimateScale) as Usd
    const actualUsd = group.costByMeter[meter]
    return { meter, estimateUsd, actualUsd, differenceUsd: (actualUsd - estimateUsd) as Usd }
  })
  meters.push({
    meter: 'costColumn',
    estimateUsd: 0 as Usd,
    actualUsd: group.costColumnUsd,
    differenceUsd: group.costColumnUsd,
  })
  const estimateUsd = (one.costUsd * estimateScale) as Usd
  const actualUsd = group.costUsd
  const differenceUsd = (actualUsd - estimateUsd) as Usd

  const promptEst = stage.promptTokens
  const refEst = stage.referenceImages * stage.referenceImageTokens
  const outEst = billedPerKeptEst > 0 ? t.imageOutput / billedPerKeptEst : 0
  const partials = stage.partialImages * PARTIAL_IMAGE_TOKENS
  const outAtMix = qualityMixTokens(scenario.modelId, stage, group, book)
  const outMixed = outAtMix === null ? null : outAtMix + partials
  const outAct = group.outputTokensPerImage

  const atActual = images * scaleAct
  const impact = (actual: number | null, estimate: number, perToken: number): Usd | null =>
    actual === null ? null : ((atActual * (actual - estimate) * perToken) as Usd)
  const retryImpact =
    measured === null ? null : ((images * (measured - scaleEst) * perBilledEst) as Usd)
  const qualityImpact = impact(outMixed, outEst, outRate)
  const outputImpact = impact(outAct, outMixed ?? outEst, outRate)

  const diff = (actual: number | null, estimate: number): number | null =>
    actual === null ? null : actual - estimate
  const inputs: InputComparison[] = [
    {
      input: 'retryMultiplier',
      label: 'Billed images per kept image',
      unit: 'images per kept image',
      estimate: billedPerKeptEst,
      actual: measured,
      difference: diff(measured, billedPerKeptEst),
      costImpactUsd: retryImpact,
      detail:
        stage.outputsPerRequest > 1
          ? `The stage's retry multiplier ${String(stage.retryMultiplier)} x ${String(stage.outputsPerRequest)} outputs per request.`
          : `The stage's retry multiplier.${group.retryNote ? ` ${group.retryNote}` : ''}`,
    },
    {
      input: 'promptTokensPerImage',
      label: 'Prompt tokens per image',
      unit: 'text input tokens per billed image',
      estimate: promptEst,
      actual: group.promptTokensPerImage,
      difference: diff(group.promptTokensPerImage, promptEst),
      costImpactUsd: impact(group.promptTokensPerImage, promptEst, textRate),
      detail:
        group.promptTokensPerImage === null
          ? 'The log has no input token counts.'
          : 'Text input tokens from the usage fields, per billed image.',
    },
    {
      input: 'referenceTokensPerImage',
      label: 'Reference-image tokens per image',
      unit: 'image input tokens per billed image',
      estimate: refEst,
      actual: group.referenceTokensPerImage,
      difference: diff(group.referenceTokensPerImage, refEst),
      costImpactUsd: impact(group.referenceTokensPerImage, refEst, imageRate),
      detail: `The stage sends ${plural(stage.referenceImages, 'reference image')} of ${String(stage.referenceImageTokens)} tokens each.`,
    },
    {
      input: 'qualityMix',
      label: 'Quality mix',
      unit: 'output tokens per image at the stage size',
      estimate: outEst,
      actual: outMixed,
      difference: diff(outMixed, outEst),
      costImpactUsd: qualityImpact,
      detail: `Stage: ${stage.quality === 'auto' ? `auto, budgeted as ${stage.autoBilledAs}` : stage.quality}; log: ${mixText(group.qualityMix)}.`,
    },
    {
      input: 'outputTokensPerImage',
      label: 'Output tokens per image',
      unit: 'output tokens per billed image',
      estimate: outEst,
      actual: outAct,
      difference: diff(outAct, outEst),
      costImpactUsd: outputImpact,
      detail:
        outMixed === null
          ? 'Everything that moves output tokens: quality, size and partial images.'
          : 'What is left after the quality mix: mostly the size mix (and partial images).',
    },
  ]
  let largest: ReconcileInput | null = null
  let largestAbs = 0
  let explained = 0
  for (const i of inputs) {
    if (i.costImpactUsd === null) continue
    explained += i.costImpactUsd
    if (Math.abs(i.costImpactUsd) > largestAbs) {
      largestAbs = Math.abs(i.costImpactUsd)
      largest = i.input
    }
  }
  const models = group.modelMix.filter(
    (m) => m.model !== '' && !m.model.startsWith(scenario.modelId),
  )
  if (models.length > 0) {
    notes.push(
      `The log has images of ${models.map((m) => m.model).join(', ')}, priced at their own rates; the estimate uses ${scenario.modelId}.`,
    )
  }
  if (scenario.batch) {
    notes.push(
      'The estimate is at Batch API prices; usage tokens in the log are priced at standard rates.',
    )
  }
  if (scenario.prices && Object.keys(scenario.prices).length > 0) {
    notes.push(
      'The estimate uses the scenario’s price overrides; the log is priced from the price book.',
    )
  }
  return {
    ok: true,
    scaledBy: byKept ? 'kept images' : 'billed images',
    images,
    estimateUsd,
    actualUsd,
    differenceUsd,
    meters,
    inputs,
    largest,
    unexplainedUsd: (differenceUsd - explained) as Usd,
    notes: [...notes, ...group.notes],
  }
}

/** Output tokens per image of the log's quality mix at the stage's size; null when no quality was logged. */
function qualityMixTokens(
  modelId: string,
  stage: Stage,
  group: UsageGroup,
  book: PriceBook,
): number | null {
  let tokens = 0
  let known = 0
  for (const q of ['low', 'medium', 'high', 'auto'] as const) {
    const s = group.qualityMix[q]
    if (s === 0) continue
    const billed = q === 'auto' ? stage.autoBilledAs : q
    const r = outputTokens(modelId, billed, stage.width, stage.height, book)
    if (!r.ok) return null
    tokens += s * r.tokens
    known += s
  }
  return known > 0 ? tokens / known : null
}

function mixText(mix: Record<QualityKey, number>): string {
  const parts = QUALITY_KEYS.filter((q) => mix[q] > 0).map(
    (q) => `${String(Math.round(mix[q] * 1000) / 10)}% ${q}`,
  )
  return parts.length > 0 ? parts.join(', ') : 'no quality logged'
}

// Calibrated stage ------------------------------------------------------------------------

export type CalibratedField =
  | 'retryMultiplier'
  | 'outputsPerRequest'
  | 'quality'
  | 'autoBilledAs'
  | 'width'
  | 'height'
  | 'promptTokens'
  | 'referenceImages'
  | 'referenceImageTokens'

export interface StageChange {
  field: CalibratedField
  from: string | number
  to: string | number
  why: string
}

export interface CalibratedStage {
  /** The stage with the measured values; fields the log does not measure are unchanged. */
  stage: Stage
  /** What changed, for the UI to show before Apply and to undo. */
  changes: StageChange[]
  /** Why a field was left alone or what a value assumes. */
  notes: string[]
}

/** Whole tokens and 3 decimals of multiplier: finer digits are noise at log sizes. */
const round = (n: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n))

/** The key with the most images; ties go to the later key (dearer quality, larger n). */
function dominant<K extends string>(entries: readonly [K, number][]): K | null {
  let best: K | null = null
  let most = 0
  for (const [k, v] of entries) {
    if (v > 0 && v >= most) {
      best = k
      most = v
    }
  }
  return best
}

/**
 * The stage with what the log measured: retry multiplier (billed images per
 * kept image / outputs per request, 1..100), the logged `n` when the log has
 * one, the dominant quality, the dominant size (when the model makes it),
 * prompt tokens per image and reference-image tokens. Quality `auto` is
 * budgeted as the dearest quality its usage tokens showed (a budget should not
 * undershoot), else left as the stage had it. Returns the changes for an
 * undoable Apply; never throws.
 * @example calibratedStage(stage, group).stage.retryMultiplier // e.g. 1.333
 */
export function calibratedStage(
  stage: Stage,
  group: UsageGroup,
  modelId: string = DEFAULT_MODEL_ID,
  book: PriceBook = PRICE_BOOK,
): CalibratedStage {
  const next: Stage = { ...stage }
  const changes: StageChange[] = []
  const notes: string[] = []
  const set = <F extends CalibratedField>(field: F, to: Stage[F], why: string): void => {
    if (next[field] === to) return
    changes.push({ field, from: stage[field], to, why })
    next[field] = to
  }

  const topN = group.callsByOutputs[0]
  if (topN) {
    const n = clamp(Math.round(topN.n), 1, STAGE_RULES.outputsPerRequest.max)
    set('outputsPerRequest', n, `Most calls in the log asked for n = ${String(topN.n)}.`)
  }

  if (group.retryMultiplier === null) {
    notes.push(`Retry multiplier left as it is: ${group.retryNote ?? 'not measured.'}`)
  } else {
    const perRequest = group.retryMultiplier / next.outputsPerRequest
    const r = clamp(round(perRequest, 3), 1, STAGE_RULES.retryMultiplier.max)
    const measured = round(group.retryMultiplier, 3)
    const why =
      next.outputsPerRequest > 1
        ? `${String(measured)} billed images per kept image / ${String(next.outputsPerRequest)} outputs per request.`
        : `${String(measured)} billed images per kept image.`
    set('retryMultiplier', r, why)
    if (perRequest < 1) {
      notes.push(
        `The log keeps more than one image per request (${String(measured)} billed per kept with n = ${String(next.outputsPerRequest)}); the multiplier cannot go below 1, so raise images per job to match.`,
      )
    }
    if (group.retryNote) notes.push(group.retryNote)
    const perJob = imagesPerJobNote(next)
    if (perJob) notes.push(perJob)
  }

  const q = group.qualityMix
  const quality = dominant<Quality>([
    ['low', q.low],
    ['medium', q.medium],
    ['high', q.high],
    ['auto', q.auto],
  ])
  if (quality === null) notes.push('Quality left as it is: the log names none.')
  else {
    set(
      'quality',
      quality,
      `${String(round(q[quality] * 100, 1))}% of billed images were ${quality}.`,
    )
    const others = (['low', 'medium', 'high', 'auto'] as const).filter(
      (k) => k !== quality && q[k] > 0,
    )
    if (others.length > 0)
      notes.push(`Quality mix in the log: ${mixText(q)}; the stage takes one quality.`)
  }
  if (next.quality === 'auto') {
    const a = group.autoBilledAs
    const dearest = a.high > 0 ? 'high' : a.medium > 0 ? 'medium' : a.low > 0 ? 'low' : null
    if (dearest) {
      set(
        'autoBilledAs',
        dearest,
        `The dearest quality auto images were billed at, read from their output tokens.`,
      )
    } else {
      notes.push(
        `Auto is still budgeted as ${next.autoBilledAs}: no auto image in the log has both output tokens and a size to read its quality from.`,
      )
    }
  }

  const size = group.sizeMix.find((s) => s.width !== null && s.height !== null)
  if (size && size.width !== null && size.height !== null) {
    const spec = book[modelId]
    const problems = spec ? sizeProblems(spec, size.width, size.height) : []
    if (problems[0]) notes.push(`Size left as it is: ${problems[0].message}`)
    else {
      const why = `${String(round(size.share * 100, 1))}% of billed images were ${size.size ?? ''}.`
      set('width', size.width, why)
      set('height', size.height, why)
    }
    if (group.sizeMix.length > 1) {
      notes.push(
        `Size mix in the log: ${group.sizeMix
          .map((s) => `${String(round(s.share * 100, 1))}% ${s.size ?? 'auto or not logged'}`)
          .join(', ')}.`,
      )
    }
  }

  if (group.promptTokensPerImage === null) {
    notes.push('Prompt tokens left as they are: the log has no input token counts.')
  } else {
    const tokens = clamp(Math.round(group.promptTokensPerImage), 0, STAGE_RULES.promptTokens.max)
    set('promptTokens', tokens, 'Text input tokens per billed image in the log.')
  }

  const ref = group.referenceTokensPerImage
  if (ref === null) {
    notes.push('Reference images left as they are: the log does not split image input tokens.')
  } else if (ref === 0) {
    set('referenceImages', 0, 'The log has no image input tokens.')
  } else {
    const maxPer = STAGE_RULES.referenceImageTokens.max
    const count = clamp(
      Math.max(stage.referenceImages, Math.ceil(ref / maxPer)),
      1,
      STAGE_RULES.referenceImages.max,
    )
    set(
      'referenceImages',
      count,
      'The log has image input tokens, so at least one reference image.',
    )
    set(
      'referenceImageTokens',
      clamp(Math.round(ref / count), 0, maxPer),
      `${String(Math.round(ref))} image input tokens per billed image over ${plural(count, 'reference image')}.`,
    )
  }
  return { stage: next, changes, notes }
}
