import { stageLabel } from '../../domain/decisions/common'
import type { ScenarioFix } from '../../domain/decisions/fixes'
import type { ScenarioDraft } from '../../domain/draft'
import { PERCENT_STAGE_FIELDS } from '../../domain/validate'
import { formatCount, formatPercent } from '../../format/number'
import { useWorksheet } from '../../store/worksheet'
import type { EditStep } from '../../store/history'

/**
 * Applies a fix a decision tool computed from `draft`, as one undo step of
 * its own (the store's applyFix): `draft` may be a deferred copy, and the fix
 * lands on the scenario and stage it was computed for.
 */
export function useApplyFix(): (fix: ScenarioFix, draft: ScenarioDraft) => EditStep | null {
  return useWorksheet((s) => s.applyFix)
}

const STAGE_FIELD_WORDS: Record<string, string> = {
  retryMultiplier: 'retry multiplier',
  reachShare: 'share of jobs reaching it',
  imagesPerJob: 'images per job',
  outputsPerRequest: 'outputs per request',
  promptTokens: 'prompt tokens',
  referenceImages: 'reference images',
  referenceImageTokens: 'tokens per reference image',
  cachedInputShare: 'cached input share',
  partialImages: 'partial images',
  autoBilledAs: 'auto billed as',
}

/** What a fix does, in a few words for its button, e.g. 'set "Draft" quality to low'. */
export function describeFix(fix: ScenarioFix, draft: ScenarioDraft): string {
  if (fix.kind === 'setScenarioField') {
    switch (fix.field) {
      case 'batch':
        return fix.value ? 'use the Batch API' : 'stop using the Batch API'
      case 'jobsPerMonth':
        return `set jobs per month to ${formatCount(fix.value)}`
      case 'maxImagesPerUser':
        return `set a quota of ${formatCount(fix.value)} images per user a month`
    }
  }
  const stage = draft.stages[fix.stageIndex]
  const name = stage ? `"${stageLabel(stage, fix.stageIndex)}"` : `stage ${fix.stageIndex + 1}`
  if (fix.kind === 'setStageSize') return `set ${name} size to ${fix.width}×${fix.height}`
  const value =
    typeof fix.value === 'number'
      ? PERCENT_STAGE_FIELDS.has(fix.field)
        ? formatPercent(fix.value)
        : formatCount(fix.value)
      : fix.value
  return `set ${name} ${STAGE_FIELD_WORDS[fix.field] ?? fix.field} to ${value}`
}
