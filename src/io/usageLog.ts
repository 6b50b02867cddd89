/**
 * Reads a generation log (docs/usage-log-format.md) into normalised rows for
 * src/domain/calibration.ts. CSV (comma, semicolon or tab) or JSON Lines,
 * detected from the first character; columns matched by common names, and
 * the Images API `usage` object flattened. Logs are untrusted and often
 * hand-made: a row that cannot be read is listed with its row number and
 * reason and the import goes on; nothing here throws.
 */
import Papa from 'papaparse'
import type { ParseError } from 'papaparse'
import { plural } from '../domain/usage/plural'
import type { UsageRow, UsageStatus } from '../domain/usage/rows'
import type { Quality } from '../domain/model'
import { parseCsvNumber } from './csv/numbers'

// Columns ------------------------------------------------------------------------------

/** The fields a log row can carry; each maps to at most one column of the file. */
export const USAGE_FIELDS = [
  'timestamp',
  'template',
  'stage',
  'model',
  'quality',
  'size',
  'width',
  'height',
  'n',
  'status',
  'inputTokens',
  'outputTokens',
  'inputTextTokens',
  'inputImageTokens',
  'costUsd',
] as const
export type UsageField = (typeof USAGE_FIELDS)[number]

/** Which column (header text as in the file, or a JSON key path like `usage.input_tokens`) feeds each field; null for none. */
export type ColumnMapping = Record<UsageField, string | null>

/**
 * Names each field is recognised by, after normalising (lower case; spaces,
 * dots, dashes and slashes as `_`; a leading `usage_` dropped). Earlier
 * names win when a file has several.
 */
export const COLUMN_SYNONYMS: Readonly<Record<UsageField, readonly string[]>> = {
  timestamp: ['timestamp', 'time', 'created_at', 'created', 'datetime', 'date', 'ts'],
  template: [
    'template',
    'prompt_template',
    'prompt_template_id',
    'template_id',
    'workflow',
    'workflow_id',
  ],
  stage: ['stage', 'step', 'phase'],
  model: ['model', 'model_id'],
  quality: ['quality'],
  size: ['size', 'resolution', 'dimensions'],
  width: ['width', 'image_width'],
  height: ['height', 'image_height'],
  n: ['n', 'outputs', 'num_outputs', 'n_images', 'num_images', 'image_count'],
  status: ['status', 'result', 'outcome', 'review_status'],
  inputTokens: ['input_tokens', 'prompt_tokens'],
  outputTokens: ['output_tokens', 'completion_tokens'],
  inputTextTokens: [
    'input_text_tokens',
    'input_tokens_details_text_tokens',
    'text_input_tokens',
    'text_tokens',
  ],
  inputImageTokens: [
    'input_image_tokens',
    'input_tokens_details_image_tokens',
    'image_input_tokens',
    'image_tokens',
  ],
  costUsd: ['cost_usd', 'cost', 'usd', 'cost_in_usd', 'total_cost', 'amount_usd'],
}

function normaliseHeader(header: string): string {
  const n = header
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
  return n.startsWith('usage_') ? n.slice(6) : n
}

const FIELD_BY_NAME = new Map<string, { field: UsageField; rank: number }>()
for (const field of USAGE_FIELDS) {
  COLUMN_SYNONYMS[field].forEach((name, rank) => FIELD_BY_NAME.set(name, { field, rank }))
}

/** No column for any field. */
export const emptyMapping = (): ColumnMapping => ({
  timestamp: null,
  template: null,
  stage: null,
  model: null,
  quality: null,
  size: null,
  width: null,
  height: null,
  n: null,
  status: null,
  inputTokens: null,
  outputTokens: null,
  inputTextTokens: null,
  inputImageTokens: null,
  costUsd: null,
})

