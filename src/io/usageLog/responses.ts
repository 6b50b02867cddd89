/**
 * Saved Images API responses, one JSON object per line (docs/usage-log-format.md,
 * "Saved Images API responses"): each response's `usage` with its `size`,
 * `quality`, `model` and `created` where present, and its images counted from
 * `data`. Recognised by shape: a `usage` object with token counts and none of
 * a generation log's own columns (template, stage, status, job). The images'
 * bytes are dropped while each line is parsed, so a file of base64 images
 * never holds more than one line's images at a time, and nothing of them
 * leaves the worker.
 */
import type { ResponseLine } from '../../domain/usage/responses'
import { plural } from '../../domain/usage/plural'
import { firstChar, show, trimmed } from '../cells'
import { guessColumnMapping } from './columns'
import type { SkippedRow, UsageLogNotice } from './result'
import { MAX_LISTED_SKIPS, PROGRESS_EVERY } from './result'
import type { ProgressCallback } from './result'

export interface ResponsesRead {
  format: 'saved responses'
  lines: ResponseLine[]
  /** Non-blank lines seen, skipped ones included. */
  rowsRead: number
  skippedCount: number
  skipped: SkippedRow[]
  notices: UsageLogNotice[]
  /** Why nothing could be read; null when responses were read. */
  error: string | null
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const field = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined)

/** A response's tokens are at most a few tens of thousands; past this the line is broken. */
const MAX_TOKENS = 1e9
const TOKENS = 'a whole number of tokens from 0 to 1,000,000,000'
/** The API returns at most 10 images a call; a saved file may have merged a few. */
const MAX_IMAGES = 10_000
/** Progress is reported at least every this many characters of text. */
const PROGRESS_CHARS = 4_000_000
/** Lines looked at to recognise the shape. */
const SNIFF_LINES = 5
const MIN_SECONDS = 946_684_800
const MAX_SECONDS = 4_102_444_800
const QUALITIES = new Set(['low', 'medium', 'high', 'auto'])
const SIZE = /^(\d{1,6})x(\d{1,6})$/

/**
 * JSON.parse drops the images' bytes as it meets them, so the base64 text of
 * one image lives only while its own line is parsed.
 */
const withoutImageBytes = (key: string, value: unknown): unknown =>
  key === 'b64_json' ? undefined : value

const hasTokens = (usage: unknown): boolean =>
  isObject(usage) &&
  (typeof field(usage, 'input_tokens') === 'number' ||
    typeof field(usage, 'output_tokens') === 'number')

/**
 * A generation log names its template, stage, status or job, or carries the
 * log's own n or cost; an API response has none of them.
 */
function isGenerationLog(o: Json): boolean {
  const m = guessColumnMapping(Object.keys(o))
  return (
    m.template !== null ||
    m.stage !== null ||
    m.status !== null ||
    m.jobId !== null ||
    m.n !== null ||
    m.costUsd !== null
  )
}

/** Whether a JSON Lines text holds saved Images API responses: decided by its first readable line. */
export function looksLikeSavedResponses(body: string): boolean {
  if (firstChar(body) !== 123) return false
  let from = 0
  for (let seen = 0; seen < SNIFF_LINES && from < body.length;) {
    let to = body.indexOf('\n', from)
    if (to < 0) to = body.length
    const text = body.slice(from, to)
    from = to + 1
    if (trimmed(text) === '') continue
    seen++
    let value: unknown
    try {
      value = JSON.parse(text, withoutImageBytes)
    } catch {
      continue
    }
    if (!isObject(value)) return false
    return hasTokens(field(value, 'usage')) && !isGenerationLog(value)
  }
  return false
}

/** A whole count from 0 to max, null when absent, or the reason it is not one. */
function countOf(v: unknown, name: string, max: number, what: string): number | null | string {
  if (v === undefined || v === null) return null
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max) return v
  const shown = (JSON.stringify(v) as string | undefined) ?? typeof v
  return `${name} must be ${what}; it is ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}.`
}

class Notes {
  count = 0
  first = 0
  note(row: number): void {
    if (this.count++ === 0) this.first = row
  }
}

