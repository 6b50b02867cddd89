/**
 * Importing a usage log file: read, parsed and summarised in a worker, so a
 * 200,000-row month never freezes typing; only the summary comes back.
 */
import type { PriceBook } from '../../domain/priceBook'
import { findModel } from '../../domain/priceBook'
import { summariseBill } from '../../domain/usage/billing'
import type { BillSummary } from '../../domain/usage/billing'
import { boundSummary } from '../../domain/usage/bounded'
import { summariseResponses } from '../../domain/usage/responses'
import type { ResponsesSummary } from '../../domain/usage/responses'
import { summariseUsage } from '../../domain/usage/summary'
import type { UsageSummary } from '../../domain/usage/summary'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../presets/priceBook'
import type { ColumnMapping } from './columns'
import { emptyMapping } from './columns'
import { withoutBom } from '../cells'
import { readCostFile } from './costs'
import { parseUsageLog } from './parse'
import { looksLikeSavedResponses, readSavedResponses } from './responses'
import type { UsageLogParse } from './result'
import type { StatusMapping } from './status'

/** Larger than a scenario file may be: a month of one-row-per-image logs runs to tens of MB. */
export const MAX_LOG_BYTES = 200 * 1024 * 1024

export type UsageLogPhase = 'reading' | 'parsing' | 'summarising'

/** What the page keeps of an import: everything but the rows, which only the summary needs. */
export interface UsageLogReport extends Omit<UsageLogParse, 'rows'> {
  fileName: string
  /** Rows read into the summary (rowsRead minus skipped). */
  rowCount: number
  /** null when nothing could be read (`error` says why), and for billed costs. */
  summary: UsageSummary | null
  /** What OpenAI billed, for a cost export or Costs API pages; null for a generation log. */
  bill: BillSummary | null
  /** Tokens per image from saved Images API responses; null for any other file. */
  responses: ResponsesSummary | null
  /** Read, parse and summary, measured where they ran. */
  elapsedMs: number
}

export type UsageLogWorkerRequest = {
  file: File
  mapping: ColumnMapping | undefined
  statusMapping: StatusMapping | undefined
}
export type UsageLogWorkerMessage =
  | { kind: 'progress'; phase: UsageLogPhase; fraction: number }
  | { kind: 'done'; report: UsageLogReport }

export type ProgressListener = (phase: UsageLogPhase, fraction: number) => void

/**
 * Reads, parses and summarises a log, pricing rows from `book` (rows without
 * a model as `defaultModelId`). Shared by the worker and the no-worker fallback.
 */
export async function readUsageLog(
  file: File,
  mapping: ColumnMapping | undefined,
  statusMapping: StatusMapping | undefined,
  book: PriceBook,
  defaultModelId: string,
  onProgress: ProgressListener,
  now: () => number,
): Promise<UsageLogReport> {
  const start = now()
  if (file.size > MAX_LOG_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(0)
    const error = `The file is ${mb} MB; a log can be at most 200 MB. Split it by month or by template.`
    return failedReport(file.name, mapping, error, now() - start)
  }
  onProgress('reading', 0)
  const { text, utf8 } = decodeLog(await file.arrayBuffer())
  onProgress('parsing', 0)
  const costs = readCostFile(withoutBom(text))
  if (costs) {
    if (!utf8) costs.notices.unshift({ row: null, message: NOT_UTF8 })
    onProgress('summarising', 0)
    const isImageModel = (id: string) => findModel(book, id) !== undefined
    return {
      fileName: file.name,
      format: costs.format,
      headers: [],
      mapping: emptyMapping(),
      unusedHeaders: [],
      rowsRead: costs.rowsRead,
      rowCount: costs.lines.length + costs.images.length,
      skippedCount: costs.skippedCount,
      skipped: costs.skipped,
      notices: costs.notices,
      statusValues: [],
      summary: null,
      bill:
        costs.lines.length + costs.images.length > 0
          ? summariseBill(costs.lines, isImageModel, costs.images)
          : null,
      responses: null,
      error: costs.error,
      elapsedMs: now() - start,
    }
  }
  const body = withoutBom(text)
  if (looksLikeSavedResponses(body)) {
    const saved = readSavedResponses(body, (f) => {
      onProgress('parsing', f)
    })
    if (!utf8) saved.notices.unshift({ row: null, message: NOT_UTF8 })
    onProgress('summarising', 0)
    return {
      fileName: file.name,
      format: saved.format,
      headers: [],
      mapping: emptyMapping(),
      unusedHeaders: [],
      rowsRead: saved.rowsRead,
      rowCount: saved.lines.length,
      skippedCount: saved.skippedCount,
      skipped: saved.skipped,
      notices: saved.notices,
      statusValues: [],
      summary: null,
      bill: null,
      responses:
        saved.lines.length > 0 ? summariseResponses(saved.lines, book, defaultModelId) : null,
      error: saved.error ?? (saved.lines.length === 0 ? NO_RESPONSES : null),
      elapsedMs: now() - start,
    }
  }
  const parsed = parseUsageLog(
    text,
    mapping,
    (f) => {
      onProgress('parsing', f)
    },
    statusMapping,
  )
  if (!utf8) parsed.notices.unshift({ row: null, message: NOT_UTF8 })
  onProgress('summarising', 0)
  const { rows, ...rest } = parsed
  // Bounded here, in the worker: copying 50,000 groups to the page blocked it for 1.5 s.
  const summary = rows.length > 0 ? boundSummary(summariseUsage(rows, book, defaultModelId)) : null
  return {
    fileName: file.name,
    ...rest,
    rowCount: rows.length,
    summary,
    bill: null,
    responses: null,
    elapsedMs: now() - start,
  }
}