/**
 * The column each field most likely comes from, by common names (see
 * COLUMN_SYNONYMS), case and spacing ignored. Show it to people and let them
 * correct it, then pass it to `parseUsageLog`.
 * @example guessColumnMapping(['Created_At', 'usage.output_tokens']).outputTokens // 'usage.output_tokens'
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping()
  const ranks = new Map<UsageField, number>()
  for (const header of headers) {
    const hit = FIELD_BY_NAME.get(normaliseHeader(header))
    if (!hit) continue
    const before = ranks.get(hit.field)
    if (before !== undefined && before <= hit.rank) continue
    ranks.set(hit.field, hit.rank)
    mapping[hit.field] = header
  }
  return mapping
}

// Statuses and qualities ----------------------------------------------------------------

const STATUS_WORDS: Readonly<Record<string, UsageStatus>> = {
  accepted: 'accepted',
  accept: 'accepted',
  approved: 'accepted',
  approve: 'accepted',
  kept: 'accepted',
  keep: 'accepted',
  selected: 'accepted',
  chosen: 'accepted',
  published: 'accepted',
  shipped: 'accepted',
  used: 'accepted',
  edited: 'edited',
  edit: 'edited',
  modified: 'edited',
  retouched: 'edited',
  touched_up: 'edited',
  rejected: 'rejected',
  reject: 'rejected',
  discarded: 'rejected',
  discard: 'rejected',
  declined: 'rejected',
  unused: 'rejected',
  not_used: 'rejected',
  thumbs_down: 'rejected',
  regenerated: 'regenerated',
  regenerate: 'regenerated',
  retry: 'regenerated',
  retried: 'regenerated',
  rerun: 'regenerated',
  re_run: 'regenerated',
  redo: 'regenerated',
  reroll: 'regenerated',
  rerolled: 'regenerated',
  deleted: 'deleted',
  delete: 'deleted',
  removed: 'deleted',
  failed: 'failed',
  fail: 'failed',
  failure: 'failed',
  error: 'failed',
  errored: 'failed',
  blocked: 'failed',
  moderated: 'failed',
  refused: 'failed',
  timeout: 'failed',
  timed_out: 'failed',
  unknown: 'unknown',
}

/**
 * A logged status as one of accepted, edited, rejected, regenerated,
 * deleted, failed or unknown (approved and kept read as accepted, discarded
 * as rejected, retry as regenerated; anything else as unknown).
 * @example normaliseStatus(' Approved ') // 'accepted'
 */
export function normaliseStatus(text: string): UsageStatus {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return Object.hasOwn(STATUS_WORDS, key) ? (STATUS_WORDS[key] ?? 'unknown') : 'unknown'
}

const QUALITY_WORDS: Readonly<Record<string, Quality>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  auto: 'auto',
}

// Result ---------------------------------------------------------------------------------

export type UsageLogFormat = 'csv' | 'jsonl' | 'json'

export interface SkippedRow {
  /** Spreadsheet row (header = 1) for CSV; line number for JSON Lines; element number for a JSON array. */
  row: number
  reason: string
}

export interface UsageLogNotice {
  /** First row concerned; null for the file as a whole. */
  row: number | null
  message: string
}

export interface UsageLogParse {
  /** null when the text is empty or not a log at all (`error` says why). */
  format: UsageLogFormat | null
  /** Column names (CSV) or flattened key paths (JSON), in file order. */
  headers: string[]
  /** The mapping used: the one passed in, or the guess. */
  mapping: ColumnMapping
  /** Headers no field reads. */
  unusedHeaders: string[]
  rows: UsageRow[]
  /** Data rows seen, skipped ones included (blank lines are not rows). */
  rowsRead: number
  /** How many rows were skipped; `skipped` lists the first MAX_LISTED_SKIPS of them. */
  skippedCount: number
  skipped: SkippedRow[]
  /** Things that did not stop a row, each said once with a count. */
  notices: UsageLogNotice[]
  /** Why nothing could be read; null when rows were read. */
  error: string | null
}

/** Enough to show and fix; a log where every row is bad does not need 200,000 list items. */
export const MAX_LISTED_SKIPS = 10_000
/** Called with the share of the text read so far (0..1), every PROGRESS_EVERY rows. */
export type ProgressCallback = (fraction: number) => void
/** Often enough for a smooth bar on a 200,000-row log, rare enough to cost nothing. */
const PROGRESS_EVERY = 8192
/** JSON keys are gathered from this many first records (later records may add keys no field reads). */
const KEY_SAMPLE = 1000

/** Quotes a cell for a message, cut short so one huge cell cannot flood the UI. */
const show = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)

// Reading values --------------------------------------------------------------------------

const BAD = -1

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0

/** Trims only when the ends are spaces: most cells are not, and trim() allocates. */
function trimmed(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)))
    ? s.trim()
    : s
}

