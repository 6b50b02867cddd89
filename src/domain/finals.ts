import type { BilledQuality, Stage } from './model'

/** The quality a stage is billed at: `auto` is budgeted as its `autoBilledAs`. */
export function billedQualityOf(stage: Pick<Stage, 'quality' | 'autoBilledAs'>): BilledQuality {
  return stage.quality === 'auto' ? stage.autoBilledAs : stage.quality
}

/**
 * Index of the first final stage. The last stage is final, and so are the
 * stages right before it billed at the same quality: those are the final's
 * ratio variants (square, portrait, landscape), not drafts. When every stage
 * shares one quality nothing marks the drafting, so only the last is final.
 * @example firstFinalStage([{ billedQuality: 'low' }, { billedQuality: 'high' }]) // 1
 */
export function firstFinalStage(stages: readonly { billedQuality: BilledQuality }[]): number {
  const lastIndex = stages.length - 1
  const last = stages[lastIndex]
  if (!last) return 0
  let first = lastIndex
  while (first > 0 && stages[first - 1]?.billedQuality === last.billedQuality) first--
  return first === 0 ? lastIndex : first
}

/**
 * Which stages deliver the workflow's final images when nobody said otherwise:
 * those from `firstFinalStage` on. The draft-vs-final chart and the cost per
 * delivered image both start from this one rule.
 * @example defaultDeliversFinal(defaultScenario().stages) // [false, true]
 */
export function defaultDeliversFinal(
  stages: readonly Pick<Stage, 'quality' | 'autoBilledAs'>[],
): boolean[] {
  const first = firstFinalStage(stages.map((s) => ({ billedQuality: billedQualityOf(s) })))
  return stages.map((_, i) => i >= first)
}

/**
 * Each stage's "Delivers final images" flag: the stage's own choice when it
 * has one, else the default rule (so a stage added last becomes the final
 * until someone says otherwise).
 * @example deliversFinalFlags(defaultScenario().stages) // [false, true]
 */
export function deliversFinalFlags(
  stages: readonly Pick<Stage, 'quality' | 'autoBilledAs' | 'deliversFinal'>[],
): boolean[] {
  const defaults = defaultDeliversFinal(stages)
  return stages.map((s, i) => s.deliversFinal ?? defaults[i] ?? false)
}

/** Every stage's flag written out, so the choice no longer moves when stages are added. */
export function withExplicitFinals<
  S extends Pick<Stage, 'quality' | 'autoBilledAs' | 'deliversFinal'>,
>(stages: readonly S[]): S[] {
  const flags = deliversFinalFlags(stages)
  return stages.map((s, i) => ({ ...s, deliversFinal: flags[i] ?? false }))
}
