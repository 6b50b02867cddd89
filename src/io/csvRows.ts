/**
 * Reads one CSV record (a stage row) into typed values, reporting each
 * unreadable cell with its row and column. Range checks are not done here:
 * the engine's validation runs on the whole scenario afterwards.
 */
import type { BilledQuality, Quality, Stage } from '../domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../domain/model'
import type { CsvProblem, InputColumn } from './csvFormat'
import { CSV_FORMAT_VERSION, INPUT_COLUMNS, REQUIRED_VALUES, unescapeFormula } from './csvFormat'
import { numberFormatHint, parseCsvNumber, usesDecimalComma } from './csvNumbers'

/** Position of each input column, also its bit in a row's `bad` mask (26 columns < 32 bits). */
export const COL = Object.fromEntries(INPUT_COLUMNS.map((c, i) => [c, i])) as Record<
  InputColumn,
  number
>

/** How this file lays out its columns; shared by every row. */
export interface FileLayout {
  /** Cell index of each input column (by COL), -1 when the file has no such column. */
  index: Int32Array
  headerWidth: number
  decimalCommaAllowed: boolean
  /** Set once any number was read with a decimal comma. */
  usedDecimalComma: boolean
}

export interface ParsedRow {
  /** Spreadsheet row number (header = 1). */
  row: number
  name: string
  modelId: string
  jobsPerMonth: number
  batch: boolean
  /** Price overrides in METERS order (undefined where blank); undefined when all are blank. */
  prices: (number | undefined)[] | undefined
  pricesCheckedOn: string | undefined
  usersPerMonth: number | undefined
  maxImagesPerUser: number | undefined
  stage: Stage
  /** A bit per column already reported on this row, so no cell is reported twice. */
  bad: number
  problems: CsvProblem[]
}

/** Quotes a cell's text for a message, cut short so one huge cell cannot flood the UI. */
export const show = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Longer edges are out of range anyway; the limit keeps the digit sum exact. */
const MAX_EDGE_DIGITS = 15

/**
 * Reads "1536x1024" (x, X or ×; spaces around it allowed) into `out`. By hand
 * rather than by regex: it runs on every row, and a match array per row
 * showed up in the import benchmark.
 */
function readSize(text: string, out: { width: number; height: number }): boolean {
  let i = 0
  let width = 0
  let height = 0
  const n = text.length
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
    width = width * 10 + (c - 48)
  }
  if (i === 0 || i > MAX_EDGE_DIGITS) return false
  while (text.charCodeAt(i) === 32) i++
  const x = text.charCodeAt(i)
  if (x !== 120 && x !== 88 && x !== 215) return false
  i++
  while (text.charCodeAt(i) === 32) i++
  const from = i
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
    height = height * 10 + (c - 48)
  }
  if (i === from || i - from > MAX_EDGE_DIGITS || i !== n) return false
  out.width = width
  out.height = height
  return true
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const isBlank = (text: string): boolean => text === '' || text.trim() === ''

/**
 * One reader for the whole file, reset per row: 10,000 rows should not mean
 * 10,000 short-lived readers for the garbage collector.
 */
class RowReader {
  cells: readonly string[] = []
  row = 0
  bad = 0
  problems: CsvProblem[] = []
  width = 0
  height = 0
  /** The last date that passed, so a file repeating one date checks it once. */
  private lastDate = ''

  constructor(private readonly file: FileLayout) {}

  reset(cells: readonly string[], row: number): void {
    this.cells = cells
    this.row = row
    this.bad = 0
    this.problems = []
  }

  raw(col: number): string {
    const i = this.file.index[col] ?? -1
    return i >= 0 ? (this.cells[i] ?? '') : ''
  }

  fail(col: number, message: string): void {
    this.bad |= 1 << col
    this.problems.push({
      row: this.row,
      column: INPUT_COLUMNS[col] ?? null,
      message,
      severity: 'error',
    })
  }

