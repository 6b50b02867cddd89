/**
 * What a usage log measured, per template and stage (docs/usage-log-format.md):
 * billed and kept images, the retry multiplier, mixes, tokens and actual cost.
 * reconciliation.ts explains the gap to a stage's estimate; calibration.ts
 * proposes the measured values as a stage.
 */
import type { BilledQuality, ByMeter, Quality, Stage } from '../model'
import type { PriceBook } from '../priceBook'
import { tenthsPercent } from '../numberText'
import type { Tokens, Usd } from '../units'
import { Acc, STATUS_INDEX } from './accumulator'
import { plural } from './plural'
import { AUTO_SIZE, Pricer } from './pricer'
import type { UsageRow, UsageStatus } from './rows'
import { USAGE_STATUSES } from './rows'

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
  /** The middle logged time of the group's rows; null when none, and on the whole-log total. */
  medianTimeMs: number | null
  /** Things to know about these numbers, in sentences. */
  notes: string[]
}

export interface UsageSummary {
  /**
   * One per template and stage, in order of first appearance; after
   * boundSummary, only the costliest of them and every stage of the
   * costliest templates.
   */
  groups: UsageGroup[]
  total: UsageGroup
  /** Template and stage groups in the whole log, listed or not. */
  groupCount: number
  /** The first this many of `groups` by cost are the log's costliest: a table can page through them in that order. */
  costliestGroups: number
  /** Templates in the whole log, listed or not. */
  templateCount: number
  /** Templates whose every stage is in `groups`, in order of first appearance: per-template figures use only these. */
  templates: string[]
  /**
   * Per template whose rows carry job ids, its stages in the order jobs go
   * through them (see stageOrderByJob); templateTotals orders stages by it.
   */
  jobStageOrders: { template: string; stages: string[] }[]
}

// Results -----------------------------------------------------------------------------

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0)
const perImage = (tokens: number, images: number): Tokens | null =>
  images > 0 ? ((tokens / images) as Tokens) : null

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

function notesOf(a: Acc, defaultModelId: string): string[] {
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
    notes.push(`${plural(a.blankModelImages, 'image')} name no model: priced as ${defaultModelId}.`)
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

function finish(
  a: Acc,
  template: string | null,
  stage: string | null,
  defaultModelId: string,
): UsageGroup {
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
    medianTimeMs: a.medianTime(),
    notes: notesOf(a, defaultModelId),
  }
}

/**
 * Measures a usage log per template and stage: billed and kept images, the
 * retry multiplier (billed images per kept image), status, quality, size and
 * model mixes, tokens by meter and actual cost in USD, with the basis of that
 * cost (usage tokens x the row model's rates, else the row's cost column,
 * else the price book's output estimate). Rows that name no model are priced
 * as `defaultModelId`. Never throws.
 * @example summariseUsage(rows, book, 'gpt-image-2').groups[0]?.retryMultiplier // e.g. 1.5
 */
export function summariseUsage(
  rows: readonly UsageRow[],
  book: PriceBook,
  defaultModelId: string,
): UsageSummary {
  const pricer = new Pricer(book, defaultModelId)
  const byTemplate = new Map<string, Map<string, Acc>>()
  const order: { template: string; stage: string; acc: Acc }[] = []
  const jobs = new JobStages()
  for (const r of rows) {
    if (r.jobId !== '') jobs.add(r)
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
    groups: order.map((g) => finish(g.acc, g.template, g.stage, defaultModelId)),
    total: finish(all, null, null, defaultModelId),
    groupCount: order.length,
    costliestGroups: order.length,
    templateCount: byTemplate.size,
    templates: [...byTemplate.keys()],
    jobStageOrders: jobs.orders(),
  }
}

/**
 * When each job's stages happened, per template: a stage's place in a job
 * is the order of its first row there (by timestamp, else by row).
 */
class JobStages {
  private readonly byTemplate = new Map<string, Map<string, Map<string, number>>>()
  /** Stages in order of first appearance per template, to break ties. */
  private readonly seen = new Map<string, string[]>()

  add(r: UsageRow): void {
    let jobs = this.byTemplate.get(r.template)
    if (!jobs) {
      jobs = new Map()
      this.byTemplate.set(r.template, jobs)
      this.seen.set(r.template, [])
    }
    let stages = jobs.get(r.jobId)
    if (!stages) {
      stages = new Map()
      jobs.set(r.jobId, stages)
    }
    const at = r.timeMs ?? r.row
    const before = stages.get(r.stage)
    if (before === undefined || at < before) stages.set(r.stage, at)
    const seen = this.seen.get(r.template)
    if (seen && !seen.includes(r.stage)) seen.push(r.stage)
  }

  /**
   * Stages by their mean place across the jobs that went through two or
   * more of them; templates with no such job are left out.
   */
  orders(): { template: string; stages: string[] }[] {
    const out: { template: string; stages: string[] }[] = []
    for (const [template, jobs] of this.byTemplate) {
      const place = new Map<string, { sum: number; count: number }>()
      for (const stages of jobs.values()) {
        if (stages.size < 2) continue
        const ranked = [...stages].sort((a, b) => a[1] - b[1])
        ranked.forEach(([stage], i) => {
          const p = place.get(stage) ?? { sum: 0, count: 0 }
          p.sum += i
          p.count++
          place.set(stage, p)
        })
      }
      if (place.size === 0) continue
      const seen = this.seen.get(template) ?? []
      const mean = (s: string) => {
        const p = place.get(s)
        return p ? p.sum / p.count : Infinity
      }
      const stages = [...seen].sort(
        (a, b) => mean(a) - mean(b) || seen.indexOf(a) - seen.indexOf(b),
      )
      out.push({ template, stages })
    }
    return out
  }
}

// Wording shared by reconciliation and calibration -------------------------------------

/**
 * The log's multiplier divides by accepted or edited images; the engine's
 * kept images are jobs x images per job. They agree only if every image a
 * job keeps is one people accepted, which a stage of several candidates
 * per job (the default Draft) does not assume.
 */
export function imagesPerJobNote(stage: Stage): string | null {
  if (stage.imagesPerJob <= 1) return null
  return `This stage keeps ${String(stage.imagesPerJob)} images per job, and the log's multiplier counts billed images per accepted or edited image. If those images are candidates of which people keep fewer, the multiplier already counts the discarded ones: set images per job to the images kept per job.`
}

/** A quality mix in words, for notes: "75% medium, 25% high". */
export function mixText(mix: Record<QualityKey, number>): string {
  const parts = QUALITY_KEYS.filter((q) => mix[q] > 0).map((q) => `${tenthsPercent(mix[q])} ${q}`)
  return parts.length > 0 ? parts.join(', ') : 'no quality logged'
}
