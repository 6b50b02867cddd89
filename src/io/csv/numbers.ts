/**
 * Numbers in CSV cells. Stricter than what the worksheet accepts from the
 * keyboard (src/io/numberInput.ts): a file is read without a person watching
 * each field, so "1,500" must not become 1500 in one file and 1.5 in another.
 * The only locale concession is the decimal comma of semicolon files.
 */
import { isSpace } from '../cells'

/** Spreadsheets in comma-decimal locales save semicolon-delimited files with "0,25". */
const COMMA_NUMBER = /^-?\d+,\d+$/

const isDigit = (c: number): boolean => c >= 48 && c <= 57

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

/** Exact powers of ten: every one up to 1e22 is a double. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
/** Fewer digits than this fit a double's 53-bit integer exactly. */
const MAX_PLAIN_DIGITS = 15

/**
 * The common cell, an optional minus and at most 15 digits with at most one
 * dot ("1200", "0.35", "-2"), read without Number(), or NaN for anything
 * else. Number() on a freshly cut string goes through the runtime, which
 * cost more per cell than the rest of the row's checks together. Exact: the
 * digits make an integer m below 2^53 and, with k digits after the dot,
 * m / 10^k is one correctly rounded division of two exact doubles, which is
 * what Number() returns for the same text (Clinger's fast path).
 */
function plainDecimal(t: string): number {
  const n = t.length
  let i = 0
  let negative = false
  if (t.charCodeAt(0) === 45) {
    negative = true
    i = 1
  }
  let m = 0
  let digits = 0
  let dot = -1
  for (; i < n; i++) {
    const c = t.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48)
      digits++
    } else if (c === 46 && dot < 0) {
      dot = i
    } else {
      return Number.NaN
    }
  }
  if (digits === 0 || digits > MAX_PLAIN_DIGITS) return Number.NaN
  const value = dot < 0 ? m : m / (POW10[n - 1 - dot] as number)
  return negative ? -value : value
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
  const plain = plainDecimal(text)
  if (plain === plain) return plain // not NaN
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