function text(v: unknown): string {
  if (typeof v === 'string') return trimmed(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && trimmed(v) === '')

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
  return trimmed(v) === '' ? null : BAD
}

/** A whole number from min to max, null when blank, BAD otherwise. */
function whole(v: unknown, decimalComma: boolean, min: number, max: number): number | null {
  const n = amount(v, decimalComma, false)
  if (n === null || n === BAD) return n
  return Number.isInteger(n) && n >= min && n <= max ? n : BAD
}

/** Reads "1536x1024" (x, X or ×, spaces around it). By hand: it runs on every row. */
function readSize(s: string, out: { width: number; height: number }): boolean {
  let i = 0
  let width = 0
  let height = 0
  const n = s.length
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i))
    width = width * 10 + c - 48
  if (i === 0 || i > 6) return false
  while (s.charCodeAt(i) === 32) i++
  const x = s.charCodeAt(i)
  if (x !== 120 && x !== 88 && x !== 215) return false
  i++
  while (s.charCodeAt(i) === 32) i++
  const from = i
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i))
    height = height * 10 + c - 48
  if (i === from || i - from > 6 || i !== n) return false
  out.width = width
  out.height = height
  return width > 0 && height > 0
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

// Rows ---------------------------------------------------------------------------------------

const F = Object.fromEntries(USAGE_FIELDS.map((f, i) => [f, i])) as Record<UsageField, number>

/** Counts behind the notices, gathered while rows are read. */
class Tally {
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
class RowReader {
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
      if (!isBlank(x)) {
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
      if (!readSize(sizeText, this.size)) {
        return this.bad('size', v[F.size], 'WIDTHxHEIGHT in pixels, like 1536x1024, or auto')
      }
      width = this.size.width
      height = this.size.height
    } else if (sizeText === '') {
      const w = whole(v[F.width], dc, 1, 100_000)
      if (w === BAD) return this.bad('width', v[F.width], 'a whole number of pixels')
      const h = whole(v[F.height], dc, 1, 100_000)
      if (h === BAD) return this.bad('height', v[F.height], 'a whole number of pixels')
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
    const timeMs = isBlank(rawTime) ? null : timeOf(rawTime)
    if (timeMs === null && !isBlank(rawTime) && this.tally.badTime++ === 0) {
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

/** Collects rows and skips, and builds the result. */
class Collector {
  readonly rows: UsageRow[] = []
  readonly skipped: SkippedRow[] = []
  skippedCount = 0
  rowsRead = 0

  constructor(readonly reader: RowReader) {}

  skip(row: number, reason: string): void {
    this.skippedCount++
    if (this.skipped.length < MAX_LISTED_SKIPS) this.skipped.push({ row, reason })
  }

  take(row: number): void {
    this.rowsRead++
    const r = this.reader.read(row)
    if (typeof r === 'string') this.skip(row, r)
    else this.rows.push(r)
  }
}

function tallyNotices(t: Tally, out: UsageLogNotice[]): void {
  for (const [status, { rows, first }] of t.unknownStatuses) {
    out.push({
      row: first,
      message: `Status ${show(status)} (${plural(rows, 'row')}) is not accepted, edited, rejected, regenerated, deleted or failed: kept as unknown, which counts as billed and not kept.`,
    })
  }
  if (t.blankStatus > 0) {
    out.push({
      row: t.blankStatusFirst,
      message: `${plural(t.blankStatus, 'row')} ${t.blankStatus === 1 ? 'has' : 'have'} no status: kept as unknown, which counts as billed and not kept.`,
    })
  }
  for (const [quality, { rows, first }] of t.unknownQualities) {
    out.push({
      row: first,
      message: `Quality ${show(quality)} (${plural(rows, 'row')}) is not low, medium, high or auto: read as not logged.`,
    })
  }
  if (t.badTime > 0) {
    out.push({
      row: t.badTimeFirst,
      message: `${plural(t.badTime, 'row')} ${t.badTime === 1 ? 'has' : 'have'} a timestamp that is not a date (ISO 8601 or Unix seconds): read as not logged.`,
    })
  }
}

function mappingNotices(
  mapping: ColumnMapping,
  headers: readonly string[],
  out: UsageLogNotice[],
): void {
  for (const field of USAGE_FIELDS) {
    const h = mapping[field]
    if (h !== null && !headers.includes(h)) {
      out.push({ row: null, message: `Column ${show(h)}, mapped to ${field}, is not in the file.` })
    }
  }
  if (mapping.status === null) {
    out.push({
      row: null,
      message:
        'No status column: every row counts as unknown, so retry multipliers cannot be measured. Map a column that says accepted, edited, rejected, regenerated or deleted.',
    })
  }
  if (mapping.outputTokens === null && mapping.costUsd === null) {
    out.push({
      row: null,
      message:
        'No output_tokens or cost column: costs are estimated from the price book by model, quality and size, output only.',
    })
  }
}

/** First non-blank character of the text, or -1. */
function firstChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (!isSpace(c)) return c
  }
  return -1
}

/** Unused headers; a mapping value names a header or a key path. */
function unused(headers: readonly string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping))
  return headers.filter((h) => !used.has(h))
}

