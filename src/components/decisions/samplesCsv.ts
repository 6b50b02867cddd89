import { FORMULA_START } from '../../io/csv/format'

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
  const slug = scenarioName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `monte-carlo-${slug || 'scenario'}.csv`
}

/** Hands text to the browser as a file download. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers; a tick later is safe.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 0)
}
