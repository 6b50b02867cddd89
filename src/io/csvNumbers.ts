/**
 * Numbers in CSV cells. Stricter than what the worksheet accepts from the
 * keyboard (src/io/numberInput.ts): a file is read without a person watching
 * each field, so "1,500" must not become 1500 in one file and 1.5 in another.
 * The only locale concession is the decimal comma of semicolon files.
 */

/** Spreadsheets in comma-decimal locales save semicolon-delimited files with "0,25". */
const COMMA_NUMBER = /^-?\d+,\d+$/

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0

/**
 * Number() of a dot-decimal literal, or NaN. Number() alone also accepts
 * blanks (as 0), "Infinity", hex, octal and binary; a literal of the allowed
 * form starts with a digit, sign or dot, ends with a digit or dot, and is not
 * 0x.., 0o.. or 0b... Checking those ends is several times cheaper than a
 * regex, and Number() is fastest on the short integer strings most cells hold.
 */
function dotDecimal(t: string): number {
  const first = t.charCodeAt(0)
  const last = t.charCodeAt(t.length - 1)
  if (!(isDigit(first) || first === 43 || first === 45 || first === 46)) return Number.NaN
  if (!(isDigit(last) || last === 46)) return Number.NaN
  if (first === 48 && t.length > 2) {
    const second = t.charCodeAt(1) | 0x20 // lower case
    if (second === 120 || second === 111 || second === 98) return Number.NaN // x, o, b
  }
  return Number(t)
}

/**
 * Reads one number cell, or null when the cell is not a number in this format
 * (blank included). Accepts what `String(n)` writes for any finite double:
 * a dot decimal with an optional sign and exponent, surrounding spaces ignored.
 * `decimalComma` is true for semicolon-delimited files, where a cell matching
 * ^-?\d+,\d+$ is read with its comma as the decimal point.
 * Returns ±Infinity for an exponent out of range ("1e400"): the range checks
 * then name the field and say how large it may be.
 * @example parseCsvNumber('0.25', false) // 0.25
 * @example parseCsvNumber('0,25', true) // 0.25
 * @example parseCsvNumber('1,500', false) // null
 */
export function parseCsvNumber(text: string, decimalComma: boolean): number | null {
  if (text.length === 0) return null
  const n = dotDecimal(text)
  if (!Number.isNaN(n)) return n
  const t =
    isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) ? text.trim() : text
  if (t.length === 0) return null
  if (t !== text) {
    const trimmed = dotDecimal(t)
    if (!Number.isNaN(trimmed)) return trimmed
  }
  if (decimalComma && COMMA_NUMBER.test(t)) return Number(t.replace(',', '.'))
  return null
}

/** Whether a cell that `parseCsvNumber` accepted was written with a decimal comma. */
export function usesDecimalComma(text: string): boolean {
  return text.includes(',')
}

/** What a number cell may look like, for the message next to a cell that is not one. */
export function numberFormatHint(decimalComma: boolean): string {
  const base = 'a number with a dot decimal and no thousands separators, like 1200 or 0.25'
  return decimalComma ? `${base} (0,25 is also read in this semicolon-delimited file)` : base
}
