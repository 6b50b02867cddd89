/**
 * CSV import and export of scenarios, format version 1 (docs/csv-format.md).
 * One row per stage; a scenario is a run of consecutive rows with the same
 * `scenario` value. Files are untrusted both ways: import never throws and
 * reports every problem with its spreadsheet row and column; export escapes
 * every text cell a spreadsheet would run as a formula.
 */
import Papa from 'papaparse'
import type { ParseError } from 'papaparse'
import { computeScenario } from '../domain/engine'
import type { Meter, Scenario, Stage } from '../domain/model'
import { METERS } from '../domain/model'
import type { PriceBook } from '../domain/priceBook'
import { surelyComputes } from '../domain/surelyComputes'
import type { NumberRule } from '../domain/validate'
import { checkNumber, QUOTA_RULE, USERS_RULE } from '../domain/validate'
import { PRICE_BOOK } from '../presets/priceBook'
import type { CsvImportResult, CsvProblem, ImportedScenario, InputColumn } from './csvFormat'
import {
  checkCsvSize,
  CSV_COLUMNS,
  CSV_FORMAT_VERSION,
  FORMULA_START,
  INPUT_COLUMNS,
  MAX_CSV_BYTES,
  PRICE_COLUMNS,
  REQUIRED_COLUMNS,
  REQUIRED_VALUES,
} from './csvFormat'
import type { FileLayout } from './csvRows'
import { COL, isBlank, RowReader, RowTable, show } from './csvRows'
import { NameIndex } from './nameIndex'

// Export -----------------------------------------------------------------------

type Cell = string | number | boolean

/**
 * Finite numbers pass as numbers, which papaparse never escapes; NaN and
 * ±Infinity pass as text, so "-Infinity" is escaped like any text.
 */
const num = (n: number): Cell => (Number.isFinite(n) ? n : String(n))
const optionalNum = (n: number | null | undefined): Cell => (n == null ? '' : num(n))

/**
 * The scenarios as CSV format version 1: one row per stage, CRLF line
 * endings (after the last row too), every number at full precision
 * (`String(n)`), computed results in the last five columns (blank when a
 * scenario does not compute). Text cells that start like a formula
 * (= + - @ tab CR) get a leading ' so a spreadsheet shows them as text.
 * Give scenarios distinct names: rows of same-named scenarios merge on
 * import. A scenario without stages has no rows.
 * @example exportScenariosCsv([defaultScenario()]).split('\r\n').length // 4: header, 2 stages, ''
 */
export function exportScenariosCsv(
  scenarios: readonly Scenario[],
  book: PriceBook = PRICE_BOOK,
): string {
  const data: Cell[][] = []
  for (const s of scenarios) {
    const result = computeScenario(s, book)
    const p = s.prices
    s.stages.forEach((st, i) => {
      const r = result.ok ? result.stages[i] : undefined
      data.push([
        CSV_FORMAT_VERSION,
        s.name,
        s.modelId,
        num(s.jobsPerMonth),
        s.batch,
        optionalNum(p?.textInput),
        optionalNum(p?.cachedTextInput),
        optionalNum(p?.imageInput),
        optionalNum(p?.cachedImageInput),
        optionalNum(p?.imageOutput),
        s.pricesCheckedOn ?? '',
        optionalNum(s.usersPerMonth),
        optionalNum(s.maxImagesPerUser),
        st.name,
        st.quality,
        st.autoBilledAs,
        `${String(st.width)}x${String(st.height)}`,
        num(st.imagesPerJob),
        num(st.outputsPerRequest),
        num(st.reachShare),
        num(st.retryMultiplier),
        num(st.promptTokens),
        num(st.referenceImages),
        num(st.referenceImageTokens),
        num(st.cachedInputShare),
        num(st.partialImages),
        optionalNum(r?.outputTokensPerImage),
        optionalNum(r?.costUsd),
        optionalNum(result.monthlyCostUsd),
        optionalNum(result.ok ? result.costPerJobUsd : null),
        optionalNum(result.ok ? result.costPerKeptImageUsd : null),
      ])
    })
  }
  // Ends with a line break, as spreadsheets write files, so appending rows works.
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  )
  return `${csv}\r\n`
}

// Import: the file as a whole ------------------------------------------------------

