/**
 * Reads one record (a stage row) into typed values, reporting each
 * unreadable cell with its row and column. Range checks are not done here:
 * the engine's validation runs on the whole scenario afterwards.
 */
import { isYearMonth } from '../../domain/projection'
import type { BilledQuality, Quality } from '../../domain/model'
import { BILLED_QUALITIES, QUALITIES } from '../../domain/model'
import { isBlank, readSize, show, trimmed } from '../cells'
import type { CsvProblem, InputColumn } from './format'
import {
  CSV_FORMAT_VERSION,
  CSV_READABLE_VERSIONS,
  INPUT_COLUMNS,
  REQUIRED_VALUES,
  unescapeFormula,
} from './format'
import { numberFormatHint, parseCsvNumber, usesDecimalComma } from './numbers'
import type { RowTable } from './rowTable'
import { STAGE_NUMBERS } from './rowTable'

/** Position of each input column, also its bit in a row's `bad` mask (30 columns < 32 bits). */
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const LOW = QUALITIES.indexOf('low')
const MEDIUM = QUALITIES.indexOf('medium')
const HIGH = QUALITIES.indexOf('high')
const AUTO = QUALITIES.indexOf('auto')
const BILLED_LOW = BILLED_QUALITIES.indexOf('low')
const BILLED_MEDIUM = BILLED_QUALITIES.indexOf('medium')
const BILLED_HIGH = BILLED_QUALITIES.indexOf('high')

/** Columns read into scenario fields (the scenario name aside), the same on every row of a scenario. */
const SCENARIO_LEVEL_COLS: readonly number[] = [
  COL.model,
  COL.jobs_per_month,
  COL.batch,
  COL.price_text_input,
  COL.price_cached_text_input,
  COL.price_image_input,
  COL.price_cached_image_input,
  COL.price_image_output,
  COL.prices_checked_on,
  COL.users_per_month,
  COL.max_images_per_user,
  COL.monthly_growth,
  COL.start_month,
  COL.custom_model,
]
const SCENARIO_LEVEL_MASK = SCENARIO_LEVEL_COLS.reduce((m, c) => m | (1 << c), 0)

/**
 * Reads the rows of one file into its own fields, one row at a time: 10,000
 * rows should not mean 10,000 short-lived readers and row objects for the
 * garbage collector. After `read`, the fields hold that row's values,
 * `problems` what is wrong with it in the order found (empty for most rows;
 * the next `read` empties it, so copy out what you keep) and `bad` a bit per
 * column (by COL) already reported, so no cell is reported twice.
 */
export class RowReader {
  cells: readonly string[] = []
  /** Spreadsheet row number (header = 1). */
  row = 0
  bad = 0
  readonly problems: CsvProblem[] = []
  name = ''
  modelId = ''
  jobsPerMonth = 0
  batch = false
  /** Price overrides in METERS order (undefined where blank); undefined when all are blank. */
  prices: (number | undefined)[] | undefined = undefined
  pricesCheckedOn: string | undefined = undefined
  usersPerMonth: number | undefined = undefined
  maxImagesPerUser: number | undefined = undefined
  monthlyGrowth: number | undefined = undefined
  startMonth: string | undefined = undefined
  /** The custom_model cell as written (trimmed); undefined when blank. Read as a model with its scenario. */
  customModel: string | undefined = undefined
  width = 0
  height = 0
  /** Cell index of each input column (by COL), -1 when the file has no such column. */
  private readonly index: Int32Array
  /** The last date that passed, so a file repeating one date checks it once. */
  private lastDate = ''
  /** The last model cell and what it read as, so a file repeating one model reads it once. */
  private lastModelCell = ''
  private lastModel = ''
  /** The last row's cells when its scenario-level cells all read cleanly. */
  private cleanScenarioCells: readonly string[] | null = null

  constructor(
    private readonly file: FileLayout,
    readonly table: RowTable,
  ) {
    this.index = file.index
  }

  private sameScenarioCells(cells: readonly string[]): boolean {
    const previous = this.cleanScenarioCells
    if (previous === null) return false
    const index = this.index
    for (let k = 0; k < SCENARIO_LEVEL_COLS.length; k++) {
      const i = index[SCENARIO_LEVEL_COLS[k] as number] as number
      if (i >= 0 && cells[i] !== previous[i]) return false
    }
    return true
  }

