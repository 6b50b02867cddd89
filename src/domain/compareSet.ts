// Which scenarios are compared, and in what unit: read on the first paint (the saved
// worksheet, the scenario list, exports), apart from the comparison itself (compare.ts),
// which loads with the compare section.

/** The most scenarios a comparison (table and charts) draws, so it stays legible and quick. */
export const MAX_COMPARED = 12

/**
 * The ids compared: every scenario not left out, in worksheet order, up to
 * `MAX_COMPARED`; a big worksheet therefore compares its first 12 by default.
 * @example comparedIds(['a', 'b', 'c'], ['b']) // ['a', 'c']
 */
export function comparedIds(ids: readonly string[], excluded: readonly string[]): string[] {
  const out = new Set(excluded)
  return ids.filter((id) => !out.has(id)).slice(0, MAX_COMPARED)
}

/**
 * What the comparison's money figures are expressed in. Cost is linear in
 * jobs, so `atBaselineJobs` (every scenario at the baseline's jobs per month)
 * leaves only workflow differences between columns.
 */
export type ShowCosts = 'perMonth' | 'perJob' | 'perDeliveredImage' | 'atBaselineJobs'

export const SHOW_COSTS: readonly ShowCosts[] = [
  'perMonth',
  'perJob',
  'perDeliveredImage',
  'atBaselineJobs',
]

export const SHOW_COSTS_LABELS: Record<ShowCosts, string> = {
  perMonth: 'Per month',
  perJob: 'Per job',
  perDeliveredImage: 'Per delivered image',
  atBaselineJobs: "At the baseline's jobs per month",
}

export function isShowCosts(value: unknown): value is ShowCosts {
  return typeof value === 'string' && (SHOW_COSTS as readonly string[]).includes(value)
}