function failed(
  error: string,
  format: UsageLogFormat | null,
  mapping: ColumnMapping,
  headers: string[] = [],
): UsageLogParse {
  return {
    format,
    headers,
    mapping,
    unusedHeaders: unused(headers, mapping),
    rows: [],
    rowsRead: 0,
    skippedCount: 0,
    skipped: [],
    notices: [],
    error,
  }
}

function hasAnyField(mapping: ColumnMapping): boolean {
  return USAGE_FIELDS.some((f) => mapping[f] !== null)
}

const NO_COLUMNS =
  'No column of this log has a name the reader knows (such as template, stage, quality, size, status, output_tokens or cost_usd). Map the columns by hand.'

// CSV ---------------------------------------------------------------------------------------

/** Delimiter of the header line: the most frequent of , ; and tab outside quotes. */
function sniffDelimiter(s: string): ',' | ';' | '\t' {
  let commas = 0
  let semicolons = 0
  let tabs = 0
  let inQuotes = false
  let seenText = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (inQuotes) continue
    else if (c === 44) commas++
    else if (c === 59) semicolons++
    else if (c === 9) tabs++
    else if ((c === 10 || c === 13) && seenText) break
    if (!isSpace(c)) seenText = true
  }
  if (tabs > commas && tabs > semicolons) return '\t'
  return semicolons > commas ? ';' : ','
}

const QUOTE_REASONS: Partial<Record<ParseError['code'], string>> = {
  MissingQuotes:
    'A quoted value that starts on this row is never closed, so the rest of the file was read into it.',
  InvalidQuotes:
    'A quoted value on this row has text after its closing quote (write a quote inside quotes as "").',
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && trimmed(c) !== '') return false
  return true
}

/** The state of one CSV read while papaparse streams records into it. */
class CsvReader {
  headers: string[] | null = null
  mapping: ColumnMapping
  collector: Collector | null = null
  private index: Int32Array | null = null
  private record = 0

  constructor(
    private readonly given: ColumnMapping | undefined,
    private readonly decimalComma: boolean,
  ) {
    this.mapping = given ?? emptyMapping()
  }

  onRecord(cells: readonly string[], errors: readonly ParseError[], parser: Papa.Parser): void {
    const row = ++this.record
    if (isBlankRecord(cells)) return
    if (!this.headers) {
      this.headers = cells.map((c) => c.trim())
      this.mapping = this.given ?? guessColumnMapping(this.headers)
      if (!hasAnyField(this.mapping)) {
        parser.abort()
        return
      }
      this.index = columnIndex(this.headers, this.mapping)
      this.collector = new Collector(new RowReader(this.mapping, this.decimalComma))
      return
    }
    const c = this.collector
    const index = this.index
    if (!c || !index) return
    for (const e of errors) {
      const reason = QUOTE_REASONS[e.code]
      if (reason === undefined) continue
      // The row's cells are shifted or swallowed: nothing in it can be trusted.
      c.rowsRead++
      c.skip(row, reason)
      return
    }
    const values = c.reader.values
    for (let f = 0; f < index.length; f++) {
      const at = index[f] ?? -1
      values[f] = at >= 0 ? cells[at] : undefined
    }
    c.take(row)
  }
}

