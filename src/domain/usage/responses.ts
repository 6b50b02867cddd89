/**
 * Saved Images API responses (docs/usage-log-format.md, "Saved Images API
 * responses"): where a token count and an image count meet, the tokens one
 * image really took, beside the engine's figure for its size and quality.
 */
import { outputTokens } from '../engine'
import type { BilledQuality, Stage } from '../model'
import { BILLED_QUALITIES } from '../model'
import type { PriceBook } from '../priceBook'
import { STAGE_RULES } from '../validate'
import { referenceSplit } from './calibration'
import { plural } from './plural'
import { priceBookId } from './pricer'

/** One saved response, as read from its line. */
export interface ResponseLine {
  /** Line number in the file, for messages. */
  row: number
  /** `created` as ms since the epoch (UTC); null when not saved. */
  createdMs: number | null
  /** Lower case, as saved; null when the response does not name it. */
  model: string | null
  /** "1024x1024" or "auto"; null when not saved. */
  size: string | null
  /** low, medium, high or auto; null when not saved. */
  quality: string | null
  /** Images in `data`; null when the response was saved without it. */
  images: number | null
  inputTokens: number
  outputTokens: number
  /** input_tokens_details; null when not saved. */
  textTokens: number | null
  imageTokens: number | null
  /** output_tokens_details.image_tokens; null when not saved (then all output is image output). */
  outputImageTokens: number | null
}

/** Responses of one model, size and quality in one month, with what one image took. */
export interface TokenGroup {
  model: string | null
  size: string | null
  quality: string | null
  responses: number
  /** Images counted from `data` (responses saved without it add none). */
  images: number
  /** Sums over every response of the group. */
  inputTokens: number
  outputTokens: number
  /** Image output tokens per image, over responses with an image count; null when none. */
  outputPerImage: number | null
  /** The engine's output tokens for one image of this model, size and quality; null when it has none. */
  enginePerImage: number | null
  /** Why there is no engine figure; null when there is one. */
  engineNote: string | null
  /** (measured - engine) / engine; null without both. */
  outputShare: number | null
  /** Input tokens per image from input_tokens_details; null when not saved. */
  textPerImage: number | null
  imagePerImage: number | null
}

export interface TokensMonth {
  /** "2026-04"; null for responses saved without `created`. */
  month: string | null
  responses: number
  images: number
  /** Most images first. */
  groups: TokenGroup[]
}

export interface ResponsesSummary {
  /** Oldest first; undated responses last. */
  months: TokensMonth[]
  responses: number
  images: number
}

interface Acc {
  model: string | null
  size: string | null
  quality: string | null
  responses: number
  images: number
  inputTokens: number
  outputTokens: number
  /** Over responses with an image count only. */
  countedImages: number
  countedOutput: number
  textImages: number
  text: number
  imageImages: number
  image: number
}

function monthKey(ms: number | null): string | null {
  if (ms === null) return null
  return new Date(ms).toISOString().slice(0, 7)
}

function engineFigure(
  g: Pick<Acc, 'model' | 'size' | 'quality'>,
  book: PriceBook,
  defaultModelId: string,
): { tokens: number | null; note: string | null } {
  const id = priceBookId(g.model ?? defaultModelId, book)
  if (id === null) return { tokens: null, note: `${g.model ?? ''} is not in the price book.` }
  if (g.quality === null) return { tokens: null, note: 'The responses do not say their quality.' }
  if (!BILLED_QUALITIES.includes(g.quality as BilledQuality)) {
    return { tokens: null, note: 'Quality auto is billed at the quality the model picked.' }
  }
  const m = g.size === null ? null : /^(\d+)x(\d+)$/.exec(g.size)
  if (!m) {
    return {
      tokens: null,
      note:
        g.size === null
          ? 'The responses do not say their size.'
          : 'Size auto is billed at the size the model picked.',
    }
  }
  const r = outputTokens(id, g.quality as BilledQuality, Number(m[1]), Number(m[2]), book)
  return r.ok ? { tokens: r.tokens, note: null } : { tokens: null, note: r.message }
}

/**
 * Sums saved responses per calendar month (UTC, by `created`) and by model,
 * size and quality; per image: image output tokens (output_tokens_details
 * image tokens where saved, else all output tokens) beside the engine's
 * figure, and text and image input tokens. Per-image figures count only
 * responses whose images were counted.
 * @example summariseResponses(lines, PRICE_BOOK, 'gpt-image-2').months[0]?.groups[0]?.outputPerImage // e.g. 196
 */
