/**
 * Reads a generation log (docs/usage-log-format.md) into normalised rows for
 * src/domain/usage/. CSV (comma, semicolon or tab) or JSON Lines, detected
 * from the first character; columns matched by common names, and the Images
 * API `usage` object flattened. Logs are untrusted and often hand-made: a row
 * that cannot be read is listed with its row number and reason and the import
 * goes on; nothing here throws.
 */
import { firstChar, withoutBom } from '../cells'
import type { ColumnMapping } from './columns'
import { emptyMapping } from './columns'
import { parseCsv } from './csv'
import { parseJsonArray, parseJsonLines } from './json'
import type { ProgressCallback, UsageLogParse } from './result'
import { failed } from './result'
import type { StatusMapping } from './status'

/**
 * Reads a generation log: CSV with a header row, JSON Lines (one object per
 * line, a nested Images API `usage` object flattened), or a JSON array of
 * such objects. Columns come from `mapping`, or are guessed by name.
 * Never throws: unreadable rows are counted and listed in `skipped` with
 * their row number and reason (a status the app does not know among them,
 * until `statusMapping` maps it); status synonyms read as mapped are listed
 * in `statusValues` and said in `notices`.
 * @example parseUsageLog('template,status\nhero,approved\n').rows[0]?.status // 'accepted'
 */
export function parseUsageLog(
  text: string,
  mapping?: ColumnMapping,
  onProgress?: ProgressCallback,
  statusMapping?: StatusMapping,
): UsageLogParse {
  const body = withoutBom(text)
  const first = firstChar(body)
  if (first < 0) return failed('The log is empty.', null, mapping ?? emptyMapping())
  if (body.includes('\0')) {
    return failed(
      'The file contains NUL bytes, so it is not a text log (it may be a workbook or UTF-16 text). Save it as CSV UTF-8 or JSON Lines.',
      null,
      mapping ?? emptyMapping(),
    )
  }
  if (first === 123) return parseJsonLines(body, mapping, onProgress, statusMapping) // {
  if (first === 91) return parseJsonArray(body, mapping, onProgress, statusMapping) // [
  return parseCsv(body, mapping, onProgress, statusMapping)
}
