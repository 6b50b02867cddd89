/**
 * OpenAI's own cost records, recognised by their shape (docs/usage-log-format.md,
 * "Billed costs"): the dashboard's cost export CSV, and Costs API pages
 * (GET /v1/organization/costs) as one page, an array of pages or JSON Lines of
 * pages. Each billed amount becomes a CostLine; a row that cannot be read is
 * listed with its number and reason, never dropped in silence.
 */
import Papa from 'papaparse'
import type { CostLine, ImageUsageLine } from '../../domain/usage/billing'
import { plural } from '../../domain/usage/plural'
import { firstChar, isBlankRecord, show, trimmed } from '../cells'
import type { SkippedRow, UsageLogNotice } from './result'
import { MAX_LISTED_SKIPS } from './result'

export type CostFormat = 'cost export' | 'costs api' | 'usage api'

export interface CostRead {
  format: CostFormat
  lines: CostLine[]
  /** Results of Usage API pages for images. */
  images: ImageUsageLine[]
  /** Billed rows (CSV) or results (API) seen, skipped ones included. */
  rowsRead: number
  skippedCount: number
  skipped: SkippedRow[]
  notices: UsageLogNotice[]
  /** Why nothing could be read; null when lines were read. */
  error: string | null
}

/** One day's bill of a large organisation is a few hundred dollars; a row past this is a broken export. */
export const MAX_COST_AMOUNT = 1e9
/** Line items are short phrases; a longer one is not a line item. */
const MAX_LINE_ITEM = 1000
/** Bucket starts from 2000 to 2100: anything else is not a billing day. */
const MIN_SECONDS = 946_684_800
const MAX_SECONDS = 4_102_444_800

const AMOUNT = `a number from 0 to ${MAX_COST_AMOUNT.toLocaleString('en-US')}, like 0.06`
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

class Lines {
  readonly lines: CostLine[] = []
  readonly images: ImageUsageLine[] = []
  readonly skipped: SkippedRow[] = []
  readonly currencies = new Map<string, { rows: number; first: number }>()
  /** Results whose quantity could not be read (their amount still counts). */
  badQuantity = { rows: 0, first: 0 }
  skippedCount = 0
  rowsRead = 0

  skip(row: number, reason: string): void {
    this.skippedCount++
    if (this.skipped.length < MAX_LISTED_SKIPS) this.skipped.push({ row, reason })
  }

  add(line: CostLine): void {
    this.lines.push(line)
    if (line.currency === 'usd') return
    const c = this.currencies.get(line.currency)
    if (c) c.rows++
    else this.currencies.set(line.currency, { rows: 1, first: line.row })
  }

  result(format: CostFormat, empty: string): CostRead {
    const notices: UsageLogNotice[] = []
    for (const [currency, { rows, first }] of this.currencies) {
      notices.push({
        row: first,
        message: `${plural(rows, 'row')} bill in ${currency.toUpperCase()}: shown in ${currency.toUpperCase()} beside the USD figures and never added to them.`,
      })
    }
    if (this.badQuantity.rows > 0) {
      notices.push({
        row: this.badQuantity.first,
        message: `${plural(this.badQuantity.rows, 'result')} ${this.badQuantity.rows === 1 ? 'has' : 'have'} a quantity that is not a number of tokens from 0 to 1,000,000,000,000: the amount counts, the tokens are left out of tokens per image.`,
      })
    }
    if (this.skippedCount > this.skipped.length) {
      notices.push({
        row: null,
        message: `${plural(this.skippedCount, 'row')} were skipped; the first ${plural(this.skipped.length, 'is', 'are')} listed.`,
      })
    }
    return {
      // Pages of image usage alone are the Usage API's, not the Costs API's.
      format:
        format === 'costs api' && this.lines.length === 0 && this.images.length > 0
          ? 'usage api'
          : format,
      lines: this.lines,
      images: this.images,
      rowsRead: this.rowsRead,
      skippedCount: this.skippedCount,
      skipped: this.skipped,
      notices,
      error: this.rowsRead === 0 ? empty : null,
    }
  }
}

