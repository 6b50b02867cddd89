/**
 * A new scenario built from what a log measured for one template: one stage
 * per logged stage, each calibrated (calibration.ts), sized so the scenario
 * keeps and bills the images the log did.
 */
import type { Scenario, Stage } from '../model'
import type { PriceBook } from '../priceBook'
import { STAGE_RULES } from '../validate'
import { calibratedStage } from './calibration'
import { plural } from './plural'
import { priceBookId } from './pricer'
import type { UsageGroup } from './summary'

export type ScenarioFromLog =
  { ok: true; scenario: Scenario; notes: string[] } | { ok: false; reason: string }

/** The model most of the template's billed images used, when the price book knows it. */
function dominantModel(groups: readonly UsageGroup[], book: PriceBook): string | null {
  const images = new Map<string, number>()
  for (const g of groups) {
    for (const m of g.modelMix) {
      const id = priceBookId(m.model, book)
      if (id !== null) images.set(id, (images.get(id) ?? 0) + m.images)
    }
  }
  let best: string | null = null
  let most = 0
  for (const [id, n] of images) {
    if (n > most) {
      best = id
      most = n
    }
  }
  return best
}

/**
 * Jobs per month are the most images any stage kept, and each stage reaches
 * its own kept images / jobs, so the scenario keeps exactly what the log kept
 * and (through the measured retry multiplier) bills what it billed. A stage
 * that kept nothing (pure exploration) bills its logged images at a retry
 * multiplier of billed / jobs. The log's counts are taken as one month.
 * The scenario uses the model most of the template's images used, else
 * `defaultModelId`; each stage starts from `blankStage(name)`, whose values
 * stand where the log measures nothing.
 * @example scenarioFromLog(summary.groups, 'hero', book, 'gpt-image-2', blankStage) // { ok: true, scenario: { jobsPerMonth: 2, … } }
 */
export function scenarioFromLog(
  allGroups: readonly UsageGroup[],
  template: string,
  book: PriceBook,
  defaultModelId: string,
  blankStage: (name: string) => Stage,
): ScenarioFromLog {
  const groups = allGroups.filter((g) => g.template === template)
  const label = template === '' ? 'the log rows without a template' : `template "${template}"`
  if (groups.length === 0) return { ok: false, reason: `The log has no rows for ${label}.` }
  const jobs = Math.max(...groups.map((g) => g.keptImages))
  if (jobs <= 0) {
    return {
      ok: false,
      reason: `No image of ${label} was accepted or edited, so the log says nothing about what a job keeps.`,
    }
  }
  const notes: string[] = []
  const logged = dominantModel(groups, book)
  const modelId = logged ?? defaultModelId
  if (logged === null)
    notes.push(`The log names no model the price book knows; priced as ${modelId}.`)

  const stages = groups.map((g, i): Stage => {
    const name = g.stage ? g.stage : `Stage ${String(i + 1)}`
    const calibrated = calibratedStage(blankStage(name), g, modelId, book)
    const stage: Stage = { ...calibrated.stage, imagesPerJob: 1 }
    for (const note of calibrated.notes) notes.push(`${name}: ${note}`)
    if (g.keptImages > 0) return { ...stage, reachShare: g.keptImages / jobs }
    // Nothing kept: bill the logged images all the same.
    const perJob = g.billedImages / (jobs * stage.outputsPerRequest)
    const retry = Math.min(Math.max(perJob, 1), STAGE_RULES.retryMultiplier.max)
    notes.push(
      `${name}: no image was kept, so the stage bills its ${plural(g.billedImages, 'logged image')} without adding kept images to the cost per kept image.`,
    )
    return { ...stage, reachShare: Math.min(perJob, 1), retryMultiplier: retry }
  })

  const span = daySpan(groups)
  notes.push(
    `Jobs per month: ${plural(jobs, 'job')}, the most images one stage kept${span === null ? '' : ` in ${plural(span, 'day')} of log`}; the counts are taken as one month.`,
  )
  return {
    ok: true,
    scenario: {
      name: template === '' ? 'From usage log' : `${template} (from usage log)`,
      modelId,
      jobsPerMonth: jobs,
      batch: false,
      stages,
    },
    notes,
  }
}

const DAY_MS = 86_400_000

/** Calendar days the groups' timestamps cover, first and last day included; null without timestamps. */
function daySpan(groups: readonly UsageGroup[]): number | null {
  let first = Infinity
  let last = -Infinity
  for (const g of groups) {
    if (g.firstTimeMs !== null) first = Math.min(first, g.firstTimeMs)
    if (g.lastTimeMs !== null) last = Math.max(last, g.lastTimeMs)
  }
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null
  return Math.floor(last / DAY_MS) - Math.floor(first / DAY_MS) + 1
}
