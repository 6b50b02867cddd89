/**
 * A usage log's rows as the domain reads them (docs/usage-log-format.md).
 * src/io/usageLog/ parses files into these; nothing in src/domain/usage parses.
 */
import type { Quality } from '../model'

/** What happened to a generated image, after the guide's log template; `failed`: no image came back. */
export type UsageStatus =
  'accepted' | 'edited' | 'rejected' | 'regenerated' | 'deleted' | 'failed' | 'unknown'

export const USAGE_STATUSES: readonly UsageStatus[] = [
  'accepted',
  'edited',
  'rejected',
  'regenerated',
  'deleted',
  'failed',
  'unknown',
]

/** One normalised log row: one generated image, or one API call of `n` images. */
export interface UsageRow {
  /** Where the row is in the file: spreadsheet row (header = 1) or JSON Lines line number. */
  row: number
  /** Milliseconds since 1970-01-01 UTC; null when not logged or not a date. */
  timeMs: number | null
  /** Prompt template id or workflow; '' when not logged. */
  template: string
  /** Workflow stage (draft, final…); '' when not logged. */
  stage: string
  /** The job (one deliverable through its stages) the row belongs to; '' when not logged. Orders a template's stages. */
  jobId: string
  /** Model id as logged; '' when not logged (priced as the default model). */
  model: string
  /** null when not logged or not a quality the API takes. */
  quality: Quality | null
  /** Pixels; null when not logged or `auto`. */
  width: number | null
  height: number | null
  /** Images the row stands for (`n`); null when not logged, which counts as 1. */
  n: number | null
  status: UsageStatus
  /** Usage tokens of the whole row (all `n` images), null where not logged. */
  inputTokens: number | null
  outputTokens: number | null
  inputTextTokens: number | null
  inputImageTokens: number | null
  /** USD for the whole row, from a cost column; null when not logged. */
  costUsd: number | null
}