function parseCsv(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
): UsageLogParse {
  const delimiter = sniffDelimiter(body)
  const reader = new CsvReader(given, delimiter === ';')
  let sinceReport = 0
  try {
    // step: each record becomes garbage once read (as in csv.ts).
    Papa.parse<string[]>(body, {
      header: false,
      delimiter,
      skipEmptyLines: false,
      step: (results, parser) => {
        reader.onRecord(results.data, results.errors, parser)
        if (onProgress && ++sinceReport === PROGRESS_EVERY) {
          sinceReport = 0
          onProgress(results.meta.cursor / body.length)
        }
      },
    })
  } catch (error) {
    // Not expected from papaparse on a string; kept so a parser bug reaches the UI as data.
    return failed(`The log could not be read: ${String(error)}`, 'csv', reader.mapping)
  }
  const headers = reader.headers ?? []
  if (!reader.collector) {
    const error = headers.length > 0 ? NO_COLUMNS : 'The log is empty.'
    return failed(error, 'csv', reader.mapping, headers)
  }
  return finish('csv', headers, reader.mapping, reader.collector)
}

/** Cell index of each field: exact header text first, then the normalised name. */
function columnIndex(headers: readonly string[], mapping: ColumnMapping): Int32Array {
  const index = new Int32Array(USAGE_FIELDS.length).fill(-1)
  USAGE_FIELDS.forEach((field, f) => {
    const name = mapping[field]
    if (name === null) return
    let at = headers.indexOf(name)
    if (at < 0) {
      const wanted = normaliseHeader(name)
      at = headers.findIndex((h) => normaliseHeader(h) === wanted)
    }
    index[f] = at
  })
  return index
}

function finish(
  format: UsageLogFormat,
  headers: string[],
  mapping: ColumnMapping,
  c: Collector,
): UsageLogParse {
  const notices: UsageLogNotice[] = []
  mappingNotices(mapping, headers, notices)
  tallyNotices(c.reader.tally, notices)
  if (c.skippedCount > c.skipped.length) {
    notices.push({
      row: null,
      message: `${plural(c.skippedCount, 'row')} were skipped; the first ${plural(c.skipped.length, 'is', 'are')} listed.`,
    })
  }
  return {
    format,
    headers,
    mapping,
    unusedHeaders: unused(headers, mapping),
    rows: c.rows,
    rowsRead: c.rowsRead,
    skippedCount: c.skippedCount,
    skipped: c.skipped,
    notices,
    error: c.rowsRead === 0 ? 'The log has a header but no rows below it.' : null,
  }
}

// JSON -------------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Flattened key paths of an object (nested objects joined with '.', at most 4 deep). */
function collectKeys(o: JsonObject, prefix: string[], into: Map<string, string[]>): void {
  for (const key of Object.keys(o)) {
    const path = [...prefix, key]
    const value = o[key]
    if (isObject(value) && path.length < 4) collectKeys(value, path, into)
    else {
      const name = path.join('.')
      if (!into.has(name)) into.set(name, path)
    }
  }
}

function walk(o: JsonObject, path: readonly string[]): unknown {
  let v: unknown = o
  for (const key of path) {
    if (!isObject(v)) return undefined
    v = v[key]
  }
  return v
}

class JsonReader {
  private readonly keys = new Map<string, string[]>()
  /** Records read before the mapping is fixed. */
  private readonly pending: { row: number; value: unknown; error: string | null }[] = []
  private paths: (readonly string[] | null)[] | null = null
  mapping: ColumnMapping
  collector: Collector | null = null

  constructor(
    private readonly given: ColumnMapping | undefined,
    private readonly notObject: (row: number) => string,
  ) {
    this.mapping = given ?? emptyMapping()
  }

  get headers(): string[] {
    return [...this.keys.keys()]
  }

  /** One parsed record; records are held until the sample is big enough to map keys. */
  add(row: number, value: unknown, error: string | null): void {
    if (this.paths === null && this.pending.length < KEY_SAMPLE) {
      if (isObject(value)) collectKeys(value, [], this.keys)
      this.pending.push({ row, value, error })
      if (this.pending.length === KEY_SAMPLE) this.start()
      return
    }
    this.process(row, value, error)
  }