const NO_RESPONSES =
  'No line of the saved responses could be read: each must be one whole Images API response with its usage object. The lines and reasons are listed below.'

export const NOT_UTF8 =
  'The file is not valid UTF-8 (it may mix Windows-1252 and UTF-8 bytes), so some letters show as \uFFFD and a name like "café" can split into two templates. Open it in a spreadsheet or editor and save it again as CSV UTF-8 (or JSON Lines in UTF-8), then read it again.'

/**
 * The file's text, and whether its bytes were valid UTF-8. Invalid bytes
 * are read as U+FFFD (as File.text() would) so the rest still counts, and
 * the page says why names may look wrong.
 */
export function decodeLog(bytes: ArrayBuffer): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true }
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), utf8: false }
  }
}

/** A file that could not be read at all, reported like any other read. */
function failedReport(
  fileName: string,
  mapping: ColumnMapping | undefined,
  error: string,
  elapsedMs: number,
): UsageLogReport {
  return {
    fileName,
    format: null,
    headers: [],
    mapping: mapping ?? emptyMapping(),
    unusedHeaders: [],
    rowsRead: 0,
    rowCount: 0,
    skippedCount: 0,
    skipped: [],
    notices: [],
    statusValues: [],
    summary: null,
    bill: null,
    responses: null,
    error,
    elapsedMs,
  }
}

/**
 * Imports a log off the main thread (a 200,000-row log takes about a second
 * to read, which would freeze typing); where there are no workers (tests),
 * on the calling thread. `cancel` stops a worker whose result is no longer
 * wanted. Never rejects: a failure comes back as a report with `error`.
 */
export function importUsageLog(
  file: File,
  mapping: ColumnMapping | undefined,
  onProgress: ProgressListener,
  statusMapping?: StatusMapping,
): { done: Promise<UsageLogReport>; cancel: () => void } {
  if (typeof Worker === 'undefined') {
    return {
      done: readUsageLog(
        file,
        mapping,
        statusMapping,
        PRICE_BOOK,
        DEFAULT_MODEL_ID,
        onProgress,
        () => performance.now(),
      ),
      cancel: () => undefined,
    }
  }
  const worker = new Worker(new URL('./usageLogWorker.ts', import.meta.url), { type: 'module' })
  const done = new Promise<UsageLogReport>((resolve) => {
    worker.onmessage = (e: MessageEvent<UsageLogWorkerMessage>) => {
      if (e.data.kind === 'progress') {
        onProgress(e.data.phase, e.data.fraction)
        return
      }
      worker.terminate()
      resolve(e.data.report)
    }
    worker.onerror = (e) => {
      worker.terminate()
      const reason = e.message || 'the browser gave no reason'
      resolve(failedReport(file.name, mapping, `The log could not be read (${reason}).`, 0))
    }
  })
  worker.postMessage({ file, mapping, statusMapping } satisfies UsageLogWorkerRequest)
  return {
    done,
    cancel: () => {
      worker.terminate()
    },
  }
}