export function summariseResponses(
  lines: readonly ResponseLine[],
  book: PriceBook,
  defaultModelId: string,
): ResponsesSummary {
  const months = new Map<string | null, Map<string, Acc>>()
  for (const l of lines) {
    const month = monthKey(l.createdMs)
    let groups = months.get(month)
    if (!groups) {
      groups = new Map()
      months.set(month, groups)
    }
    const key = JSON.stringify([l.model, l.size, l.quality])
    let a = groups.get(key)
    if (!a) {
      a = {
        model: l.model,
        size: l.size,
        quality: l.quality,
        responses: 0,
        images: 0,
        inputTokens: 0,
        outputTokens: 0,
        countedImages: 0,
        countedOutput: 0,
        textImages: 0,
        text: 0,
        imageImages: 0,
        image: 0,
      }
      groups.set(key, a)
    }
    a.responses++
    a.inputTokens += l.inputTokens
    a.outputTokens += l.outputTokens
    if (l.images === null) continue
    a.images += l.images
    a.countedImages += l.images
    a.countedOutput += l.outputImageTokens ?? l.outputTokens
    if (l.textTokens !== null) {
      a.textImages += l.images
      a.text += l.textTokens
    }
    if (l.imageTokens !== null) {
      a.imageImages += l.images
      a.image += l.imageTokens
    }
  }
  const per = (tokens: number, images: number) => (images > 0 ? tokens / images : null)
  const result: TokensMonth[] = [...months]
    .map(([month, groups]) => {
      const list = [...groups.values()].map((a): TokenGroup => {
        const engine = engineFigure(a, book, defaultModelId)
        const outputPerImage = per(a.countedOutput, a.countedImages)
        return {
          model: a.model,
          size: a.size,
          quality: a.quality,
          responses: a.responses,
          images: a.images,
          inputTokens: a.inputTokens,
          outputTokens: a.outputTokens,
          outputPerImage,
          enginePerImage: engine.tokens,
          engineNote: engine.note,
          outputShare:
            outputPerImage !== null && engine.tokens !== null && engine.tokens > 0
              ? (outputPerImage - engine.tokens) / engine.tokens
              : null,
          textPerImage: per(a.text, a.textImages),
          imagePerImage: per(a.image, a.imageImages),
        }
      })
      list.sort((x, y) => y.images - x.images || y.responses - x.responses)
      return {
        month,
        responses: list.reduce((s, g) => s + g.responses, 0),
        images: list.reduce((s, g) => s + g.images, 0),
        groups: list,
      }
    })
    .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month.localeCompare(b.month)))
  return {
    months: result,
    responses: result.reduce((s, m) => s + m.responses, 0),
    images: result.reduce((s, m) => s + m.images, 0),
  }
}

/** A stage field Apply sets from saved responses. */
export type MeasuredField = 'promptTokens' | 'referenceImages' | 'referenceImageTokens'

export interface MeasuredChange {
  field: MeasuredField
  from: number
  to: number
  why: string
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n))

/**
 * What a group of saved responses measures for a stage: its prompt tokens
 * (text input per image) and reference-image tokens (image input per image,
 * over the stage's reference images, at least one when there are any), only
 * where the responses saved input_tokens_details. Unchanged fields are left
 * out. Retry multiplier, quality and size are never set: responses carry no
 * status, and the stage's quality and size are the person's choice.
 * @example measuredChanges(stage, group).map((c) => c.field) // e.g. ['promptTokens']
 */
export function measuredChanges(
  stage: Stage,
  group: TokenGroup,
): { changes: MeasuredChange[]; notes: string[] } {
  const changes: MeasuredChange[] = []
  const notes: string[] = []
  const set = (field: MeasuredField, to: number, why: string) => {
    if (stage[field] !== to) changes.push({ field, from: stage[field], to, why })
  }
  if (group.textPerImage === null) {
    notes.push('Prompt tokens left as they are: the responses have no input_tokens_details.')
  } else {
    set(
      'promptTokens',
      clamp(Math.round(group.textPerImage), 0, STAGE_RULES.promptTokens.max),
      'Text input tokens per image in the saved responses.',
    )
  }
  const ref = group.imagePerImage
  if (ref === null) {
    notes.push('Reference images left as they are: the responses have no input_tokens_details.')
  } else if (ref === 0) {
    set('referenceImages', 0, 'The responses have no image input tokens.')
  } else {
    const { count, tokensEach } = referenceSplit(ref, stage.referenceImages)
    set(
      'referenceImages',
      count,
      'The responses have image input tokens, so at least one reference image.',
    )
    set(
      'referenceImageTokens',
      tokensEach,
      `${String(Math.round(ref))} image input tokens per image over ${plural(count, 'reference image')}.`,
    )
  }
  return { changes, notes }
}
