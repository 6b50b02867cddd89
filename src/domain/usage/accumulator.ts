/**
 * Running sums of one template and stage while a log is summarised; plain
 * numbers and typed arrays, so summarising 200,000 rows stays one fast loop.
 * src/domain/usage/summary.ts turns them into a UsageGroup.
 */
import type { BilledQuality, Quality } from '../model'
import type { ModelSpec } from '../priceBook'
import { AUTO_SIZE } from './pricer'
import { PER_MILLION } from '../engine'
import type { Pricer } from './pricer'
import type { UsageRow, UsageStatus } from './rows'

export const STATUS_INDEX: Readonly<Record<UsageStatus, number>> = {
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

/** Running sums of one group; plain numeric fields so the per-row path stays monomorphic. */
export class Acc {
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
  /** Every logged time, for the median that orders stages; not merged into totals. */
  readonly times: number[] = []
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
      this.times.push(r.timeMs)
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

  /** The middle logged time (the lower middle of an even count); null when none was logged. */
  medianTime(): number | null {
    if (this.times.length === 0) return null
    const sorted = Float64Array.from(this.times).sort()
    return sorted[(sorted.length - 1) >> 1] ?? null
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
