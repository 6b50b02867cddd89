import { FORMULA_START } from '../../io/csv/format'
import { fileSlug } from '../ui/download'

/**
 * One header cell. Headers carry stage names people typed, so they are
 * escaped like the app's scenario export: a leading formula character gets a
 * ' (a spreadsheet would run "=…" as a formula), and quotes, commas and line
 * breaks are quoted.
 */
function textCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Samples are finite by construction; an empty cell still beats "NaN" in a spreadsheet. */
function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : ''
}

/** CSV text (RFC 4180, CRLF) of a header of labels and rows of numbers. */
export function samplesCsv(table: {
  header: readonly string[]
  rows: readonly number[][]
}): string {
  const lines = [table.header.map(textCell).join(',')]
  for (const row of table.rows) lines.push(row.map(numberCell).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** A file name from a scenario name: letters and digits only, so every system accepts it. */
export function samplesFileName(scenarioName: string): string {
  return `monte-carlo-${fileSlug(scenarioName) || 'scenario'}.csv`
}