/** An amount: a finite number from 0 to MAX_COST_AMOUNT, or the reason it is not one. */
function amountOf(v: unknown, label: string): number | string {
  let n: number | null = null
  if (typeof v === 'number') n = v
  else if (typeof v === 'string' && NUMBER.test(trimmed(v))) n = Number(trimmed(v))
  const shown =
    typeof v === 'string' ? show(v) : ((JSON.stringify(v) as string | undefined) ?? 'blank')
  if (n === null || !Number.isFinite(n)) return `${label} must be ${AMOUNT}; it is ${shown}.`
  if (n < 0) return `${label} is negative (${shown}): a cost is 0 or more, so the row is left out.`
  if (n > MAX_COST_AMOUNT) return `${label} must be ${AMOUNT}; it is ${shown}.`
  return n
}

function currencyOf(v: unknown): string {
  if (typeof v !== 'string' || trimmed(v) === '') return ''
  return trimmed(v).toLowerCase()
}

const isCurrency = (c: string): boolean => /^[a-z]{3}$/.test(c)

/** Seconds since the epoch (a number or digits) as ms, or null. */
function secondsOf(v: unknown): number | null {
  let n: number | null = null
  if (typeof v === 'number') n = v
  else if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(trimmed(v))) n = Number(trimmed(v))
  if (n === null || !Number.isFinite(n) || n < MIN_SECONDS || n > MAX_SECONDS) return null
  return n * 1000
}

function isoOf(v: unknown): number | null {
  if (typeof v !== 'string' || trimmed(v) === '') return null
  const ms = Date.parse(trimmed(v))
  return Number.isNaN(ms) || ms < MIN_SECONDS * 1000 || ms > MAX_SECONDS * 1000 ? null : ms
}

/** A line item, null when blank (not grouped by line item), or the reason it cannot be one. */
function lineItemOf(v: unknown, label: string): string | null | { bad: string } {
  if (v === null || v === undefined) return null
  if (typeof v !== 'string') return { bad: `${label} must be text or null; it is ${typeof v}.` }
  const t = trimmed(v)
  if (t === '') return null
  if (t.length > MAX_LINE_ITEM) {
    return {
      bad: `${label} is ${t.length.toLocaleString('en-US')} characters long; a line item is a short phrase like "gpt-image-2 image, output".`,
    }
  }
  return t
}

/** A project's name or id, null when blank; names are cut to MAX_LINE_ITEM characters. */
function projectOf(...values: unknown[]): string | null {
  for (const v of values) {
    if (typeof v === 'string' && trimmed(v) !== '') return trimmed(v).slice(0, MAX_LINE_ITEM)
  }
  return null
}

// Cost export CSV ------------------------------------------------------------------------

const REQUIRED = ['start_time', 'amount_value', 'amount_currency', 'line_item'] as const
const normalise = (h: string) => trimmed(h).toLowerCase()

/** Whether a header row is the cost export's: it names its time, amount, currency and line item. */
export function isCostExportHeader(headers: readonly string[]): boolean {
  const names = new Set(headers.map(normalise))
  return REQUIRED.every((h) => names.has(h))
}

