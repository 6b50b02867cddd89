/**
 * The columns of a usage log: the fields a row can carry, the names each is
 * recognised by, and the mapping from fields to the file's columns (guessed,
 * then corrected by people).
 */

/** The fields a log row can carry; each maps to at most one column of the file. */
export const USAGE_FIELDS = [
  'timestamp',
  'template',
  'stage',
  'jobId',
  'model',
  'quality',
  'size',
  'width',
  'height',
  'n',
  'status',
  'inputTokens',
  'outputTokens',
  'inputTextTokens',
  'inputImageTokens',
  'costUsd',
] as const
export type UsageField = (typeof USAGE_FIELDS)[number]

/** Which column (header text as in the file, or a JSON key path like `usage.input_tokens`) feeds each field; null for none. */
export type ColumnMapping = Record<UsageField, string | null>

/**
 * Names each field is recognised by, after normalising (lower case; spaces,
 * dots, dashes and slashes as `_`; a leading `usage_` dropped). Earlier
 * names win when a file has several.
 */
export const COLUMN_SYNONYMS: Readonly<Record<UsageField, readonly string[]>> = {
  timestamp: ['timestamp', 'time', 'created_at', 'created', 'datetime', 'date', 'ts'],
  template: [
    'template',
    'prompt_template',
    'prompt_template_id',
    'template_id',
    'workflow',
    'workflow_id',
  ],
  stage: ['stage', 'step', 'phase'],
  jobId: ['job_id', 'job', 'jobid', 'run_id', 'workflow_run_id'],
  model: ['model', 'model_id'],
  quality: ['quality'],
  size: ['size', 'resolution', 'dimensions'],
  width: ['width', 'image_width'],
  height: ['height', 'image_height'],
  n: ['n', 'outputs', 'num_outputs', 'n_images', 'num_images', 'image_count'],
  status: ['status', 'result', 'outcome', 'review_status'],
  inputTokens: ['input_tokens', 'prompt_tokens'],
  outputTokens: ['output_tokens', 'completion_tokens'],
  inputTextTokens: [
    'input_text_tokens',
    'input_tokens_details_text_tokens',
    'text_input_tokens',
    'text_tokens',
  ],
  inputImageTokens: [
    'input_image_tokens',
    'input_tokens_details_image_tokens',
    'image_input_tokens',
    'image_tokens',
  ],
  costUsd: ['cost_usd', 'cost', 'usd', 'cost_in_usd', 'total_cost', 'amount_usd'],
}

function normaliseHeader(header: string): string {
  const n = header
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, '_')
  return n.startsWith('usage_') ? n.slice(6) : n
}

const FIELD_BY_NAME = new Map<string, { field: UsageField; rank: number }>()
for (const field of USAGE_FIELDS) {
  COLUMN_SYNONYMS[field].forEach((name, rank) => FIELD_BY_NAME.set(name, { field, rank }))
}

/** No column for any field. */
export const emptyMapping = (): ColumnMapping => ({
  timestamp: null,
  template: null,
  stage: null,
  jobId: null,
  model: null,
  quality: null,
  size: null,
  width: null,
  height: null,
  n: null,
  status: null,
  inputTokens: null,
  outputTokens: null,
  inputTextTokens: null,
  inputImageTokens: null,
  costUsd: null,
})

/**
 * The column each field most likely comes from, by common names (see
 * COLUMN_SYNONYMS), case and spacing ignored. Show it to people and let them
 * correct it, then pass it to `parseUsageLog`.
 * @example guessColumnMapping(['Created_At', 'usage.output_tokens']).outputTokens // 'usage.output_tokens'
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping()
  const ranks = new Map<UsageField, number>()
  for (const header of headers) {
    const hit = FIELD_BY_NAME.get(normaliseHeader(header))
    if (!hit) continue
    const before = ranks.get(hit.field)
    if (before !== undefined && before <= hit.rank) continue
    ranks.set(hit.field, hit.rank)
    mapping[hit.field] = header
  }
  return mapping
}

/** Position of each field in USAGE_FIELDS, where a record's values are kept. */
export const F = Object.fromEntries(USAGE_FIELDS.map((f, i) => [f, i])) as Record<
  UsageField,
  number
>

export function hasAnyField(mapping: ColumnMapping): boolean {
  return USAGE_FIELDS.some((f) => mapping[f] !== null)
}

/** Cell index of each field: exact header text first, then the normalised name. */
export function columnIndex(headers: readonly string[], mapping: ColumnMapping): Int32Array {
  const index = new Int32Array(USAGE_FIELDS.length).fill(-1)
  USAGE_FIELDS.forEach((field, f) => {
    const name = mapping[field]
    if (name === null) return
    let at = headers.indexOf(name)
    if (at < 0) {
      const wanted = normaliseHeader(name)
      at = headers.findIndex((h) => normaliseHeader(h) === wanted)
    }
    index[f] = at
  })
  return index
}

/** Unused headers; a mapping value names a header or a key path. */
export function unused(headers: readonly string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping))
  return headers.filter((h) => !used.has(h))
}
