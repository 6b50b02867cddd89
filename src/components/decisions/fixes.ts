import { useCallback } from 'react'
import { stageLabel } from '../../domain/decisions/common'
import type { ScenarioFix } from '../../domain/decisions/fixes'
import type { ScenarioDraft } from '../../domain/draft'
import type { Stage } from '../../domain/model'
import { formatCount, formatPercent } from '../../format/number'
import { PERCENT_FIELDS, useWorksheet } from '../../store/worksheet'

/**
 * Applies a fix computed by a decision tool through the worksheet's own
 * actions, so it is one undo step like any edit. `draft` is the draft the fix
 * was computed from: stage indexes are resolved to its stage ids.
 */
export function useApplyFix(): (fix: ScenarioFix, draft: ScenarioDraft) => void {
  const setStageFields = useWorksheet((s) => s.setStageFields)
  const typeScenarioNumber = useWorksheet((s) => s.typeScenarioNumber)
  const editScenario = useWorksheet((s) => s.editScenario)
  const selectScenario = useWorksheet((s) => s.selectScenario)

  return useCallback(
    (fix: ScenarioFix, draft: ScenarioDraft) => {
      // The tools render from a deferred copy; a fix for a scenario no longer
      // active would land on the wrong one, since scenario actions edit the active scenario.
      if (useWorksheet.getState().activeId !== draft.id) return
      if (fix.kind === 'setScenarioField') {
        // Typed-number actions merge keystrokes in one field into one undo step;
        // selecting the (same) scenario ends that run, so a fix applied right after
        // typing, or typing right after a fix, stays a step of its own.
        selectScenario(draft.id)
        if (fix.field === 'batch') editScenario({ batch: fix.value })
        else typeScenarioNumber(fix.field, String(fix.value))
        selectScenario(draft.id)
        return
      }
      const stage = draft.stages[fix.stageIndex]
      if (!stage) return
      const patch: Partial<Stage> =
        fix.kind === 'setStageSize'
          ? { width: fix.width, height: fix.height }
          : { [fix.field]: fix.value }
      setStageFields(draft.id, stage.id, patch)
    },
    [setStageFields, typeScenarioNumber, editScenario, selectScenario],
  )
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
      ? PERCENT_FIELDS.has(fix.field)
        ? formatPercent(fix.value)
        : formatCount(fix.value)
      : fix.value
  return `set ${name} ${STAGE_FIELD_WORDS[fix.field] ?? fix.field} to ${value}`
}