const fileError = (message: string, row: number | null = null): CsvProblem => ({
  row,
  column: null,
  message,
  severity: 'error',
})

const BINARY_SAMPLE = 64 * 1024
/** Above this share of non-text characters in the sample, the file is not a CSV. */
const BINARY_SHARE = 0.1

function binaryProblem(text: string): CsvProblem | null {
  if (text.includes('\0')) {
    return fileError(
      'The file contains NUL bytes, so it is not a CSV text file (it may be a workbook, an image, or UTF-16 text). Save it as "CSV UTF-8" and import that.',
    )
  }
  // C0 controls other than tab, LF and CR, and U+FFFD (bytes that are not UTF-8).
  const sample = Math.min(text.length, BINARY_SAMPLE)
  let odd = 0
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++
  }
  if (odd > sample * BINARY_SHARE) {
    return fileError(
      'The file is mostly not text, so it is not a CSV. Save it as "CSV UTF-8" and import that.',
    )
  }
  return null
}

interface HeaderLine {
  delimiter: ',' | ';'
  newline: '\r\n' | '\n' | '\r' | undefined
}

/**
 * Reads the delimiter and line ending off the first non-blank line, counting
 * commas and semicolons outside quotes (a name may contain either).
 */
function sniffHeaderLine(text: string): HeaderLine {
  let commas = 0
  let semicolons = 0
  let inQuotes = false
  let seenText = false
  let newline: HeaderLine['newline']
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) inQuotes = !inQuotes
    else if (inQuotes) continue
    else if (c === 44) commas++
    else if (c === 59) semicolons++
    else if (c === 10 || c === 13) {
      if (!seenText) continue
      newline = c === 10 ? '\n' : text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r'
      break
    }
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) seenText = true
  }
  return { delimiter: semicolons > commas ? ';' : ',', newline }
}

/** Spreadsheet column letters (0 -> A, 26 -> AA), so a message points where people look. */
function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

const KNOWN_COLUMNS = new Map<string, number>(CSV_COLUMNS.map((c, i) => [c, i]))

interface Header {
  /** Null when the file cannot be read: then `problems` says why. */
  layout: FileLayout | null
  problems: CsvProblem[]
}

function readHeader(cells: readonly string[], row: number, decimalCommaAllowed: boolean): Header {
  const problems: CsvProblem[] = []
  const index = new Int32Array(INPUT_COLUMNS.length).fill(-1)
  const seen = new Map<string, number>()
  let recognised = 0
  let fatal = false
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase()
    const known = KNOWN_COLUMNS.get(name)
    if (known === undefined) {
      problems.push({
        row,
        column: name === '' ? null : cell.trim(),
        message:
          name === ''
            ? `Column ${columnLetter(i)} has no name in the header; its values were ignored.`
            : `Column ${show(cell.trim())} (column ${columnLetter(i)}) is not part of the format; its values were ignored.`,
        severity: 'notice',
      })
      return
    }
    recognised++
    const before = seen.get(name)
    if (before !== undefined) {
      fatal = true
      problems.push({
        row,
        column: name,
        message: `Column ${name} appears twice (columns ${columnLetter(before)} and ${columnLetter(i)}); keep one of them.`,
        severity: 'error',
      })
      return
    }
    seen.set(name, i)
    if (known < INPUT_COLUMNS.length) index[known] = i
  })
  if (recognised === 0) {
    const message = `Row ${String(row)} is not a header this app recognises. The first row must name the columns, among them ${REQUIRED_COLUMNS.join(', ')}; export a file from the app to see the format.`
    return { layout: null, problems: [fileError(message, row)] }
  }
  for (const column of REQUIRED_COLUMNS) {
    if ((index[COL[column]] ?? -1) >= 0) continue
    fatal = true
    problems.push({
      row,
      column,
      message: `The header has no ${column} column; it is required: ${REQUIRED_VALUES[column] ?? ''}.`,
      severity: 'error',
    })
  }
  if (fatal) return { layout: null, problems }
  const layout = { index, headerWidth: cells.length, decimalCommaAllowed, usedDecimalComma: false }
  return { layout, problems }
}

// Import: scenarios ------------------------------------------------------------------