  missing(col: number): void {
    const name = INPUT_COLUMNS[col] ?? 'scenario'
    this.fail(col, `${name} is blank; every row needs it: ${REQUIRED_VALUES[name] ?? 'a value'}.`)
  }

  /** Names are kept exactly as written, spaces included, so they round-trip. */
  name(col: number): string {
    const text = unescapeFormula(this.raw(col))
    if (isBlank(text)) this.missing(col)
    return text
  }

  /**
   * A number cell; undefined when blank, or when unreadable (after reporting
   * it). Parsed before any blank check: most cells are numbers, and trimming
   * each one first cost more than the parse.
   */
  optionalNumber(col: number): number | undefined {
    const text = this.raw(col)
    if (text.length === 0) return undefined
    const decimalComma = this.file.decimalCommaAllowed
    const value = parseCsvNumber(text, decimalComma)
    if (value !== null) {
      if (decimalComma && usesDecimalComma(text)) this.file.usedDecimalComma = true
      return value
    }
    if (text.trim() === '') return undefined
    const hint = numberFormatHint(decimalComma)
    this.fail(col, `${INPUT_COLUMNS[col] ?? ''} must be ${hint}; it is ${show(text)}.`)
    return undefined
  }

  /** A number cell with a default for blanks; `fallback` also stands in for an unreadable cell. */
  number(col: number, fallback: number): number {
    return this.optionalNumber(col) ?? fallback
  }

  required(col: number): number {
    const value = this.optionalNumber(col)
    if (value !== undefined) return value
    if (!(this.bad & (1 << col))) this.missing(col)
    return 0
  }

  /** Price overrides in METERS order, or undefined when the row overrides none (most rows). */
  prices(): (number | undefined)[] | undefined {
    const textInput = this.optionalNumber(COL.price_text_input)
    const cachedTextInput = this.optionalNumber(COL.price_cached_text_input)
    const imageInput = this.optionalNumber(COL.price_image_input)
    const cachedImageInput = this.optionalNumber(COL.price_cached_image_input)
    const imageOutput = this.optionalNumber(COL.price_image_output)
    if (
      textInput === undefined &&
      cachedTextInput === undefined &&
      imageInput === undefined &&
      cachedImageInput === undefined &&
      imageOutput === undefined
    ) {
      return undefined
    }
    return [textInput, cachedTextInput, imageInput, cachedImageInput, imageOutput]
  }

  formatVersion(): void {
    const col = COL.format_version
    const text = this.raw(col)
    if (isBlank(text) || parseCsvNumber(text, false) === CSV_FORMAT_VERSION) return
    this.fail(
      col,
      `format_version must be ${String(CSV_FORMAT_VERSION)}, the only CSV format version this app reads; it is ${show(text.trim())}.`,
    )
  }

  model(): string {
    const text = unescapeFormula(this.raw(COL.model).trim())
    if (text === '') this.missing(COL.model)
    return text
  }

  batch(): boolean {
    const raw = this.raw(COL.batch)
    // What export writes, checked before any string is built.
    if (raw === 'false' || raw === '') return false
    if (raw === 'true') return true
    const text = raw.trim()
    const lower = text.toLowerCase()
    if (lower === '' || lower === 'false') return false
    if (lower === 'true') return true
    this.fail(COL.batch, `batch must be true or false (blank means false); it is ${show(text)}.`)
    return false
  }

  date(): string | undefined {
    const col = COL.prices_checked_on
    const text = this.raw(col).trim()
    if (text === '') return undefined
    if (text === this.lastDate) return text
    const m = ISO_DATE.exec(text)
    if (m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      this.lastDate = text
      return text
    }
    this.fail(
      col,
      m
        ? `prices_checked_on is ${show(text)}, which is not a calendar date; write the date YYYY-MM-DD, like 2026-04-28.`
        : `prices_checked_on must be a date written YYYY-MM-DD, like 2026-04-28; it is ${show(text)}.`,
    )
    return undefined
  }

