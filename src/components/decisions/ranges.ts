import type { InputRange, UncertainInputs } from '../../domain/decisions/monteCarlo'
import type { ScenarioDraft } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import type { NumberRule } from '../../domain/validate'
import { JOBS_RULE, STAGE_RULES } from '../../domain/validate'
import { formatCount, formatPercent } from '../../format/number'
import { parseTypedNumber } from '../../io/numberInput'

/** Low and high as typed. */
export interface RangeText {
  low: string
  high: string
}

export type StageRangeField = 'retryMultiplier' | 'reachShare'

/** Everything typed into the uncertainty fields of one scenario; stages by id, so reordering keeps them. */
export interface RangeTexts {
  jobsPerMonth?: RangeText
  stages?: Record<string, Partial<Record<StageRangeField, RangeText>>>
}

export const PERCENT_RANGE: Record<StageRangeField, boolean> = {
  retryMultiplier: false,
  reachShare: true,
}

type Checked = { range: InputRange | undefined; error: string | undefined }

/**
 * Reads one range, checked here rather than by the domain so the message
 * speaks the unit that was typed (a reach share in %, not 0..1).
 */
export function readRange(
  text: RangeText | undefined,
  current: number,
  rule: NumberRule,
  percent: boolean,
): Checked {
  const lowText = text?.low.trim() ?? ''
  const highText = text?.high.trim() ?? ''
  if (lowText === '' && highText === '') return { range: undefined, error: undefined }
  if (lowText === '' || highText === '') {
    return { range: undefined, error: 'Enter both low and high, or leave both empty.' }
  }
  const low = parseTypedNumber(lowText, percent)
  const high = parseTypedNumber(highText, percent)
  const show = (n: number) => (percent ? formatPercent(n) : formatCount(n))
  if (Number.isNaN(low) || Number.isNaN(high)) {
    return { range: undefined, error: 'Low and high must both be numbers.' }
  }
  if (low < rule.min || high > rule.max) {
    return {
      range: undefined,
      error: `The range must lie within ${show(rule.min)} to ${show(rule.max)}.`,
    }
  }
  if (!(low <= current && current <= high)) {
    return {
      range: undefined,
      error: `The range must include the current value, ${show(current)}: it is taken as the most likely.`,
    }
  }
  return { range: { low, high }, error: undefined }
}

/** The uncertain inputs for the sampler, and an error per field path that could not be read. */
export function readRanges(
  texts: RangeTexts,
  scenario: Scenario,
  draft: ScenarioDraft,
): { uncertain: UncertainInputs; errors: ReadonlyMap<string, string>; count: number } {
  const errors = new Map<string, string>()
  let count = 0
  const jobs = readRange(texts.jobsPerMonth, scenario.jobsPerMonth, JOBS_RULE, false)
  if (jobs.error) errors.set('jobsPerMonth', jobs.error)
  if (jobs.range) count++
  const stages = scenario.stages.map((stage, i) => {
    const id = draft.stages[i]?.id ?? ''
    const typed = texts.stages?.[id]
    const out: { retryMultiplier?: InputRange; reachShare?: InputRange } = {}
    for (const field of ['retryMultiplier', 'reachShare'] as const) {
      const r = readRange(typed?.[field], stage[field], STAGE_RULES[field], PERCENT_RANGE[field])
      if (r.error) errors.set(`stages.${i}.${field}`, r.error)
      if (r.range) {
        out[field] = r.range
        count++
      }
    }
    return out
  })
  const uncertain: UncertainInputs = { stages }
  if (jobs.range) uncertain.jobsPerMonth = jobs.range
  return { uncertain, errors, count }
}