/**
 * One scenario while the file is read: where its rows are in the RowTable and
 * its first row's scenario-level values, which every other row is compared
 * with as it is read. Its stages are built at the end.
 */
interface Group {
  name: string
  /** Index in the order scenarios first appear: the RowTable's `group` of its rows. */
  index: number
  /** Ordinals of the first and last row, and how many rows (fewer than the span when interleaved). */
  first: number
  last: number
  count: number
  /** Errors on the scenario's rows, in the order found; null while there are none. */
  errors: CsvProblem[] | null
  modelId: string
  jobsPerMonth: number
  batch: boolean
  prices: (number | undefined)[] | undefined
  pricesCheckedOn: string | undefined
  usersPerMonth: number | undefined
  maxImagesPerUser: number | undefined
}

type LevelValue = string | number | boolean | undefined

const describeValue = (v: LevelValue): string =>
  v === undefined ? 'blank' : typeof v === 'string' ? show(v) : String(v)

function disagree(
  group: Group,
  r: RowReader,
  column: InputColumn,
  mine: LevelValue,
  theirs: LevelValue,
): void {
  const bit = 1 << COL[column]
  if (((r.table.bad[group.first] as number) | r.bad) & bit) return
  r.bad |= bit
  r.problems.push({
    row: r.row,
    column,
    message: `${column} is ${describeValue(mine)} here but ${describeValue(theirs)} on row ${String(r.table.row[group.first])}, the first row of scenario ${show(group.name)}; every row of a scenario must repeat its model, jobs, batch, prices, prices date and quotas.`,
    severity: 'error',
  })
}

/**
 * Scenario-level cells must repeat the scenario's first row. Spelled out
 * field by field: a loop over getters made one megamorphic call site that
 * cost more than reading the row.
 */
function checkAgreement(group: Group, r: RowReader): void {
  if (r.modelId !== group.modelId) disagree(group, r, 'model', r.modelId, group.modelId)
  if (r.jobsPerMonth !== group.jobsPerMonth) {
    disagree(group, r, 'jobs_per_month', r.jobsPerMonth, group.jobsPerMonth)
  }
  if (r.batch !== group.batch) disagree(group, r, 'batch', r.batch, group.batch)
  if (r.prices !== group.prices) {
    for (let i = 0; i < METERS.length; i++) {
      const mine = r.prices?.[i]
      const theirs = group.prices?.[i]
      if (mine !== theirs) disagree(group, r, PRICE_COLUMNS[METERS[i] as Meter], mine, theirs)
    }
  }
  if (r.pricesCheckedOn !== group.pricesCheckedOn) {
    disagree(group, r, 'prices_checked_on', r.pricesCheckedOn, group.pricesCheckedOn)
  }
  if (r.usersPerMonth !== group.usersPerMonth) {
    disagree(group, r, 'users_per_month', r.usersPerMonth, group.usersPerMonth)
  }
  if (r.maxImagesPerUser !== group.maxImagesPerUser) {
    disagree(group, r, 'max_images_per_user', r.maxImagesPerUser, group.maxImagesPerUser)
  }
}

/** Row ordinals of a scenario's stages, in order. */
function groupRows(group: Group, table: RowTable): number[] {
  const rows: number[] = []
  for (let o = group.first; o <= group.last; o++) if (table.group[o] === group.index) rows.push(o)
  return rows
}

function buildScenario(group: Group, table: RowTable): Scenario {
  // Sized up front: pushing onto [] reserves room for 16 stages.
  const stages = new Array<Stage>(group.count)
  if (group.last - group.first + 1 === group.count) {
    for (let i = 0; i < group.count; i++) stages[i] = table.stage(group.first + i)
  } else {
    const rows = groupRows(group, table)
    for (let i = 0; i < rows.length; i++) stages[i] = table.stage(rows[i] as number)
  }
  const scenario: Scenario = {
    name: group.name,
    modelId: group.modelId,
    jobsPerMonth: group.jobsPerMonth,
    batch: group.batch,
    stages,
  }
  if (group.prices) {
    const prices: Partial<Record<Meter, number>> = {}
    for (let i = 0; i < METERS.length; i++) {
      const value = group.prices[i]
      if (value !== undefined) prices[METERS[i] as Meter] = value
    }
    scenario.prices = prices
  }
  if (group.pricesCheckedOn !== undefined) scenario.pricesCheckedOn = group.pricesCheckedOn
  if (group.usersPerMonth !== undefined) scenario.usersPerMonth = group.usersPerMonth
  if (group.maxImagesPerUser !== undefined) scenario.maxImagesPerUser = group.maxImagesPerUser
  return scenario
}

