/** Usage logs as CSV: comma, semicolon or tab delimited, with a header row. */
import Papa from 'papaparse'
import type { ParseError } from 'papaparse'
import { isBlankRecord } from '../cells'
import { readHeaderLine } from '../headerLine'
import type { ColumnMapping } from './columns'
import { columnIndex, emptyMapping, guessColumnMapping, hasAnyField } from './columns'
import type { ProgressCallback, UsageLogParse } from './result'
import { Collector, failed, finish, NO_COLUMNS, PROGRESS_EVERY } from './result'
import { RowReader } from './rowReader'
import type { StatusMapping } from './status'

/** Delimiter of the header line: the most frequent of , ; and tab outside quotes. */
function sniffDelimiter(s: string): ',' | ';' | '\t' {
  const { commas, semicolons, tabs } = readHeaderLine(s)
  if (tabs > commas && tabs > semicolons) return '\t'
  return semicolons > commas ? ';' : ','
}

const QUOTE_REASONS: Partial<Record<ParseError['code'], string>> = {
  MissingQuotes:
    'A quoted value that starts on this row is never closed, so the rest of the file was read into it.',
  InvalidQuotes:
    'A quoted value on this row has text after its closing quote (write a quote inside quotes as "").',
}

function rowWidthReason(cells: number, columns: number): string {
  return cells < columns
    ? `The row has ${String(cells)} of the header's ${String(columns)} columns: it looks cut short, so it is left out.`
    : `The row has ${String(cells)} columns but the header has ${String(columns)}: a value may hold an unquoted delimiter (quote it), so it is left out.`
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
    private readonly statusMapping: StatusMapping | undefined,
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
      this.collector = new Collector(
        new RowReader(this.mapping, this.decimalComma, this.statusMapping),
      )
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
    if (cells.length !== this.headers.length) {
      // A row cut short (or with an unquoted delimiter) has its cells under the wrong headers.
      c.rowsRead++
      c.skip(row, rowWidthReason(cells.length, this.headers.length))
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

export function parseCsv(
  body: string,
  given: ColumnMapping | undefined,
  onProgress: ProgressCallback | undefined,
  statusMapping?: StatusMapping,
): UsageLogParse {
  const delimiter = sniffDelimiter(body)
  const reader = new CsvReader(given, delimiter === ';', statusMapping)
  let sinceReport = 0
  try {
    // step: each record becomes garbage once read (as in src/io/csv/import.ts).
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
