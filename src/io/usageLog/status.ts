/**
 * Statuses and qualities as logs write them, read into the words the
 * summary counts by: approved and kept are accepted, retry is regenerated.
 */
import type { Quality } from '../../domain/model'
import type { UsageStatus } from '../../domain/usage/rows'
import { USAGE_STATUSES } from '../../domain/usage/rows'

const STATUS_WORDS: Readonly<Record<string, UsageStatus>> = {
  accepted: 'accepted',
  accept: 'accepted',
  approved: 'accepted',
  approve: 'accepted',
  kept: 'accepted',
  keep: 'accepted',
  selected: 'accepted',
  chosen: 'accepted',
  published: 'accepted',
  shipped: 'accepted',
  used: 'accepted',
  edited: 'edited',
  edit: 'edited',
  modified: 'edited',
  retouched: 'edited',
  touched_up: 'edited',
  rejected: 'rejected',
  reject: 'rejected',
  discarded: 'rejected',
  discard: 'rejected',
  declined: 'rejected',
  unused: 'rejected',
  not_used: 'rejected',
  thumbs_down: 'rejected',
  regenerated: 'regenerated',
  regenerate: 'regenerated',
  retry: 'regenerated',
  retried: 'regenerated',
  rerun: 'regenerated',
  re_run: 'regenerated',
  redo: 'regenerated',
  reroll: 'regenerated',
  rerolled: 'regenerated',
  deleted: 'deleted',
  delete: 'deleted',
  removed: 'deleted',
  failed: 'failed',
  fail: 'failed',
  failure: 'failed',
  error: 'failed',
  errored: 'failed',
  blocked: 'failed',
  moderated: 'failed',
  refused: 'failed',
  timeout: 'failed',
  timed_out: 'failed',
  unknown: 'unknown',
}

/** A logged status as the key the status mapping uses: trimmed, lower case, spaces and dashes as `_`. */
export function statusKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/** The statuses' own words: read as themselves, never listed for mapping. */
export const isStatusWord = (key: string): key is UsageStatus =>
  (USAGE_STATUSES as readonly string[]).includes(key)

/**
 * The known status a usual synonym stands for (approved, kept: accepted;
 * retry: regenerated…), or null. The reader pre-fills the status mapping
 * with these and shows them, so no synonym is a silent guess.
 */
export function synonymOf(key: string): UsageStatus | null {
  if (isStatusWord(key) || !Object.hasOwn(STATUS_WORDS, key)) return null
  return STATUS_WORDS[key] ?? null
}

/**
 * What a person chose for status values the app does not know by itself:
 * each value (a statusKey) and the known status it counts as, or null to
 * leave its rows out. Pairs, not an object, so a value named `__proto__`
 * stays a value.
 */
export type StatusMapping = readonly { value: string; status: UsageStatus | null }[]

/**
 * A logged status as one of accepted, edited, rejected, regenerated,
 * deleted, failed or unknown (approved and kept read as accepted, discarded
 * as rejected, retry as regenerated; anything else as unknown).
 * @example normaliseStatus(' Approved ') // 'accepted'
 */
export function normaliseStatus(text: string): UsageStatus {
  const key = statusKey(text)
  return Object.hasOwn(STATUS_WORDS, key) ? (STATUS_WORDS[key] ?? 'unknown') : 'unknown'
}

/** Qualities the API takes; anything else is read as not logged. */
export const QUALITY_WORDS: Readonly<Record<string, Quality>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  auto: 'auto',
}