function addError(group: Group, problem: CsvProblem): void {
  if (group.errors) group.errors.push(problem)
  else group.errors = [problem]
}

/** Where each engine error field lives in the file. */
const FIELD_COLUMN: Readonly<Record<string, InputColumn>> = {
  modelId: 'model',
  jobsPerMonth: 'jobs_per_month',
  ...PRICE_COLUMNS,
  quality: 'quality',
  autoBilledAs: 'auto_billed_as',
  width: 'size',
  height: 'size',
  size: 'size',
  imagesPerJob: 'images_per_job',
  outputsPerRequest: 'outputs_per_request',
  reachShare: 'reach_share',
  retryMultiplier: 'retry_multiplier',
  promptTokens: 'prompt_tokens',
  referenceImages: 'reference_images',
  referenceImageTokens: 'reference_image_tokens',
  cachedInputShare: 'cached_input_share',
  partialImages: 'partial_images',
}

/**
 * The quota fields feed no cost, so the engine leaves them out of a scenario's
 * errors (a bad quota must not blank the monthly total); import checks them
 * with the same rules the Quotas panel uses.
 */
const QUOTA_RULES = {
  users_per_month: USERS_RULE,
  max_images_per_user: QUOTA_RULE,
} as const satisfies Partial<Record<InputColumn, NumberRule>>

const SHARE_HINT = ' In the file, shares are fractions from 0 to 1: write 0.25 for 25%.'

function checkQuota(
  group: Group,
  row: number,
  column: keyof typeof QUOTA_RULES,
  value: number,
  problems: CsvProblem[],
): void {
  const message = checkNumber(value, QUOTA_RULES[column])
  if (message === null) return
  const problem: CsvProblem = { row, column, message, severity: 'error' }
  problems.push(problem)
  addError(group, problem)
}

/**
 * Ranges, models and sizes are checked by the engine, so a file and the
 * worksheet can never disagree on what is valid; its errors are mapped back
 * to cells (a stage to its row, scenario fields to the scenario's first row).
 */
function checkValues(
  group: Group,
  scenario: Scenario,
  book: PriceBook,
  table: RowTable,
  problems: CsvProblem[],
): void {
  const firstRow = table.row[group.first] as number
  if (scenario.usersPerMonth !== undefined) {
    checkQuota(group, firstRow, 'users_per_month', scenario.usersPerMonth, problems)
  }
  if (scenario.maxImagesPerUser !== undefined) {
    checkQuota(group, firstRow, 'max_images_per_user', scenario.maxImagesPerUser, problems)
  }
  // Most scenarios in a file are fine; only the rest need the engine's wording.
  if (surelyComputes(scenario, book)) return
  const result = computeScenario(scenario, book)
  if (result.ok) return
  const rows = groupRows(group, table)
  for (const e of result.errors) {
    const o = rows[e.stageIndex ?? 0]
    if (o === undefined) continue
    const column: InputColumn | undefined = FIELD_COLUMN[e.field]
    if (column !== undefined && (table.bad[o] as number) & (1 << COL[column])) continue
    const share = column === 'reach_share' || column === 'cached_input_share'
    const problem: CsvProblem = {
      row: table.row[o] as number,
      column: column ?? null,
      message: share ? e.message + SHARE_HINT : e.message,
      severity: 'error',
    }
    problems.push(problem)
    addError(group, problem)
  }
}

function problemOrder(a: CsvProblem, b: CsvProblem): number {
  if (a.row !== b.row) return (a.row ?? 0) - (b.row ?? 0)
  const ca = a.column === null ? -1 : (KNOWN_COLUMNS.get(a.column) ?? CSV_COLUMNS.length)
  const cb = b.column === null ? -1 : (KNOWN_COLUMNS.get(b.column) ?? CSV_COLUMNS.length)
  return ca - cb
}

function isBlankRecord(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i] as string)) return false
  return true
}

const ALL_COLUMNS = 2 ** INPUT_COLUMNS.length - 1