function parseCostExport(body: string): CostRead {
  const out = new Lines()
  let headers: string[] | null = null
  const at = new Map<string, number>()
  let record = 0
  const cell = (cells: readonly string[], name: string): string | undefined => {
    const i = at.get(name)
    return i === undefined ? undefined : cells[i]
  }
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (results) => {
      const row = ++record
      const cells = results.data
      if (isBlankRecord(cells)) return
      if (!headers) {
        headers = cells.map(normalise)
        headers.forEach((h, i) => {
          if (!at.has(h)) at.set(h, i)
        })
        return
      }
      out.rowsRead++
      if (results.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) {
        out.skip(
          row,
          'A quoted value on this row is not closed properly, so its cells cannot be trusted.',
        )
        return
      }
      if (cells.length !== headers.length) {
        out.skip(
          row,
          `The row has ${String(cells.length)} cells but the header has ${String(headers.length)}: it looks cut short or has an unquoted comma, so it is left out.`,
        )
        return
      }
      const rawStart = cell(cells, 'start_time')
      const startMs = secondsOf(rawStart) ?? isoOf(cell(cells, 'start_time_iso'))
      if (startMs === null) {
        out.skip(
          row,
          `start_time must be Unix seconds (UTC) from 2000 to 2100, like 1775001600; it is ${show(rawStart ?? '')}.`,
        )
        return
      }
      const amount = amountOf(cell(cells, 'amount_value'), 'amount_value')
      if (typeof amount === 'string') {
        out.skip(row, amount)
        return
      }
      const currency = currencyOf(cell(cells, 'amount_currency'))
      if (!isCurrency(currency)) {
        out.skip(
          row,
          `amount_currency must be a three-letter currency code such as usd; it is ${show(cell(cells, 'amount_currency') ?? '')}.`,
        )
        return
      }
      const lineItem = lineItemOf(cell(cells, 'line_item'), 'line_item')
      if (lineItem !== null && typeof lineItem === 'object') {
        out.skip(row, lineItem.bad)
        return
      }
      out.add({
        row,
        startMs,
        amount,
        currency,
        lineItem,
        project: projectOf(cell(cells, 'project_name'), cell(cells, 'project_id')),
        tokens: null,
      })
    },
  })
  return out.result('cost export', 'The cost export has a header but no rows below it.')
}

// Costs API pages ------------------------------------------------------------------------

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const field = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined)

function readPage(page: unknown, where: string, out: Lines, counter: { n: number }): void {
  if (!isObject(page) || field(page, 'object') !== 'page' || !Array.isArray(field(page, 'data'))) {
    counter.n++
    out.rowsRead++
    out.skip(
      counter.n,
      `${where} is not a Costs API page ({"object":"page","data":[…]}), so it is left out.`,
    )
    return
  }
  const buckets = field(page, 'data') as unknown[]
  buckets.forEach((bucket, b) => {
    const at = `${where}, bucket ${String(b + 1)}`
    const results = isObject(bucket) ? field(bucket, 'results') : undefined
    if (!isObject(bucket) || !Array.isArray(results)) {
      counter.n++
      out.rowsRead++
      out.skip(counter.n, `${at} has no results list, so it is left out.`)
      return
    }
    const startMs = secondsOf(field(bucket, 'start_time'))
    results.forEach((result, r) => {
      const row = ++counter.n
      out.rowsRead++
      const here = `${at}, result ${String(r + 1)}`
      if (startMs === null) {
        out.skip(
          row,
          `${here}: the bucket's start_time must be Unix seconds from 2000 to 2100, like 1775001600.`,
        )
        return
      }
      if (!isObject(result)) {
        out.skip(row, `${here} is not an object, so it is left out.`)
        return
      }
      if (field(result, 'object') === IMAGES_RESULT) {
        readImagesResult(result, row, here, startMs, out)
        return
      }
      const a = field(result, 'amount')
      if (!isObject(a)) {
        out.skip(row, `${here} has no amount object ({"value":0.06,"currency":"usd"}).`)
        return
      }
      const amount = amountOf(field(a, 'value'), `${here}: amount.value`)
      if (typeof amount === 'string') {
        out.skip(row, amount)
        return
      }
      const currency = currencyOf(field(a, 'currency'))
      if (!isCurrency(currency)) {
        out.skip(row, `${here}: amount.currency must be a three-letter currency code such as usd.`)
        return
      }
      const lineItem = lineItemOf(field(result, 'line_item'), `${here}: line_item`)
      if (lineItem !== null && typeof lineItem === 'object') {
        out.skip(row, lineItem.bad)
        return
      }
      out.add({
        row,
        startMs,
        amount,
        currency,
        lineItem,
        project: projectOf(field(result, 'project_id')),
        tokens: tokensOf(result, row, out),
      })
    })
  })
}

/** A month of a large organisation's image output is billions of tokens, not trillions. */
const MAX_QUANTITY = 1e12

/**
 * A result's quantity in tokens; null when absent or in another unit. A
 * quantity that cannot be read is noted, and the amount still counts.
 */
