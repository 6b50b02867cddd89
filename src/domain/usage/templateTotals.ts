import type { UsageGroup } from './summary'

/** What one template's whole workflow cost, from its stages in the log. */
export interface TemplateTotal {
  template: string
  /** Logged stages, in order of first appearance. */
  stages: string[]
  billedImages: number
  /** Images kept at the template's last stage: the deliverables. */
  finalKeptImages: number
  finalStage: string
  costUsd: number
  /** Every stage's cost over the last stage's kept images; null when it kept none. */
  costPerFinalImageUsd: number | null
}

/**
 * Per template, the cost of all its stages per image kept at its last stage
 * (the last to appear in the log). The whole log's kept images would count a
 * draft pick and the final made from it as two kept images, halving the
 * cost per deliverable.
 * @example templateTotals(summary.groups)[0]?.costPerFinalImageUsd // e.g. 0.29
 */
export function templateTotals(groups: readonly UsageGroup[]): TemplateTotal[] {
  const byTemplate = new Map<string, UsageGroup[]>()
  for (const g of groups) {
    const key = g.template ?? ''
    const list = byTemplate.get(key)
    if (list) list.push(g)
    else byTemplate.set(key, [g])
  }
  return [...byTemplate].map(([template, list]) => {
    const last = list[list.length - 1] as UsageGroup
    const costUsd = list.reduce((sum, g) => sum + g.costUsd, 0)
    return {
      template,
      stages: list.map((g) => g.stage ?? ''),
      billedImages: list.reduce((sum, g) => sum + g.billedImages, 0),
      finalKeptImages: last.keptImages,
      finalStage: last.stage ?? '',
      costUsd,
      costPerFinalImageUsd: last.keptImages > 0 ? costUsd / last.keptImages : null,
    }
  })
}