  raw(col: number): string {
    const i = this.index[col] as number
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
  readName(col: number): string {
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
    const length = text.length
    if (length === 0) return undefined
    if (length === 1) {
      // "0", "1": a good share of all cells.
      const digit = text.charCodeAt(0) - 48
      if (digit >= 0 && digit <= 9) return digit
    }
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
  readPrices(): (number | undefined)[] | undefined {
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
    // What export writes, checked before anything is parsed.
    if (text === '3' || text === '2' || text === '1' || isBlank(text)) return
    const n = parseCsvNumber(text, false)
    if (n !== null && CSV_READABLE_VERSIONS.includes(n)) return
    this.fail(
      col,
      `format_version must be 1, 2 or ${String(CSV_FORMAT_VERSION)}, the CSV format versions this app reads; it is ${show(text.trim())}.`,
    )
  }

  model(): string {
    const raw = this.raw(COL.model)
    if (raw === this.lastModelCell && raw !== '') return this.lastModel
    const text = unescapeFormula(trimmed(raw))
    if (text === '') this.missing(COL.model)
    else {
      this.lastModelCell = raw
      this.lastModel = text
    }
    return text
  }

  readBatch(): boolean {
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
    const raw = this.raw(col)
    if (raw === '') return undefined
    const text = trimmed(raw)
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

  /** The projection's first month, "YYYY-MM"; its range is checked with the scenario. */
  month(): string | undefined {
    const col = COL.start_month
    const raw = this.raw(col)
    if (raw === '') return undefined
    const text = trimmed(raw)
    if (text === '') return undefined
    if (isYearMonth(text)) return text
    this.fail(
      col,
      `start_month must be a month written YYYY-MM, like 2027-01; it is ${show(text)}.`,
    )
    return undefined
  }

  /** The quality, as its index in QUALITIES. */
  quality(): number {
    const col = COL.quality
    const raw = this.raw(col)
    // What export writes, compared in place: a call per cell showed.
    if (raw === 'high') return HIGH
    if (raw === 'low') return LOW
    if (raw === 'medium') return MEDIUM
    if (raw === 'auto') return AUTO
    const text = raw.trim()
    const q = QUALITIES.indexOf(text.toLowerCase() as Quality)
    if (q >= 0) return q
    if (text === '') this.missing(col)
    else this.fail(col, `quality must be low, medium, high or auto; it is ${show(text)}.`)
    return HIGH
  }

  /** What auto is billed as, as its index in BILLED_QUALITIES. */
  autoBilledAs(): number {
    const col = COL.auto_billed_as
    const raw = this.raw(col)
    if (raw === 'high') return BILLED_HIGH
    if (raw === 'medium') return BILLED_MEDIUM
    if (raw === 'low') return BILLED_LOW
    const text = raw.trim()
    if (text === '') return BILLED_HIGH
    const q = BILLED_QUALITIES.indexOf(text.toLowerCase() as BilledQuality)
    if (q >= 0) return q
    this.fail(
      col,
      `auto_billed_as must be low, medium or high (blank means high); it is ${show(text)}.`,
    )
    return BILLED_HIGH
  }

  /** delivers_final as the row table stores it: 0 blank, 1 false, 2 true. */
  deliversFinal(): number {
    const col = COL.delivers_final
    const raw = this.raw(col)
    if (raw === '') return 0
    if (raw === 'true') return 2
    if (raw === 'false') return 1
    const text = raw.trim().toLowerCase()
    if (text === '') return 0
    if (text === 'true') return 2
    if (text === 'false') return 1
    this.fail(
      col,
      `delivers_final must be true or false (blank means the last stage and its same-quality variants); it is ${show(raw.trim())}.`,
    )
    return 0
  }

  /** Sets width and height; zeros once reported, which the engine's checks then skip. */
  size(): void {
    const col = COL.size
    const text = trimmed(this.raw(col))
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

  /**
   * Reads one record: the scenario-level values into this reader's fields,
   * the stage (defaults filling blank optional cells) into `table`. Returns
   * the row's ordinal in the table.
   */
  read(cells: readonly string[], row: number): number {
    this.cells = cells
    this.row = row
    this.bad = 0
    if (this.problems.length !== 0) this.problems.length = 0
    this.formatVersion()
    this.name = this.readName(COL.scenario)
    // A scenario repeats its model, jobs, batch, prices, date and quotas on every
    // row: written the same as on the row before, they read the same, so the
    // values that row read (and found clean) stand. Anything else is read afresh.
    if (!this.sameScenarioCells(cells)) {
      this.modelId = this.model()
      this.jobsPerMonth = this.required(COL.jobs_per_month)
      this.batch = this.readBatch()
      this.prices = this.readPrices()
      this.pricesCheckedOn = this.date()
      this.usersPerMonth = this.optionalNumber(COL.users_per_month)
      this.maxImagesPerUser = this.optionalNumber(COL.max_images_per_user)
      this.monthlyGrowth = this.optionalNumber(COL.monthly_growth)
      this.startMonth = this.month()
      const definition = this.raw(COL.custom_model).trim()
      this.customModel = definition === '' ? undefined : definition
      this.cleanScenarioCells = this.bad & SCENARIO_LEVEL_MASK ? null : cells
    }
    const stageName = this.readName(COL.stage)
    const quality = this.quality()
    const billedAs = this.autoBilledAs()
    this.size()
    const o = this.table.add(row, stageName, quality, billedAs)
    const n = this.table.numbers
    const b = o * STAGE_NUMBERS
    n[b] = this.width
    n[b + 1] = this.height
    n[b + 2] = this.required(COL.images_per_job)
    n[b + 3] = this.number(COL.outputs_per_request, 1)
    n[b + 4] = this.number(COL.reach_share, 1)
    n[b + 5] = this.required(COL.retry_multiplier)
    n[b + 6] = this.number(COL.prompt_tokens, 0)
    n[b + 7] = this.number(COL.reference_images, 0)
    n[b + 8] = this.number(COL.reference_image_tokens, 0)
    n[b + 9] = this.number(COL.cached_input_share, 0)
    n[b + 10] = this.number(COL.partial_images, 0)
    this.table.finals[o] = this.deliversFinal()
    if (cells.length > this.file.headerWidth) this.extraCells()
    return o
  }
}
