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
import { normaliseStatus, QUALITY_WORDS } from './status'

const BAD = -1

function text(v: unknown): string {
  if (typeof v === 'string') return trimmed(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

const isBlankValue = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && isBlank(v))

/** A non-negative finite number, null when blank, BAD otherwise. */
function amount(v: unknown, decimalComma: boolean, dollar: boolean): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : BAD
  if (typeof v !== 'string') return v === undefined || v === null ? null : BAD
  if (v.length === 0) return null
  let s = v
  // Cost columns exported from billing tools often carry the dollar sign.
  if (dollar && s.charCodeAt(0) === 36) s = s.slice(1)
  const n = parseCsvNumber(s, decimalComma)
  if (n !== null) return Number.isFinite(n) && n >= 0 ? n : BAD
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
  const n = amount(v, decimalComma, false)
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

/** Counts behind the notices, gathered while rows are read. */
export class Tally {
  readonly unknownStatuses = new Map<string, { rows: number; first: number }>()
  readonly unknownQualities = new Map<string, { rows: number; first: number }>()
  blankStatus = 0
  blankStatusFirst = 0
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
  private readonly statusMemo = new Map<string, UsageStatus>()
  private readonly size = { width: 0, height: 0 }
  readonly tally = new Tally()

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly decimalComma: boolean,
  ) {}

  private bad(field: UsageField, v: unknown, what: string): string {
    // JSON.stringify gives undefined for functions and symbols, whatever its typing says.
    const json = JSON.stringify(v) as string | undefined
    const shown = show(typeof v === 'string' ? v : (json ?? String(v)))
    return `${this.label(field)} must be ${what}; it is ${shown}.`
  }

  private badTokens(field: UsageField): string {
    return this.bad(field, this.values[F[field]], 'a number of tokens, 0 or more')
  }

  /** The column as the file names it, so a message points where people look. */
  private label(field: UsageField): string {
    return this.mapping[field] ?? field
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
    const inputTokens = amount(v[F.inputTokens], dc, false)
    if (inputTokens === BAD) return this.badTokens('inputTokens')
    const outputTokens = amount(v[F.outputTokens], dc, false)
    if (outputTokens === BAD) return this.badTokens('outputTokens')
    const inputTextTokens = amount(v[F.inputTextTokens], dc, false)
    if (inputTextTokens === BAD) return this.badTokens('inputTextTokens')
    const inputImageTokens = amount(v[F.inputImageTokens], dc, false)
    if (inputImageTokens === BAD) return this.badTokens('inputImageTokens')
    const cost = amount(v[F.costUsd], dc, true)
    if (cost === BAD)
      return this.bad('costUsd', v[F.costUsd], 'an amount in USD, 0 or more, like 0.21')

    let width: number | null = null
    let height: number | null = null
    const sizeText = text(v[F.size])
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
      if (this.mapping.status !== null && this.tally.blankStatus++ === 0) {
        this.tally.blankStatusFirst = row
      }
    } else {
      let hit = this.statusMemo.get(statusText)
      if (hit === undefined) {
        hit = normaliseStatus(statusText)
        if (this.statusMemo.size < 1000) this.statusMemo.set(statusText, hit)
      }
      status = hit
      const lower = hit === 'unknown' ? statusText.toLowerCase() : ''
      if (hit === 'unknown' && lower !== 'unknown')
        Tally.bump(this.tally.unknownStatuses, lower, row)
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
      template: text(v[F.template]),
      stage: text(v[F.stage]),
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
