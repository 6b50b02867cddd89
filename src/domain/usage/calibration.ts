/**
 * A stage with what a log measured, as changes the UI can show, apply and undo.
 */
import { sizeProblems } from '../engine'
import type { Quality, Stage } from '../model'
import { findModel } from '../priceBook'
import type { PriceBook } from '../priceBook'
import { STAGE_RULES } from '../validate'
import { plural } from './plural'
import type { UsageGroup } from './summary'
import { imagesPerJobNote, mixText } from './summary'

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
 * `modelId` is the scenario's model: a size it cannot make is left alone.
 * @example calibratedStage(stage, group, 'gpt-image-2', book).stage.retryMultiplier // e.g. 1.333
 */
export function calibratedStage(
  stage: Stage,
  group: UsageGroup,
  modelId: string,
  book: PriceBook,
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
    const spec = findModel(book, modelId)
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
    const { count, tokensEach } = referenceSplit(ref, stage.referenceImages)
    set(
      'referenceImages',
      count,
      'The log has image input tokens, so at least one reference image.',
    )
    set(
      'referenceImageTokens',
      tokensEach,
      `${String(Math.round(ref))} image input tokens per billed image over ${plural(count, 'reference image')}.`,
    )
  }
  return { stage: next, changes, notes }
}

/**
 * Measured image input tokens per image as reference images: at least one, as many as the
 * stage has or as the per-image token limit needs, the tokens shared among them.
 * @example referenceSplit(1024, 0) // { count: 1, tokensEach: 1024 }
 */
export function referenceSplit(
  tokensPerImage: number,
  currentCount: number,
): { count: number; tokensEach: number } {
  const maxPer = STAGE_RULES.referenceImageTokens.max
  const count = clamp(
    Math.max(currentCount, Math.ceil(tokensPerImage / maxPer)),
    1,
    STAGE_RULES.referenceImages.max,
  )
  return { count, tokensEach: clamp(Math.round(tokensPerImage / count), 0, maxPer) }
}