const QUOTE_MESSAGES: Partial<Record<ParseError['code'], string>> = {
  MissingQuotes:
    'A quoted value that starts on this row is never closed (a value that starts with " must end with "), so the rest of the file was read into it.',
  InvalidQuotes:
    'A quoted value on this row has text after its closing quote; inside a quoted value, write a quote as "".',
}

/**
 * Fewer characters than a row exported by the app takes (about 180), to size
 * the RowTable once for the rows the text can hold; up to MAX_FIRST_ROWS, so
 * a large file of long rows does not reserve room it never uses.
 */
const BYTES_PER_ROW = 128
const MAX_FIRST_ROWS = 1 << 16

const rowSpan = (from: number, to: number): string =>
  from === to ? `row ${String(from)}` : `rows ${String(from)} to ${String(to)}`

/** Holds the state of one import while papaparse streams records into it. */
class Importer {
  readonly fileProblems: CsvProblem[] = []
  /** Problems on scenario rows, in the order found (sorted at the end). */
  readonly rowProblems: CsvProblem[] = []
  /** Scenarios by name; `groups` holds each one at its number. */
  private readonly names = new NameIndex()
  readonly groups: Group[] = []
  readonly table: RowTable
  private previous: Group | undefined
  private record = 0
  private layout: FileLayout | null = null
  private reader: RowReader | null = null
  fatal = false

  constructor(
    private readonly decimalCommaAllowed: boolean,
    textLength: number,
  ) {
    this.table = new RowTable(Math.min(Math.ceil(textLength / BYTES_PER_ROW), MAX_FIRST_ROWS))
  }

  get usedDecimalComma(): boolean {
    return this.layout?.usedDecimalComma ?? false
  }

  /** One record, with any quoting errors papaparse found in it. */
  onRecord(cells: readonly string[], errors: readonly ParseError[]): void {
    const row = ++this.record
    let quoteProblem: CsvProblem | undefined
    for (let i = 0; i < errors.length; i++) {
      const message = QUOTE_MESSAGES[(errors[i] as ParseError).code]
      if (message !== undefined) {
        quoteProblem = { row, column: null, message, severity: 'error' }
        break
      }
    }
    if (isBlankRecord(cells)) {
      if (quoteProblem) this.fileProblems.push(quoteProblem)
      return
    }
    const r = this.reader
    if (!r) {
      const header = readHeader(cells, row, this.decimalCommaAllowed)
      this.layout = header.layout
      this.fileProblems.push(...header.problems)
      if (quoteProblem) this.fileProblems.push(quoteProblem)
      if (!this.layout) {
        this.fatal = true
        return
      }
      this.reader = new RowReader(this.layout, this.table)
      return
    }
    const o = r.read(cells, row)
    if (quoteProblem) {
      // The row's cells are shifted or swallowed, so anything else wrong with it
      // follows from this. It stays in its scenario, which then cannot import.
      r.problems.length = 0
      r.problems.push(quoteProblem)
      r.bad = ALL_COLUMNS & ~(1 << COL.scenario)
    }
    const group = r.bad & (1 << COL.scenario) ? undefined : this.addToGroup(r, o)
    this.table.bad[o] = r.bad
    this.table.group[o] = group ? group.index : -1
    const problems = r.problems
    for (let i = 0; i < problems.length; i++) {
      const problem = problems[i] as CsvProblem
      this.rowProblems.push(problem)
      if (group && problem.severity === 'error') addError(group, problem)
    }
  }

  private addToGroup(r: RowReader, o: number): Group {
    const name = r.name
    const previous = this.previous
    let group = previous
    if (previous?.name !== name) {
      const known = this.names.get(name)
      group = known < 0 ? undefined : this.groups[known]
    }
    if (!group) {
      const created: Group = {
        name,
        index: this.names.add(name),
        first: o,
        last: o,
        count: 1,
        errors: null,
        modelId: r.modelId,
        jobsPerMonth: r.jobsPerMonth,
        batch: r.batch,
        prices: r.prices,
        pricesCheckedOn: r.pricesCheckedOn,
        usersPerMonth: r.usersPerMonth,
        maxImagesPerUser: r.maxImagesPerUser,
      }
      this.groups.push(created)
      this.previous = created
      return created
    }
    if (group !== previous) {
      const rows = this.table.row
      r.bad |= 1 << COL.scenario
      r.problems.push({
        row: r.row,
        column: 'scenario',
        message: `Scenario ${show(name)} already appeared on ${rowSpan(rows[group.first] as number, rows[group.last] as number)}; a scenario's rows must be consecutive, so move this row up next to them.`,
        severity: 'error',
      })
    }
    checkAgreement(group, r)
    group.last = o
    group.count++
    this.previous = group
    return group
  }

