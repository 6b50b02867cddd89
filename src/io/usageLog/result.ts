/**
 * What reading a usage log gives back: its rows, the rows it skipped with
 * their reasons, and notices about the file, each said once.
 */
import { plural } from '../../domain/usage/plural'
import type { UsageRow } from '../../domain/usage/rows'
import { show } from '../cells'
import type { ColumnMapping } from './columns'
import { unused, USAGE_FIELDS } from './columns'
import type { RowReader, StatusValue, Tally } from './rowReader'

export type UsageLogFormat =
  'csv' | 'jsonl' | 'json' | 'cost export' | 'costs api' | 'usage api' | 'saved responses'

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
  /**
   * Status values that are not a status's own word, most rows first: read by
   * a usual synonym, by the person's mapping, or not known (rows left out).
   * The mapping editor lists them so each can be mapped.
   */
  statusValues: StatusValue[]
  /** Why nothing could be read; null when rows were read. */
  error: string | null
}

/** Enough to show and fix; a log where every row is bad does not need 200,000 list items. */
export const MAX_LISTED_SKIPS = 10_000
/** Called with the share of the text read so far (0..1), every PROGRESS_EVERY rows. */
export type ProgressCallback = (fraction: number) => void
/** Often enough for a smooth bar on a 200,000-row log, rare enough to cost nothing. */
export const PROGRESS_EVERY = 8192

/** The shapes of file the usage-log section reads, for the message a file of none of them gets. */
export const KNOWN_SHAPES =
  'The shapes recognised are: a generation log (CSV, JSON Lines or a JSON array, with columns such as template, stage, quality, size, status, output_tokens or cost_usd); the OpenAI cost export CSV (start_time, end_time, amount_value, amount_currency, line_item, project_id…); Costs API pages (GET /v1/organization/costs: {"object":"page","data":[{"object":"bucket","results":[…]}]}) and Usage API pages for images (GET /v1/organization/usage/images); and saved Images API responses, one per line ({"created":…,"size":…,"quality":…,"data":[…],"usage":{"input_tokens":…,"output_tokens":…}}).'

export const NO_COLUMNS = `No column of this log has a name the reader knows (such as template, stage, quality, size, status, output_tokens or cost_usd). Map the columns by hand. ${KNOWN_SHAPES}`

/** Collects rows and skips, and builds the result. */
export class Collector {
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
  for (const v of t.statusValues.values()) {
    const what = `Status ${show(v.value)} (${plural(v.rows, 'row')})`
    const message =
      v.status === null
        ? `${what} is not one the app knows: those rows are left out of every figure. Map it to a known status under Status values to count them.`
        : v.source === 'synonym'
          ? `${what} is read as ${v.status}, a usual synonym; change it under Status values.`
          : `${what} is read as ${v.status}, as mapped under Status values.`
    out.push({ row: v.first, message })
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

/** A log nothing could be read from; `error` says why. */
export function failed(
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
    statusValues: [],
    error,
  }
}

/** The result of a read that got past the header, notices included. */
export function finish(
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
    statusValues: [...c.reader.tally.statusValues.values()].sort((a, b) => b.rows - a.rows),
    error: c.rowsRead === 0 ? 'The log has a header but no rows below it.' : null,
  }
}
