/**
 * Cells of untrusted text files, read the same way by both parsers (scenario
 * CSV in src/io/csv/, usage logs in src/io/usageLog/): trimming, blank cells
 * and records, a cell quoted in a message, the byte-order mark, and sizes.
 * Both run on every cell of files of 200,000 rows, so the common case (a
 * cell of printable ASCII) is decided without allocating.
 */

/** White space as number cells may carry it: space, tab, CR, LF and no-break space. */
export const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0

/** Whether a character is plainly not white space: printable ASCII, as almost every cell starts and ends. */
const isPrintable = (c: number): boolean => c > 32 && c < 127

/** `text.trim()`, without the call when both ends are printable ASCII (almost every cell). */
export function trimmed(text: string): string {
  const n = text.length
  if (n === 0) return text
  return isPrintable(text.charCodeAt(0)) && isPrintable(text.charCodeAt(n - 1)) ? text : text.trim()
}

/** Whether a cell holds nothing but white space; no trim for a cell starting with printable ASCII. */
export const isBlank = (text: string): boolean =>
  text === '' || (!isPrintable(text.charCodeAt(0)) && text.trim() === '')

/** Whether every cell of a record is blank: a blank line, or a row of empty cells. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i] as string)) return false
  return true
}

/** Quotes a cell's text for a message, cut short so one huge cell cannot flood the UI. */
export const show = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)

/** The text without its UTF-8 byte-order mark, which spreadsheets write and parsers must not read as a cell. */
export const withoutBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text

/** Longer edges are out of every range; the limit keeps the digit sum an exact integer. */
const MAX_EDGE_DIGITS = 15

/**
 * Reads "1536x1024" (x, X or ×; spaces around it allowed; no other spaces)
 * into `out`: whole pixels, each edge at most 15 digits. Only the form is
 * checked; the caller checks the range (0 is read, for the caller's own
 * message). By hand rather than by regex: it runs on every row, and a match
 * array per row showed up in the import benchmark.
 * @example readSize('1536 x 1024', out) // true; out is { width: 1536, height: 1024 }
 */
export function readSize(text: string, out: { width: number; height: number }): boolean {
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

/** The first character of the text that is not white space, as a char code; -1 when there is none. */
export function firstChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!isSpace(c)) return c
  }
  return -1
}