  finish(book: PriceBook, delimiter: ',' | ';'): CsvImportResult {
    const fileProblems = this.fileProblems
    if (this.fatal || !this.layout) {
      if (!this.layout && !this.fatal) fileProblems.push(fileError('The file is empty.'))
      return {
        scenarios: [],
        problems: fileProblems.sort(problemOrder),
        delimiter,
        decimalComma: false,
      }
    }
    const table = this.table
    if (table.length === 0) {
      fileProblems.push(fileError('The file has a header but no scenario rows below it.'))
    }
    const rowProblems = this.rowProblems
    const scenarios: ImportedScenario[] = []
    for (const group of this.groups) {
      const scenario = buildScenario(group, table)
      checkValues(group, scenario, book, table, rowProblems)
      scenarios.push({
        name: group.name,
        firstRow: table.row[group.first] as number,
        lastRow: table.row[group.last] as number,
        scenario,
        errors: group.errors ? group.errors.sort(problemOrder) : [],
      })
    }
    const problems = fileProblems
    for (let i = 0; i < rowProblems.length; i++) problems.push(rowProblems[i] as CsvProblem)
    return {
      scenarios,
      problems: problems.sort(problemOrder),
      delimiter,
      decimalComma: this.usedDecimalComma,
    }
  }
}

/**
 * Reads scenarios from CSV text (format version 1). Never throws: every
 * problem comes back in `problems` with its spreadsheet row and column, and
 * each scenario lists its own errors. Import a scenario only when its
 * `errors` is empty. Blank rows are skipped but still counted, as a
 * spreadsheet shows them.
 * @example importScenariosCsv(exportScenariosCsv([s])).scenarios[0]?.scenario // equal to s
 */
export function importScenariosCsv(text: string, book: PriceBook = PRICE_BOOK): CsvImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rejected = (problem: CsvProblem): CsvImportResult => ({
    scenarios: [],
    problems: [problem],
    delimiter: ',',
    decimalComma: false,
  })
  // UTF-8 decodes to at most one UTF-16 unit per byte, so this rejects only
  // what checkCsvSize would have rejected on the File.
  const tooLarge = body.length > MAX_CSV_BYTES ? checkCsvSize(body.length) : null
  if (tooLarge) return rejected(tooLarge)
  if (!/\S/.test(body)) return rejected(fileError('The file is empty.'))
  const binary = binaryProblem(body)
  if (binary) return rejected(binary)

  const { delimiter, newline } = sniffHeaderLine(body)
  const importer = new Importer(delimiter === ';', body.length)
  try {
    // step: each record becomes garbage once read, instead of every row's
    // array of strings living until the parse ends; for 10,000 rows that made
    // papaparse's own part about 7 ms instead of 20 (mostly collection).
    // (papaparse's chunk mode builds less per record, but every name kept
    // holds on to its chunk's copy of the text, which cost about as much.)
    Papa.parse<string[]>(body, {
      header: false,
      delimiter,
      ...(newline ? { newline } : {}),
      skipEmptyLines: false,
      step: (results, parser) => {
        importer.onRecord(results.data, results.errors)
        if (importer.fatal) parser.abort()
      },
    })
  } catch (error) {
    // Not expected from papaparse on a string; kept so a parser bug reaches the UI as data.
    return rejected(fileError(`The file could not be read: ${String(error)}`))
  }
  const result = importer.finish(book, delimiter)
  if (!importer.fatal && body.includes('\ufffd')) {
    result.problems.unshift({
      row: null,
      column: null,
      message:
        'Some characters could not be read (shown as \ufffd): the file is not UTF-8. Save it as "CSV UTF-8" and import it again.',
      severity: 'notice',
    })
  }
  return result
}
