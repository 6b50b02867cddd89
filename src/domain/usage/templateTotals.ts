import type { UsageGroup, UsageSummary } from './summary'

/**
 * Why a template's stages are in the order shown: set by the person, the
 * order jobs go through them (job ids), a worksheet scenario with the same
 * stage names, each stage's median timestamp, or the file (nothing else to
 * go by). A template of one stage has no order to choose.
 */
export type StageOrderRule =
  'yours' | 'job id' | 'worksheet scenario' | 'median timestamp' | 'file order' | 'one stage'

/** What one template's whole workflow cost, from its stages in the log. */
export interface TemplateTotal {
  template: string
  /** Logged stages, first to last, in the order `rule` gives. */
  stages: string[]
  rule: StageOrderRule
  /** The scenario whose stages gave the order, when `rule` is 'worksheet scenario'. */
  scenarioName: string | null
  billedImages: number
  /** Images kept at the template's last stage: the deliverables. */
  finalKeptImages: number
  finalStage: string
  costUsd: number
  /** Every stage's cost over the last stage's kept images; null when it kept none. */
  costPerFinalImageUsd: number | null
}

/** A worksheet scenario's name and stage names, first to last. */
export interface StageNames {
  name: string
  stages: readonly string[]
}

export interface StageOrderOptions {
  /** Worksheet scenarios whose stage names may match a template's. */
  scenarios?: readonly StageNames[]
  /** Orders the person set, by template; stages not in one keep their place after it. */
  yours?: ReadonlyMap<string, readonly string[]>
}

const nameKey = (s: string): string => s.trim().toLowerCase()

/** The stages in the order of the first scenario that has every one of them, by name. */
function scenarioOrder(
  stages: readonly string[],
  scenarios: readonly StageNames[],
): { stages: string[]; name: string } | null {
  for (const sc of scenarios) {
    const places = new Map<string, number>()
    sc.stages.forEach((s, i) => {
      if (!places.has(nameKey(s))) places.set(nameKey(s), i)
    })
    if (!stages.every((s) => places.has(nameKey(s)))) continue
    const place = (s: string) => places.get(nameKey(s)) ?? 0
    return { stages: [...stages].sort((a, b) => place(a) - place(b)), name: sc.name }
  }
  return null
}

function byOrder(stages: readonly string[], wanted: readonly string[]): string[] {
  const place = (s: string) => {
    const i = wanted.indexOf(s)
    return i < 0 ? wanted.length + stages.indexOf(s) : i
  }
  return [...stages].sort((a, b) => place(a) - place(b))
}

function order(
  template: string,
  list: readonly UsageGroup[],
  summary: UsageSummary,
  options: StageOrderOptions,
): { stages: string[]; rule: StageOrderRule; scenarioName: string | null } {
  const stages = list.map((g) => g.stage ?? '')
  if (stages.length < 2) return { stages, rule: 'one stage', scenarioName: null }
  const yours = options.yours?.get(template)
  if (yours) return { stages: byOrder(stages, yours), rule: 'yours', scenarioName: null }
  const byJob = summary.jobStageOrders.find((o) => o.template === template)
  if (byJob) return { stages: byOrder(stages, byJob.stages), rule: 'job id', scenarioName: null }
  const sc = scenarioOrder(stages, options.scenarios ?? [])
  if (sc) return { stages: sc.stages, rule: 'worksheet scenario', scenarioName: sc.name }
  if (list.every((g) => g.medianTimeMs !== null)) {
    const sorted = [...list].sort((a, b) => (a.medianTimeMs ?? 0) - (b.medianTimeMs ?? 0))
    return {
      stages: sorted.map((g) => g.stage ?? ''),
      rule: 'median timestamp',
      scenarioName: null,
    }
  }
  return { stages, rule: 'file order', scenarioName: null }
}

/**
 * Per template, the cost of all its stages per image kept at its last
 * stage. The whole log's kept images would count a draft pick and the final
 * made from it as two kept images, halving the cost per deliverable. Which
 * stage is last follows the order `rule` names (StageOrderRule): the order
 * rows happen to appear in a file says nothing about a workflow. It covers
 * the templates in `summary.templates`, whose every stage is listed.
 * @example templateTotals(summary)[0]?.costPerFinalImageUsd // e.g. 0.29
 */
export function templateTotals(
  summary: UsageSummary,
  options: StageOrderOptions = {},
): TemplateTotal[] {
  const byTemplate = new Map<string, UsageGroup[]>()
  // A bounded summary lists some templates' groups only in part: their totals would be wrong.
  const whole = new Set(summary.templates)
  for (const g of summary.groups) {
    const key = g.template ?? ''
    if (!whole.has(key)) continue
    const list = byTemplate.get(key)
    if (list) list.push(g)
    else byTemplate.set(key, [g])
  }
  return [...byTemplate].map(([template, list]) => {
    const { stages, rule, scenarioName } = order(template, list, summary, options)
    const finalStage = stages[stages.length - 1] ?? ''
    const last = list.find((g) => (g.stage ?? '') === finalStage)
    const finalKept = last?.keptImages ?? 0
    const costUsd = list.reduce((sum, g) => sum + g.costUsd, 0)
    return {
      template,
      stages,
      rule,
      scenarioName,
      billedImages: list.reduce((sum, g) => sum + g.billedImages, 0),
      finalKeptImages: finalKept,
      finalStage,
      costUsd,
      costPerFinalImageUsd: finalKept > 0 ? costUsd / finalKept : null,
    }
  })
}