  /** Fixes the mapping from the sampled keys and reads what was held back. */
  start(): boolean {
    if (this.paths !== null) return true
    this.mapping = this.given ?? guessColumnMapping(this.headers)
    if (!hasAnyField(this.mapping)) return false
    this.paths = USAGE_FIELDS.map((f) => {
      const name = this.mapping[f]
      if (name === null) return null
      return this.keys.get(name) ?? name.split('.')
    })
    this.collector = new Collector(new RowReader(this.mapping, false))
    for (const p of this.pending) this.process(p.row, p.value, p.error)
    this.pending.length = 0
    return true
  }

  private process(row: number, value: unknown, error: string | null): void {
    const c = this.collector
    const paths = this.paths
    if (!c || !paths) return
    if (error !== null) {
      c.rowsRead++
      c.skip(row, error)
      return
    }
    if (!isObject(value)) {
      c.rowsRead++
      c.skip(row, this.notObject(row))
      return
    }
    const values = c.reader.values
    for (let f = 0; f < paths.length; f++) {
      const path = paths[f]
      if (!path) values[f] = undefined
      else if (path.length === 1) values[f] = value[path[0] ?? '']
      else values[f] = walk(value, path)
    }
    c.take(row)
  }
}

function jsonError(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

function parseJsonLines(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
): UsageLogParse {
  const reader = new JsonReader(given, (row) => `Line ${String(row)} is JSON but not an object.`)
  let line = 0
  let from = 0
  while (from <= body.length) {
    if (onProgress && line % PROGRESS_EVERY === 0 && line > 0) onProgress(from / body.length)
    let to = body.indexOf('\n', from)
    if (to < 0) to = body.length
    line++
    let end = to
    if (end > from && body.charCodeAt(end - 1) === 13) end--
    const text = body.slice(from, end)
    from = to + 1
    if (firstChar(text) < 0) continue
    try {
      reader.add(line, JSON.parse(text) as unknown, null)
    } catch (e) {
      reader.add(line, undefined, `Line ${String(line)} is not valid JSON (${jsonError(e)}).`)
    }
  }
  return finishJson('jsonl', reader)
}

function parseJsonArray(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
): UsageLogParse {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (e) {
    return failed(
      `The log starts with [ but is not valid JSON (${jsonError(e)}).`,
      'json',
      given ?? emptyMapping(),
    )
  }
  if (!Array.isArray(value)) {
    return failed('The log is JSON but not an array of records.', 'json', given ?? emptyMapping())
  }
  const reader = new JsonReader(given, (row) => `Record ${String(row)} is not an object.`)
  value.forEach((item: unknown, i) => {
    reader.add(i + 1, item, null)
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress((i + 1) / value.length)
  })
  return finishJson('json', reader)
}

function finishJson(format: UsageLogFormat, reader: JsonReader): UsageLogParse {
  const headers = reader.headers
  if (!reader.start() || !reader.collector) {
    return failed(
      headers.length > 0 ? NO_COLUMNS : 'The log has no records.',
      format,
      reader.mapping,
      headers,
    )
  }
  return finish(format, headers, reader.mapping, reader.collector)
}

// Entry -------------------------------------------------------------------------------------

/**
 * Reads a generation log: CSV with a header row, JSON Lines (one object per
 * line, a nested Images API `usage` object flattened), or a JSON array of
 * such objects. Columns come from `mapping`, or are guessed by name.
 * Never throws: unreadable rows are counted and listed in `skipped` with
 * their row number and reason; unknown statuses are kept as unknown and
 * reported once per value in `notices`.
 * @example parseUsageLog('template,status\nhero,approved\n').rows[0]?.status // 'accepted'
 */
export function parseUsageLog(
  text: string,
  mapping?: ColumnMapping,
  onProgress?: ProgressCallback,
): UsageLogParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const first = firstChar(body)
  if (first < 0) return failed('The log is empty.', null, mapping ?? emptyMapping())
  if (body.includes('\0')) {
    return failed(
      'The file contains NUL bytes, so it is not a text log (it may be a workbook or UTF-16 text). Save it as CSV UTF-8 or JSON Lines.',
      null,
      mapping ?? emptyMapping(),
    )
  }
  if (first === 123) return parseJsonLines(body, mapping, onProgress) // {
  if (first === 91) return parseJsonArray(body, mapping, onProgress) // [
  return parseCsv(body, mapping, onProgress)
}
