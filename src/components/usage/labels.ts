import type { UsageStatus } from '../../domain/usage/rows'
import type { CostBasis } from '../../domain/usage/summary'
import type { UsageField } from '../../io/usageLog/columns'

export const FIELD_LABELS: Readonly<Record<UsageField, string>> = {
  timestamp: 'Timestamp',
  template: 'Template',
  stage: 'Stage',
  jobId: 'Job id',
  model: 'Model',
  quality: 'Quality',
  size: 'Size (WIDTHxHEIGHT)',
  width: 'Width',
  height: 'Height',
  n: 'Images per call (n)',
  status: 'Status',
  inputTokens: 'Input tokens',
  outputTokens: 'Output tokens',
  inputTextTokens: 'Input text tokens',
  inputImageTokens: 'Input image tokens',
  costUsd: 'Cost (USD)',
}

export const BASIS_LABELS: Readonly<Record<CostBasis, string>> = {
  usage: 'usage tokens',
  'cost column': 'cost column',
  estimate: 'price book estimate',
  mixed: 'mixed sources',
  none: 'not priced',
}

export const STATUS_LABELS: Readonly<Record<UsageStatus, string>> = {
  accepted: 'accepted',
  edited: 'edited',
  rejected: 'rejected',
  regenerated: 'regenerated',
  deleted: 'deleted',
  failed: 'failed',
  unknown: 'unknown status',
}

/** Characters of a logged name shown on screen; a 50 MB template name would take a minute to lay out. */
export const MAX_NAME = 80

/** A logged name cut to MAX_NAME characters with an ellipsis; the full text goes in a title. */
export function shortText(text: string, max = MAX_NAME): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Characters of a title attribute (two clipped names and a separator fit): a megabyte header in one froze the page for seconds. */
export const MAX_TITLE = 25_000

/** The full name for a title attribute, only when shortText cut it (at most MAX_TITLE characters). */
export const fullTitle = (text: string): string | undefined =>
  text.length > MAX_NAME ? shortText(text, MAX_TITLE) : undefined

/** Rows of a long list drawn at once: enough to read, few enough to draw in a frame. */
export const PAGE = 50

/** "hero / final"; the names a log group is shown by, each part shortened. */
export function groupName(template: string | null, stage: string | null): string {
  const t = template === null ? 'All' : template === '' ? '(no template)' : shortText(template)
  const s = stage === null ? '' : stage === '' ? '(no stage)' : shortText(stage)
  return s === '' ? t : `${t} / ${s}`
}
