/**
 * CSV import of scenarios, format versions 1 and 2 (docs/csv-format.md). One row per
 * stage; a scenario is a run of consecutive rows with the same `scenario`
 * value. Files are untrusted: import never throws and reports every problem
 * with its spreadsheet row and column.
 */
import Papa from 'papaparse'
import type { ParseError } from 'papaparse'
import type { PriceBook } from '../../domain/priceBook'
import { isBlankRecord, show, withoutBom } from '../cells'
import type { CsvImportResult, CsvProblem, ImportedScenario } from './format'
import { checkCsvSize, INPUT_COLUMNS, MAX_CSV_BYTES } from './format'
import { binaryProblem, fileError, problemOrder, readHeader, sniffHeaderLine } from './header'
import { NameIndex } from './nameIndex'
import type { FileLayout } from './rows'
import { COL, RowReader } from './rows'
import { RowTable } from './rowTable'
import { readFileModels } from './customModels'
import type { Group } from './scenarios'
import {
  addError,
  buildScenario,
  checkAgreement,
  checkStageNames,
  checkValues,
  settlePrices,
} from './scenarios'

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

/** Characters read between two progress reports: a few dozen reports for a large file. */
const PROGRESS_STEP = 64 * 1024

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
        monthlyGrowth: r.monthlyGrowth,
        startMonth: r.startMonth,
        customModel: r.customModel,
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

  finish(givenBook: PriceBook, delimiter: ',' | ';'): CsvImportResult {
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
    const fileModels = readFileModels(this.groups, givenBook, table, rowProblems)
    const book = fileModels.book
    for (const group of this.groups) {
      const scenario = buildScenario(group, table, book)
      // A scenario whose custom model could not be read has its reason; the engine's
      // "no such model" would only repeat it.
      if (!fileModels.failed.has(group)) {
        checkValues(group, scenario, book, table, rowProblems)
        settlePrices(group, scenario, book, table, rowProblems)
      }
      checkStageNames(group, scenario, table, rowProblems)
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
    const result: CsvImportResult = {
      scenarios,
      problems: problems.sort(problemOrder),
      delimiter,
      decimalComma: this.usedDecimalComma,
    }
    if (fileModels.models.length > 0) result.models = fileModels.models
    return result
  }
}

/**
 * Reads scenarios from CSV text (format version 1 or 2). Never throws: every
 * problem comes back in `problems` with its spreadsheet row and column, and
 * each scenario lists its own errors. Import a scenario only when its
 * `errors` is empty. Blank rows are skipped but still counted, as a
 * spreadsheet shows them.
 * @example importScenariosCsv(exportScenariosCsv([s], book), book).scenarios[0]?.scenario // equal to s
 */
export function importScenariosCsv(
  text: string,
  book: PriceBook,
  onProgress?: (share: number) => void,
): CsvImportResult {
  const body = withoutBom(text)
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
  // Reported each time another PROGRESS_STEP of the text is read and checked, not per row.
  let reportAt = PROGRESS_STEP
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
        if (onProgress && results.meta.cursor >= reportAt) {
          reportAt = results.meta.cursor + PROGRESS_STEP
          onProgress(results.meta.cursor / body.length)
        }
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
