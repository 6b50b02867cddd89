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

/** Whether a character is plainly not white space: printable ASCII, as almost every cell starts and ends. */
const isPrintable = (c: number): boolean => c > 32 && c < 127

/** `text.trim()`, without the call when both ends are printable ASCII (almost every cell). */
function trimmed(text: string): string {
  const n = text.length
  if (n === 0) return text
  return isPrintable(text.charCodeAt(0)) && isPrintable(text.charCodeAt(n - 1)) ? text : text.trim()
}

/** Whether a cell holds nothing but white space; no trim for a cell starting with printable ASCII. */
export const isBlank = (text: string): boolean =>
  text === '' || (!isPrintable(text.charCodeAt(0)) && text.trim() === '')

const LOW = QUALITIES.indexOf('low')
const MEDIUM = QUALITIES.indexOf('medium')
const HIGH = QUALITIES.indexOf('high')
const AUTO = QUALITIES.indexOf('auto')
const BILLED_LOW = BILLED_QUALITIES.indexOf('low')
const BILLED_MEDIUM = BILLED_QUALITIES.indexOf('medium')
const BILLED_HIGH = BILLED_QUALITIES.indexOf('high')

/** Numbers of a stage, in Stage field order (width first, partialImages last). */
const STAGE_NUMBERS = 11

/**
 * Every row read so far, by row ordinal (0 for the first row below the
 * header), column by column in typed arrays, until the scenarios are built at
 * the end. Stage objects made while reading live until the end, so every
 * minor collection during the parse (papaparse makes plenty of garbage)
 * copied all made so far; numbers in typed arrays are never copied.
 */
export class RowTable {
  length = 0
  /** Spreadsheet row of each row. */
  row: Int32Array
  /** Columns reported on each row, a bit per column (by COL). */
  bad: Int32Array
  /** Scenario of each row, an index in the order scenarios first appear; -1 for none. */
  group: Int32Array
  numbers: Float64Array
  /** Index in QUALITIES of each quality and in BILLED_QUALITIES of each auto_billed_as. */
  private quality: Uint8Array
  private billedAs: Uint8Array
  private readonly names: string[] = []

  /** `capacity`: the rows expected; more only cost copying the columns. */
  constructor(capacity: number) {
    const n = Math.max(16, capacity)
    this.row = new Int32Array(n)
    this.bad = new Int32Array(n)
    this.group = new Int32Array(n)
    this.numbers = new Float64Array(n * STAGE_NUMBERS)
    this.quality = new Uint8Array(n)
    this.billedAs = new Uint8Array(n)
  }

  /**
   * Appends a row; returns its ordinal. Its stage numbers go in `numbers`
   * from index ordinal * STAGE_NUMBERS, in Stage field order.
   */
  add(row: number, name: string, quality: number, billedAs: number): number {
    const i = this.length
    if (i === this.row.length) this.grow()
    this.length = i + 1
    this.row[i] = row
    this.names.push(name)
    this.quality[i] = quality
    this.billedAs[i] = billedAs
    return i
  }

  private grow(): void {
    const capacity = this.row.length * 2
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
      per = 1,
    ): T => {
      const b = make(capacity * per)
      b.set(a)
      return b
    }
    this.row = widen(this.row, (n) => new Int32Array(n))
    this.bad = widen(this.bad, (n) => new Int32Array(n))
    this.group = widen(this.group, (n) => new Int32Array(n))
    this.numbers = widen(this.numbers, (n) => new Float64Array(n), STAGE_NUMBERS)
    this.quality = widen(this.quality, (n) => new Uint8Array(n))
    this.billedAs = widen(this.billedAs, (n) => new Uint8Array(n))
  }

  /** The stage of row `i`, a new object. */
  stage(i: number): Stage {
    const n = this.numbers
    const b = i * STAGE_NUMBERS
    return {
      name: this.names[i] as string,
      quality: QUALITIES[this.quality[i] as number] as Quality,
      autoBilledAs: BILLED_QUALITIES[this.billedAs[i] as number] as BilledQuality,
      width: small(n[b] as number),
      height: small(n[b + 1] as number),
      imagesPerJob: small(n[b + 2] as number),
      outputsPerRequest: small(n[b + 3] as number),
      reachShare: small(n[b + 4] as number),
      retryMultiplier: small(n[b + 5] as number),
      promptTokens: small(n[b + 6] as number),
      referenceImages: small(n[b + 7] as number),
      referenceImageTokens: small(n[b + 8] as number),
      cachedInputShare: small(n[b + 9] as number),
      partialImages: small(n[b + 10] as number),
    }
  }
}

/**
 * The same number, as a small integer when it is one (not -0). A number read
 * from a Float64Array is a double to the engine; stored as is, every field
 * of every stage became a separately allocated box.
 */
function small(v: number): number {
  const i = v | 0
  return i === v && (i !== 0 || 1 / v > 0) ? i : v
}

/**
 * Reads the rows of one file into its own fields, one row at a time: 10,000
 * rows should not mean 10,000 short-lived readers and row objects for the
 * garbage collector. After `read`, the fields hold that row's values,
 * `problems` what is wrong with it in the order found (empty for most rows;
 * the next `read` empties it, so copy out what you keep) and `bad` a bit per
 * column (by COL) already reported, so no cell is reported twice.
 */
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
]
const SCENARIO_LEVEL_MASK = SCENARIO_LEVEL_COLS.reduce((m, c) => m | (1 << c), 0)

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
    if (text === '1' || isBlank(text) || parseCsvNumber(text, false) === CSV_FORMAT_VERSION) {
      return
    }
    this.fail(
      col,
      `format_version must be ${String(CSV_FORMAT_VERSION)}, the only CSV format version this app reads; it is ${show(text.trim())}.`,
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
    if (cells.length > this.file.headerWidth) this.extraCells()
    return o
  }
}
