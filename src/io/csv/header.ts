/**
 * The scenario CSV as a whole, before any row is read: is it text at all,
 * which delimiter and line ending it uses, and what its header row names.
 */
import { show } from '../cells'
import { readHeaderLine } from '../headerLine'
import type { CsvProblem } from './format'
import {
  CSV_COLUMNS,
  INPUT_COLUMNS,
  REQUIRED_COLUMNS,
  REQUIRED_VALUES,
  RETIRED_COLUMNS,
} from './format'
import type { FileLayout } from './rows'
import { COL } from './rows'

export const fileError = (message: string, row: number | null = null): CsvProblem => ({
  row,
  column: null,
  message,
  severity: 'error',
})

const BINARY_SAMPLE = 64 * 1024
/** Above this share of non-text characters in the sample, the file is not a CSV. */
const BINARY_SHARE = 0.1

export function binaryProblem(text: string): CsvProblem | null {
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

/** The delimiter (the more frequent of , and ; on the header line) and the line ending. */
export function sniffHeaderLine(text: string): HeaderLine {
  const { commas, semicolons, newline } = readHeaderLine(text)
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

/** Every column's place in export order (problems are sorted by it). */
const KNOWN_COLUMNS = new Map<string, number>(
  [...CSV_COLUMNS, ...RETIRED_COLUMNS].map((c, i) => [c, i]),
)
/** Each input column's position by COL: export order differs (custom_model is written last). */
const INPUT_INDEX = new Map<string, number>(INPUT_COLUMNS.map((c, i) => [c, i]))

interface Header {
  /** Null when the file cannot be read: then `problems` says why. */
  layout: FileLayout | null
  problems: CsvProblem[]
}

export function readHeader(
  cells: readonly string[],
  row: number,
  decimalCommaAllowed: boolean,
): Header {
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
    const input = INPUT_INDEX.get(name)
    if (input !== undefined) index[input] = i
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

/** File-level problems first, then by row, then by column in export order. */
export function problemOrder(a: CsvProblem, b: CsvProblem): number {
  if (a.row !== b.row) return (a.row ?? 0) - (b.row ?? 0)
  const ca = a.column === null ? -1 : (KNOWN_COLUMNS.get(a.column) ?? CSV_COLUMNS.length)
  const cb = b.column === null ? -1 : (KNOWN_COLUMNS.get(b.column) ?? CSV_COLUMNS.length)
  return ca - cb
}
