/**
 * One record of a usage log (CSV row or JSON object) read into a UsageRow, or
 * the reason it cannot be read. Shared by the CSV and JSON readers.
 */
import type { Quality } from '../../domain/model'
import type { UsageRow, UsageStatus } from '../../domain/usage/rows'
import { isBlank, readSize, show, trimmed } from '../cells'
import { parseCsvNumber } from '../csv/numbers'
import type { ColumnMapping, UsageField } from './columns'
import { F, USAGE_FIELDS } from './columns'
import type { StatusMapping } from './status'
import { isStatusWord, QUALITY_WORDS, statusKey, synonymOf } from './status'

const BAD = -1

function text(v: unknown): string {
  if (typeof v === 'string') return trimmed(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

const isBlankValue = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && isBlank(v))

/**
 * Per-row ceilings (docs/usage-log-format.md). The largest image bills about
 * 30,000 output tokens and a call takes at most 10,000 images, so a row past
 * a billion tokens or a million dollars is a broken export, and summing it
 * would drown every real figure (1e308 overflows to Infinity).
 */
export const MAX_ROW_TOKENS = 1e9
export const MAX_ROW_COST_USD = 1e6
const TOKENS = 'a number of tokens from 0 to 1,000,000,000'
const COST = 'an amount in USD from 0 to 1,000,000, like 0.21'

/** A finite number from 0 to max, null when blank, BAD otherwise. */
function amount(v: unknown, decimalComma: boolean, dollar: boolean, max: number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v <= max ? v : BAD
  if (typeof v !== 'string') return v === undefined || v === null ? null : BAD
  if (v.length === 0) return null
  let s = v
  // Cost columns exported from billing tools often carry the dollar sign.
  if (dollar && s.charCodeAt(0) === 36) s = s.slice(1)
  const n = parseCsvNumber(s, decimalComma)
  if (n !== null) return Number.isFinite(n) && n >= 0 && n <= max ? n : BAD
  return isBlank(v) ? null : BAD
}

/**
 * Edges a logged image can have, whether the log writes a size or a width and
 * a height: no model makes a larger one, and 0 is no image.
 */
const MAX_EDGE = 100_000
const EDGES = 'from 1 to 100,000'
const isEdge = (n: number): boolean => n >= 1 && n <= MAX_EDGE

/** A whole number from min to max, null when blank, BAD otherwise. */
function whole(v: unknown, decimalComma: boolean, min: number, max: number): number | null {
  const n = amount(v, decimalComma, false, max)
  if (n === null || n === BAD) return n
  return Number.isInteger(n) && n >= min && n <= max ? n : BAD
}

const isDigits = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return s.length > 0
}

/** Seconds below this are epoch seconds (until 5138); above, milliseconds. */
const SECONDS_LIMIT = 1e11

function timeOf(v: unknown): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null
    return v < SECONDS_LIMIT ? v * 1000 : v
  }
  if (typeof v !== 'string') return null
  const s = trimmed(v)
  if (s === '') return null
  if (isDigits(s)) {
    const n = Number(s)
    return n < SECONDS_LIMIT ? n * 1000 : n
  }
  const ms = Date.parse(s)
  return Number.isNaN(ms) ? null : ms
}

/** How a logged status value was read: by a usual synonym, by the person's mapping, or not at all. */
export type StatusSource = 'synonym' | 'yours' | 'none'

/** One distinct status value that is not a status's own word, for the mapping editor. */
export interface StatusValue {
  /** As statusKey gives it. */
  value: string
  rows: number
  first: number
  /** The status its rows count as; null: not known, rows left out. */
  status: UsageStatus | null
  source: StatusSource
}

/** Distinct status values listed; a log with more is not a status column. */
export const MAX_STATUS_VALUES = 200

/** Counts behind the notices, gathered while rows are read. */
export class Tally {
  readonly statusValues = new Map<string, StatusValue>()
  readonly unknownQualities = new Map<string, { rows: number; first: number }>()
  badTime = 0
  badTimeFirst = 0