/**
 * Reads saved Images API responses, one per line. A line that is not JSON,
 * not an object, an error response, or whose usage is missing or
 * inconsistent is listed with its line number and reason. Never throws.
 * @example readSavedResponses('{"usage":{"input_tokens":50,"output_tokens":196},"data":[{}]}').lines[0]?.images // 1
 */
export function readSavedResponses(body: string, onProgress?: ProgressCallback): ResponsesRead {
  const lines: ResponseLine[] = []
  const skipped: SkippedRow[] = []
  let skippedCount = 0
  let rowsRead = 0
  const skip = (row: number, reason: string) => {
    skippedCount++
    if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ row, reason })
  }
  const noData = new Notes()
  const badTime = new Notes()
  const badSize = new Notes()
  const badQuality = new Notes()
  let line = 0
  let from = 0
  let reported = 0
  while (from <= body.length) {
    // Lines of base64 images run to megabytes: report by text read, not only by lines.
    if (
      onProgress &&
      (from - reported > PROGRESS_CHARS || (line % PROGRESS_EVERY === 0 && line > 0))
    ) {
      reported = from
      onProgress(from / body.length)
    }
    let to = body.indexOf('\n', from)
    if (to < 0) to = body.length
    line++
    const text = body.slice(from, to)
    from = to + 1
    if (trimmed(text) === '') continue
    rowsRead++
    const row = line
    let value: unknown
    try {
      value = JSON.parse(text, withoutImageBytes)
    } catch (e) {
      skip(
        row,
        `Line ${String(row)} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
      )
      continue
    }
    if (!isObject(value)) {
      skip(row, `Line ${String(row)} is JSON but not an object (a saved response is {"usage":…}).`)
      continue
    }
    const error = field(value, 'error')
    if (isObject(error)) {
      const message = field(error, 'message')
      skip(
        row,
        `Line ${String(row)} is an error response${typeof message === 'string' ? ` (${show(message)})` : ''}: no image was billed, so it is left out.`,
      )
      continue
    }
    const usage = field(value, 'usage')
    if (!isObject(usage)) {
      skip(
        row,
        `Line ${String(row)} has no usage object ({"input_tokens":…,"output_tokens":…}), so its tokens are unknown and it is left out.`,
      )
      continue
    }
    const input = countOf(field(usage, 'input_tokens'), 'usage.input_tokens', MAX_TOKENS, TOKENS)
    const output = countOf(field(usage, 'output_tokens'), 'usage.output_tokens', MAX_TOKENS, TOKENS)
    const total = countOf(field(usage, 'total_tokens'), 'usage.total_tokens', MAX_TOKENS, TOKENS)
    const inDetails = field(usage, 'input_tokens_details')
    const outDetails = field(usage, 'output_tokens_details')
    const inText = isObject(inDetails)
      ? countOf(
          field(inDetails, 'text_tokens'),
          'input_tokens_details.text_tokens',
          MAX_TOKENS,
          TOKENS,
        )
      : null
    const inImage = isObject(inDetails)
      ? countOf(
          field(inDetails, 'image_tokens'),
          'input_tokens_details.image_tokens',
          MAX_TOKENS,
          TOKENS,
        )
      : null
    const outImage = isObject(outDetails)
      ? countOf(
          field(outDetails, 'image_tokens'),
          'output_tokens_details.image_tokens',
          MAX_TOKENS,
          TOKENS,
        )
      : null
    const outText = isObject(outDetails)
      ? countOf(
          field(outDetails, 'text_tokens'),
          'output_tokens_details.text_tokens',
          MAX_TOKENS,
          TOKENS,
        )
      : null
    const bad = [input, output, total, inText, inImage, outImage, outText].find(
      (v) => typeof v === 'string',
    )
    if (typeof bad === 'string') {
      skip(row, `Line ${String(row)}: ${bad}`)
      continue
    }
    const n = (v: number | string | null): number | null => (typeof v === 'number' ? v : null)
    const inputTokens = n(input)
    const outputTokens = n(output)
    if (inputTokens === null || outputTokens === null) {
      skip(
        row,
        `Line ${String(row)}: usage must have both input_tokens and output_tokens; ${inputTokens === null ? 'input_tokens' : 'output_tokens'} is missing.`,
      )
      continue
    }
    const totalTokens = n(total)
    if (totalTokens !== null && totalTokens !== inputTokens + outputTokens) {
      skip(
        row,
        `Line ${String(row)}: usage.total_tokens is ${String(totalTokens)} but input_tokens + output_tokens is ${String(inputTokens + outputTokens)}; the usage object does not add up, so the line is left out.`,
      )
      continue
    }
    const textTokens = n(inText)
    const imageTokens = n(inImage)
    if ((textTokens ?? 0) + (imageTokens ?? 0) > inputTokens) {
      skip(
        row,
        `Line ${String(row)}: input_tokens_details (text ${String(textTokens ?? 0)} + image ${String(imageTokens ?? 0)}) is more than input_tokens (${String(inputTokens)}); the usage object does not add up, so the line is left out.`,
      )
      continue
    }
    const outputImageTokens = n(outImage)
    if (outputImageTokens !== null && outputImageTokens + (n(outText) ?? 0) > outputTokens) {
      skip(
        row,
        `Line ${String(row)}: output_tokens_details is more than output_tokens (${String(outputTokens)}); the usage object does not add up, so the line is left out.`,
      )
      continue
    }
    const data = field(value, 'data')
    let images: number | null = null
    if (Array.isArray(data)) {
      if (data.length > MAX_IMAGES) {
        skip(
          row,
          `Line ${String(row)}: data holds ${String(data.length)} images; a response has at most ${MAX_IMAGES.toLocaleString('en-US')}.`,
        )
        continue
      }
      images = data.length
    } else if (data !== undefined && data !== null) {
      skip(row, `Line ${String(row)}: data must be the list of images ([{…}, …]).`)
      continue
    } else noData.note(row)

    const created = field(value, 'created')
    let createdMs: number | null = null
    if (typeof created === 'number' && created >= MIN_SECONDS && created <= MAX_SECONDS) {
      createdMs = created * 1000
    } else if (created !== undefined && created !== null) badTime.note(row)

    const rawSize = field(value, 'size')
    let size: string | null = null
    if (typeof rawSize === 'string') {
      const s = trimmed(rawSize).toLowerCase()
      if (s === 'auto' || SIZE.test(s)) size = s
      else badSize.note(row)
    } else if (rawSize !== undefined && rawSize !== null) badSize.note(row)

    const rawQuality = field(value, 'quality')
    let quality: string | null = null
    if (typeof rawQuality === 'string' && QUALITIES.has(trimmed(rawQuality).toLowerCase())) {
      quality = trimmed(rawQuality).toLowerCase()
    } else if (rawQuality !== undefined && rawQuality !== null) badQuality.note(row)

    const rawModel = field(value, 'model')
    const model =
      typeof rawModel === 'string' && trimmed(rawModel) !== '' && rawModel.length <= 200
        ? trimmed(rawModel).toLowerCase()
        : null

    lines.push({
      row,
      createdMs,
      model,
      size,
      quality,
      images,
      inputTokens,
      outputTokens,
      textTokens,
      imageTokens,
      outputImageTokens,
    })
  }

  const notices: UsageLogNotice[] = []
  const say = (notes: Notes, what: string) => {
    if (notes.count > 0)
      notices.push({ row: notes.first, message: `${plural(notes.count, 'line')} ${what}` })
  }
  say(
    noData,
    'without a data list: their images cannot be counted, so their tokens are in the totals but not in the per-image figures.',
  )
  say(badTime, 'with a created time that is not Unix seconds from 2000 to 2100: read as undated.')
  say(badSize, 'with a size that is not like 1024x1024 or auto: read as not saved.')
  say(badQuality, 'with a quality that is not low, medium, high or auto: read as not saved.')
  if (skippedCount > skipped.length) {
    notices.push({
      row: null,
      message: `${plural(skippedCount, 'line')} were skipped; the first ${plural(skipped.length, 'is', 'are')} listed.`,
    })
  }
  return {
    format: 'saved responses',
    lines,
    rowsRead,
    skippedCount,
    skipped,
    notices,
    error: rowsRead === 0 ? 'The file holds no saved responses.' : null,
  }
}
