/**
 * A usage summary cut to what a page can draw. A log of 50,000 template
 * and stage groups summarises in a worker in a second, but copying every
 * group back to the page took 1.5 s of main-thread time before anything was
 * drawn, and a 50 MB template name laid out in titles froze it for seconds.
 */
import type { UsageGroup, UsageSummary } from './summary'

/** The costliest groups sent to the page; tables show them a page at a time. */
export const MAX_LISTED_GROUPS = 200
/** Groups of whole templates sent for per-template figures (every stage of each). */
export const MAX_TEMPLATE_GROUPS = 200
/** Characters of a logged name kept; longer ones say how long they were. */
export const MAX_NAME_CHARS = 10_000

/**
 * Shortens logged names past MAX_NAME_CHARS, each to its start and its
 * length; two names that would read the same get a number, so names stay
 * distinct keys.
 */
class NameClipper {
  private readonly clipped = new Map<string, string>()
  private readonly used = new Set<string>()

  clip(name: string): string {
    if (name.length <= MAX_NAME_CHARS) return name
    const hit = this.clipped.get(name)
    if (hit !== undefined) return hit
    const base = `${name.slice(0, MAX_NAME_CHARS)}… (${String(name.length)} characters in all)`
    let out = base
    for (let i = 2; this.used.has(out); i++) out = `${base} #${String(i)}`
    this.used.add(out)
    this.clipped.set(name, out)
    return out
  }

  nullable(name: string | null): string | null {
    return name === null ? null : this.clip(name)
  }
}

function clipGroup(g: UsageGroup, names: NameClipper): UsageGroup {
  return {
    ...g,
    template: names.nullable(g.template),
    stage: names.nullable(g.stage),
    modelMix: g.modelMix.map((m) => ({ ...m, model: names.clip(m.model) })),
    // A note can quote a logged model name.
    notes: g.notes.map((n) => names.clip(n)),
  }
}

/**
 * The summary with at most MAX_LISTED_GROUPS costliest groups, plus every
 * stage of the costliest templates that fit in MAX_TEMPLATE_GROUPS, in
 * their order of first appearance; names and notes cut to MAX_NAME_CHARS.
 * The whole-log total and the counts still cover every group.
 * @example boundSummary(summariseUsage(rows, book, id)).groups.length // at most 400
 */
export function boundSummary(
  summary: UsageSummary,
  maxListed = MAX_LISTED_GROUPS,
  maxTemplateGroups = MAX_TEMPLATE_GROUPS,
): UsageSummary {
  const { groups } = summary
  const keep = new Uint8Array(groups.length)
  const byCost = groups.map((_, i) => i)
  byCost.sort((a, b) => (groups[b]?.costUsd ?? 0) - (groups[a]?.costUsd ?? 0) || a - b)
  const costliest = Math.min(maxListed, groups.length)
  for (let i = 0; i < costliest; i++) keep[byCost[i] ?? 0] = 1

  const templates = new Map<string, { cost: number; first: number; members: number[] }>()
  groups.forEach((g, i) => {
    const key = g.template ?? ''
    const t = templates.get(key)
    if (t) {
      t.cost += g.costUsd
      t.members.push(i)
    } else templates.set(key, { cost: g.costUsd, first: i, members: [i] })
  })
  const ranked = [...templates].sort((a, b) => b[1].cost - a[1].cost || a[1].first - b[1].first)
  const listed: { template: string; first: number }[] = []
  let budget = maxTemplateGroups
  // Costliest first, stopping at the first that does not fit: the listed templates are the costliest.
  for (const [template, t] of ranked) {
    if (t.members.length > budget) break
    budget -= t.members.length
    for (const i of t.members) keep[i] = 1
    listed.push({ template, first: t.first })
  }
  listed.sort((a, b) => a.first - b.first)

  const names = new NameClipper()
  const kept: UsageGroup[] = []
  groups.forEach((g, i) => {
    if (keep[i] === 1) kept.push(clipGroup(g, names))
  })
  const listedSet = new Set(listed.map((t) => t.template))
  return {
    groups: kept,
    total: clipGroup(summary.total, names),
    groupCount: summary.groupCount,
    costliestGroups: costliest,
    templateCount: summary.templateCount,
    templates: listed.map((t) => names.clip(t.template)),
    jobStageOrders: summary.jobStageOrders
      .filter((o) => listedSet.has(o.template))
      .map((o) => ({
        template: names.clip(o.template),
        stages: o.stages.map((s) => names.clip(s)),
      })),
  }
}