  static bump(map: Map<string, { rows: number; first: number }>, key: string, row: number): void {
    const hit = map.get(key)
    if (hit) hit.rows++
    else if (map.size < 100) map.set(key, { rows: 1, first: row })
  }
}

/**
 * Turns one record's values (in USAGE_FIELDS order) into a row, or the
 * reason it cannot be read. Shared by the CSV and JSON paths.
 */
export class RowReader {
  /** The record being read, by field; reused so a row allocates only its result. */
  readonly values: unknown[] = new Array<unknown>(USAGE_FIELDS.length).fill(undefined)
  /** Raw status text -> its key and reading, so 200,000 rows normalise a handful of values. */
  private readonly statusMemo = new Map<
    string,
    { key: string; status: UsageStatus | null; source: StatusSource | 'word' }
  >()
  private readonly statusMap: ReadonlyMap<string, UsageStatus | null>
  private readonly size = { width: 0, height: 0 }
  readonly tally = new Tally()

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly decimalComma: boolean,
    statusMapping: StatusMapping = [],
  ) {
    this.statusMap = new Map(statusMapping.map((m) => [m.value, m.status]))
  }

  private readStatus(text: string): {
    key: string
    status: UsageStatus | null
    source: StatusSource | 'word'
  } {
    const key = statusKey(text)
    if (isStatusWord(key)) return { key, status: key, source: 'word' }
    if (this.statusMap.has(key))
      return { key, status: this.statusMap.get(key) ?? null, source: 'yours' }
    const synonym = synonymOf(key)
    return { key, status: synonym, source: synonym === null ? 'none' : 'synonym' }
  }

  private bad(field: UsageField, v: unknown, what: string): string {
    // JSON.stringify gives undefined for functions and symbols, whatever its typing says.
    const json = JSON.stringify(v) as string | undefined
    const shown = show(typeof v === 'string' ? v : (json ?? String(v)))
    return `${this.label(field)} must be ${what}; it is ${shown}.`
  }

  private badTokens(field: UsageField): string {
    return this.bad(field, this.values[F[field]], TOKENS)
  }

  /** The column as the file names it, so a message points where people look. */
  private label(field: UsageField): string {
    return this.mapping[field] ?? field
  }

  private countStatus(
    key: string,
    status: UsageStatus | null,
    source: StatusSource,
    row: number,
  ): void {
    const values = this.tally.statusValues
    const hit = values.get(key)
    if (hit) hit.rows++
    else if (values.size < MAX_STATUS_VALUES)
      values.set(key, { value: key, rows: 1, first: row, status, source })
  }

  read(row: number): UsageRow | string {
    const v = this.values
    let blank = true
    for (const x of v) {
      if (!isBlankValue(x)) {
        blank = false
        break
      }
    }
    if (blank) return 'The row has no value in any column the log reader uses.'
    const dc = this.decimalComma

    const n = whole(v[F.n], dc, 1, 10_000)
    if (n === BAD) return this.bad('n', v[F.n], 'a whole number of images from 1 to 10,000')
    const inputTokens = amount(v[F.inputTokens], dc, false, MAX_ROW_TOKENS)
    if (inputTokens === BAD) return this.badTokens('inputTokens')
    const outputTokens = amount(v[F.outputTokens], dc, false, MAX_ROW_TOKENS)
    if (outputTokens === BAD) return this.badTokens('outputTokens')
    const inputTextTokens = amount(v[F.inputTextTokens], dc, false, MAX_ROW_TOKENS)
    if (inputTextTokens === BAD) return this.badTokens('inputTextTokens')
    const inputImageTokens = amount(v[F.inputImageTokens], dc, false, MAX_ROW_TOKENS)
    if (inputImageTokens === BAD) return this.badTokens('inputImageTokens')
    const cost = amount(v[F.costUsd], dc, true, MAX_ROW_COST_USD)
    if (cost === BAD) return this.bad('costUsd', v[F.costUsd], COST)

    // A mapped column left blank is a row that lost part of itself: counting it
    // would put its images in a "(no template)" group or price them at a guessed size.
    const template = text(v[F.template])
    if (template === '' && this.mapping.template !== null) {
      return `${this.label('template')} is blank; every row needs the template it was made with.`
    }

    let width: number | null = null
    let height: number | null = null
    const sizeText = text(v[F.size])
    if (
      sizeText === '' &&
      this.mapping.size !== null &&
      isBlankValue(v[F.width]) &&
      isBlankValue(v[F.height])
    ) {
      return `${this.label('size')} is blank; give WIDTHxHEIGHT in pixels, like 1536x1024, or auto.`
    }
    if (sizeText !== '' && sizeText.toLowerCase() !== 'auto') {
      const size = this.size
      if (!readSize(sizeText, size)) {
        return this.bad('size', v[F.size], 'WIDTHxHEIGHT in pixels, like 1536x1024, or auto')
      }
      if (!isEdge(size.width) || !isEdge(size.height)) {
        return this.bad('size', v[F.size], `WIDTHxHEIGHT with edges ${EDGES}, or auto`)
      }
      width = size.width
      height = size.height
    } else if (sizeText === '') {
      const w = whole(v[F.width], dc, 1, MAX_EDGE)
      if (w === BAD) return this.bad('width', v[F.width], `a whole number of pixels ${EDGES}`)
      const h = whole(v[F.height], dc, 1, MAX_EDGE)
      if (h === BAD) return this.bad('height', v[F.height], `a whole number of pixels ${EDGES}`)
      if ((w === null) !== (h === null)) {
        const [blankOne, other] =
          w === null ? (['width', 'height'] as const) : (['height', 'width'] as const)
        return `${this.label(blankOne)} is blank but ${this.label(other)} is not; give both or neither.`
      }
      width = w
      height = h
    }

    const statusText = text(v[F.status])
    let status: UsageStatus = 'unknown'
    if (statusText === '') {
      // Without a status column, one file-level notice says so instead.
      if (this.mapping.status !== null) {
        return `${this.label('status')} is blank; give accepted, edited, rejected, regenerated, deleted or failed.`
      }
    } else {
      let hit = this.statusMemo.get(statusText)
      if (hit === undefined) {
        hit = this.readStatus(statusText)
        if (this.statusMemo.size < 1000) this.statusMemo.set(statusText, hit)
      }
      if (hit.source !== 'word') this.countStatus(hit.key, hit.status, hit.source, row)
      if (hit.status === null) {
        return `${this.label('status')} ${show(statusText)} is not one the app knows (accepted, edited, rejected, regenerated, deleted, failed): map it under Status values to count this row.`
      }
      status = hit.status
    }

    const qualityText = text(v[F.quality])
    let quality: Quality | null = null
    if (qualityText !== '') {
      const key = qualityText.toLowerCase()
      quality = Object.hasOwn(QUALITY_WORDS, key) ? (QUALITY_WORDS[key] ?? null) : null
      if (quality === null) Tally.bump(this.tally.unknownQualities, key, row)
    }

    const rawTime = v[F.timestamp]
    const timeMs = isBlankValue(rawTime) ? null : timeOf(rawTime)
    if (timeMs === null && !isBlankValue(rawTime) && this.tally.badTime++ === 0) {
      this.tally.badTimeFirst = row
    }

    return {
      row,
      timeMs,
      template,
      stage: text(v[F.stage]),
      jobId: text(v[F.jobId]),
      model: text(v[F.model]).toLowerCase(),
      quality,
      width,
      height,
      n,
      status,
      inputTokens,
      outputTokens,
      inputTextTokens,
      inputImageTokens,
      costUsd: cost,
    }
  }
}