function tokensOf(result: Json, row: number, out: Lines): number | null {
  const q = field(result, 'quantity')
  if (q === undefined || q === null) return null
  const unit = field(result, 'quantity_unit')
  if (unit !== undefined && unit !== null && unit !== 'tokens') return null
  if (typeof q === 'number' && Number.isFinite(q) && q >= 0 && q <= MAX_QUANTITY) return q
  if (out.badQuantity.rows++ === 0) out.badQuantity.first = row
  return null
}

const IMAGES_RESULT = 'organization.usage.images.result'
const MAX_IMAGES = 1e9
const SOURCES = new Set(['image.generation', 'image.edit', 'image.variation'])

/** A whole count from 0 to MAX_IMAGES, or null. */
function countOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_IMAGES ? v : null
}

/** A grouped-by text (model, size, source): null when not grouped; false when not text. */
function keyOf(v: unknown): string | null | false {
  if (v === null || v === undefined) return null
  if (typeof v !== 'string' || v.length > MAX_LINE_ITEM) return false
  const t = trimmed(v)
  return t === '' ? null : t
}

function readImagesResult(
  result: Json,
  row: number,
  here: string,
  startMs: number,
  out: Lines,
): void {
  const images = countOf(field(result, 'images'))
  if (images === null) {
    out.skip(row, `${here}: images must be a whole number from 0 to 1,000,000,000.`)
    return
  }
  const requests = countOf(field(result, 'num_model_requests') ?? 0)
  if (requests === null) {
    out.skip(row, `${here}: num_model_requests must be a whole number from 0 to 1,000,000,000.`)
    return
  }
  const model = keyOf(field(result, 'model'))
  const size = keyOf(field(result, 'size'))
  const source = keyOf(field(result, 'source'))
  if (model === false || size === false || source === false) {
    out.skip(row, `${here}: model, size and source must each be text or null.`)
    return
  }
  if (source !== null && !SOURCES.has(source)) {
    out.skip(
      row,
      `${here}: source must be image.generation, image.edit or image.variation; it is ${show(source)}.`,
    )
    return
  }
  out.images.push({
    row,
    startMs,
    images,
    requests,
    model: model?.toLowerCase() ?? null,
    size,
    source,
  })
}

/** Whether JSON text holds Costs or Usage API pages: a page's own marker near its start. */
const looksLikeCostsPages = (body: string): boolean =>
  /"object"\s*:\s*"page"/.test(body.slice(0, 4096)) &&
  /"organization\.(costs|usage\.images)\.result"|"amount"\s*:/.test(body.slice(0, 65_536))

function parseCostsPages(body: string): CostRead {
  const out = new Lines()
  const counter = { n: 0 }
  let whole: unknown
  let parsed = false
  try {
    whole = JSON.parse(body)
    parsed = true
  } catch {
    // Not one JSON value: JSON Lines of pages, read line by line below.
  }
  if (parsed) {
    const pages = Array.isArray(whole) ? whole : [whole]
    pages.forEach((p, i) => {
      readPage(p, pages.length > 1 ? `Page ${String(i + 1)}` : 'The page', out, counter)
    })
  } else {
    body.split('\n').forEach((text, i) => {
      if (trimmed(text) === '') return
      let page: unknown
      try {
        page = JSON.parse(text)
      } catch {
        counter.n++
        out.rowsRead++
        out.skip(
          counter.n,
          `Line ${String(i + 1)} is not JSON (each line must be one whole page), so it is left out.`,
        )
        return
      }
      readPage(page, `Line ${String(i + 1)}`, out, counter)
    })
  }
  return out.result('costs api', 'The Costs API pages hold no results.')
}

/**
 * Reads `body` as OpenAI cost records when it has their shape; null when it
 * does not (it may be a generation log). Never throws.
 * @example readCostFile('start_time,end_time,amount_value,amount_currency,line_item\n…')?.format // 'cost export'
 */
export function readCostFile(body: string): CostRead | null {
  const first = firstChar(body)
  if (first === 123 || first === 91) {
    return looksLikeCostsPages(body) ? parseCostsPages(body) : null
  }
  if (first < 0) return null
  const headerLine = Papa.parse<string[]>(body, { header: false, delimiter: ',', preview: 1 })
  const headers = headerLine.data[0] ?? []
  return isCostExportHeader(headers) ? parseCostExport(body) : null
}
