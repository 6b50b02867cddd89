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

/** "hero / final"; the names a log group is shown by. */
export function groupName(template: string | null, stage: string | null): string {
  const t = template === null ? 'All' : template === '' ? '(no template)' : template
  const s = stage === null ? '' : stage === '' ? '(no stage)' : stage
  return s === '' ? t : `${t} / ${s}`
}
