/**
 * The contract of CSV format version 3 (docs/csv-format.md): column names,
 * what import reports, and the limits. Kept apart from the parser so the UI
 * can name columns and show problems without loading papaparse.
 */
import type { CustomModel } from '../../domain/customModels'
import type { Meter, Scenario } from '../../domain/model'

export const CSV_FORMAT_VERSION = 3
/**
 * Every version import reads: version 1 files have no delivers_final column,
 * version 2 files no custom_model column.
 */
export const CSV_READABLE_VERSIONS: readonly number[] = [1, 2, 3]
/** Checked on the File before it is read: a larger file would stall the tab. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024

/** Columns import reads, in the order export writes them. */
export const INPUT_COLUMNS = [
  'format_version',
  'scenario',
  'model',
  'jobs_per_month',
  'batch',
  'price_text_input',
  'price_cached_text_input',
  'price_image_input',
  'price_cached_image_input',
  'price_image_output',
  'prices_checked_on',
  'users_per_month',
  'max_images_per_user',
  // Version 2: the 12-month projection's growth (a fraction) and first month.
  'monthly_growth',
  'start_month',
  'stage',
  'quality',
  'auto_billed_as',
  'size',
  'images_per_job',
  'outputs_per_request',
  'reach_share',
  'retry_multiplier',
  'prompt_tokens',
  'reference_images',
  'reference_image_tokens',
  'cached_input_share',
  'partial_images',
  // Version 2. Blank: the last stage and its same-quality variants (domain/finals.ts).
  'delivers_final',
  // Version 3: a custom model's definition (JSON), on the rows of the scenarios priced on it.
  // Written last, after the computed columns: a long cell, read by people least often.
  'custom_model',
] as const
export type InputColumn = (typeof INPUT_COLUMNS)[number]

/** Results written for people reading the file; import ignores them. */
export const COMPUTED_COLUMNS = [
  'output_tokens_per_image',
  'stage_monthly_cost_usd',
  'scenario_monthly_cost_usd',
  'cost_per_job_usd',
  // Named for what it divides by, so no one reads it as the cost of a delivered image.
  'cost_per_kept_image_all_stages_usd',
  'cost_per_delivered_image_usd',
] as const
export type ComputedColumn = (typeof COMPUTED_COLUMNS)[number]
export type CsvColumn = InputColumn | ComputedColumn

/** Every column, in export order. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  ...INPUT_COLUMNS.filter((c) => c !== 'custom_model'),
  ...COMPUTED_COLUMNS,
  'custom_model',
]

/** Computed columns of version 1 that version 2 renamed: still known, still ignored. */
export const RETIRED_COLUMNS: readonly string[] = ['cost_per_kept_image_usd']

/** What each required cell holds, worded for the message shown when it is blank. */
export const REQUIRED_VALUES: Readonly<Partial<Record<InputColumn, string>>> = {
  scenario: 'the scenario name',
  model: 'a model id such as gpt-image-2',
  jobs_per_month: 'jobs per month, like 1000',
  stage: 'the stage name, like Draft',
  quality: 'low, medium, high or auto',
  size: 'WIDTHxHEIGHT in pixels, like 1536x1024',
  images_per_job: 'images per job, like 1',
  retry_multiplier: 'billed attempts per kept image, at least 1, like 1.2',
}

/** Columns every file must have, each cell filled, in export order. */
export const REQUIRED_COLUMNS: readonly InputColumn[] = INPUT_COLUMNS.filter(
  (c) => c in REQUIRED_VALUES,
)

/** The price override column of each meter (blank: the model's price-book rate). */
export const PRICE_COLUMNS: Readonly<Record<Meter, InputColumn>> = {
  textInput: 'price_text_input',
  cachedTextInput: 'price_cached_text_input',
  imageInput: 'price_image_input',
  cachedImageInput: 'price_cached_image_input',
  imageOutput: 'price_image_output',
}

/** One thing wrong with (or worth knowing about) a file, placed as a spreadsheet shows it. */
export interface CsvProblem {
  /** 1-based row as a spreadsheet shows it (the header is row 1); null for the whole file. */
  row: number | null
  /** The column's header name; null when the problem is not about one column. */
  column: string | null
  /** What is wrong and what is allowed, in a sentence. */
  message: string
  /** Errors keep a scenario (or the whole file) from importing; notices do not. */
  severity: 'error' | 'notice'
}

export interface ImportedScenario {
  name: string
  /** Spreadsheet rows of the scenario's first and last stage. */
  firstRow: number
  lastRow: number
  /** Best effort when `errors` is not empty (unreadable cells hold defaults): use it only when empty. */
  scenario: Scenario
  /** The errors on this scenario's rows, also listed in the file's `problems`. */
  errors: CsvProblem[]
}

export interface CsvImportResult {
  scenarios: ImportedScenario[]
  /** Every problem in the file, file-level ones first, then by row and column. */
  problems: CsvProblem[]
  delimiter: ',' | ';'
  /** True when at least one number was written with a decimal comma (semicolon files only). */
  decimalComma: boolean
  /**
   * The custom models the file's scenarios are priced on (version 3), each read
   * and validated once; absent when there are none. Add them with the scenarios.
   */
  models?: CustomModel[]
}

/**
 * A text cell a spreadsheet would evaluate, or might after trimming it:
 * one starting with = + - @ (or their full-width forms ＝ ＋ － ＠, which
 * some spreadsheets read as the ASCII ones), white space before one of
 * those, or a tab or CR. Export writes a ' before it. Leading quotes are part
 * of the pattern so a name that itself starts with ' before one of those
 * also gets one, and import's "drop one leading '" gives every name back
 * unchanged. (papaparse's own pattern, /^[=+\-@\t\r].*$/, misses
 * "=1+1\nx": its `.*$` stops at the line break.)
 */
export const FORMULA_START = /^'*(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/
const ESCAPED_FORMULA = /^'+(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/
/** The other common escape (OWASP's): a tab before the formula start. */
const TAB_ESCAPED_FORMULA = /^\t[=+\-@\uff1d\uff0b\uff0d\uff20]/

/**
 * Undoes formula escaping: drops one leading ' before a formula start (this
 * app's escape), or else a tab right before = + - @ (another tool's). This
 * app never writes a bare leading tab (it escapes it with '), so a tab that
 * reaches the second rule was put there by someone else.
 */
export function unescapeFormula(text: string): string {
  const c = text.charCodeAt(0)
  if (c === 39) return ESCAPED_FORMULA.test(text) ? text.slice(1) : text
  if (c === 9) return TAB_ESCAPED_FORMULA.test(text) ? text.slice(1) : text
  return text
}

/**
 * Whether a file of `bytes` bytes may be read at all: call it on the File
 * before reading it. Null when it may. Lives here, not beside the parser, so
 * the page can refuse a file without loading papaparse.
 */
export function checkCsvSize(bytes: number): CsvProblem | null {
  const fileError = (message: string): CsvProblem => ({
    row: null,
    column: null,
    message,
    severity: 'error',
  })
  if (bytes === 0) return fileError('The file is empty.')
  if (bytes <= MAX_CSV_BYTES) return null
  const mb = (bytes / (1024 * 1024)).toFixed(1)
  return fileError(
    `The file is ${mb} MB; the largest file this app reads is 50 MB. Split it into smaller files.`,
  )
}