  quality(): Quality {
    const col = COL.quality
    const raw = this.raw(col)
    if (raw === 'low' || raw === 'medium' || raw === 'high' || raw === 'auto') return raw
    const text = raw.trim()
    const q = text.toLowerCase() as Quality
    if (QUALITIES.includes(q)) return q
    if (text === '') this.missing(col)
    else this.fail(col, `quality must be low, medium, high or auto; it is ${show(text)}.`)
    return 'high'
  }

  autoBilledAs(): BilledQuality {
    const col = COL.auto_billed_as
    const raw = this.raw(col)
    if (raw === 'high' || raw === 'medium' || raw === 'low') return raw
    const text = raw.trim()
    if (text === '') return 'high'
    const q = text.toLowerCase() as BilledQuality
    if (BILLED_QUALITIES.includes(q)) return q
    this.fail(
      col,
      `auto_billed_as must be low, medium or high (blank means high); it is ${show(text)}.`,
    )
    return 'high'
  }

  /** Sets width and height; zeros once reported, which the engine's checks then skip. */
  size(): void {
    const col = COL.size
    const text = this.raw(col).trim()
    if (readSize(text, this)) return
    this.width = 0
    this.height = 0
    if (text === '') this.missing(col)
    else {
      this.fail(
        col,
        `size must be WIDTHxHEIGHT in whole pixels, like 1536x1024; it is ${show(text)}.`,
      )
    }
  }

  extraCells(): void {
    let extra = 0
    for (let i = this.file.headerWidth; i < this.cells.length; i++) {
      if (!isBlank(this.cells[i] ?? '')) extra++
    }
    if (extra === 0) return
    const one = extra === 1
    this.problems.push({
      row: this.row,
      column: null,
      message: `This row has ${String(extra)} value${one ? '' : 's'} to the right of the last named column; ${one ? 'it was' : 'they were'} ignored.`,
      severity: 'notice',
    })
  }
}

/** Returns a reader of rows for one file. Defaults fill blank optional cells. */
export function rowReader(file: FileLayout): (cells: readonly string[], row: number) => ParsedRow {
  const r = new RowReader(file)
  return (cells, row) => {
    r.reset(cells, row)
    r.formatVersion()
    const name = r.name(COL.scenario)
    const modelId = r.model()
    const jobsPerMonth = r.required(COL.jobs_per_month)
    const batch = r.batch()
    const prices = r.prices()
    const pricesCheckedOn = r.date()
    const usersPerMonth = r.optionalNumber(COL.users_per_month)
    const maxImagesPerUser = r.optionalNumber(COL.max_images_per_user)
    const stageName = r.name(COL.stage)
    const quality = r.quality()
    const autoBilledAs = r.autoBilledAs()
    r.size()
    const stage: Stage = {
      name: stageName,
      quality,
      autoBilledAs,
      width: r.width,
      height: r.height,
      imagesPerJob: r.required(COL.images_per_job),
      outputsPerRequest: r.number(COL.outputs_per_request, 1),
      reachShare: r.number(COL.reach_share, 1),
      retryMultiplier: r.required(COL.retry_multiplier),
      promptTokens: r.number(COL.prompt_tokens, 0),
      referenceImages: r.number(COL.reference_images, 0),
      referenceImageTokens: r.number(COL.reference_image_tokens, 0),
      cachedInputShare: r.number(COL.cached_input_share, 0),
      partialImages: r.number(COL.partial_images, 0),
    }
    if (cells.length > file.headerWidth) r.extraCells()
    return {
      row,
      name,
      modelId,
      jobsPerMonth,
      batch,
      prices,
      pricesCheckedOn,
      usersPerMonth,
      maxImagesPerUser,
      stage,
      bad: r.bad,
      problems: r.problems,
    }
  }
}
