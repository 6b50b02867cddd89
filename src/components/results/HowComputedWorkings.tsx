import { BATCH_FACTOR } from '../../domain/engine'
import { PARTIAL_IMAGE_TOKENS } from '../../domain/outputTokens'
import { formatCount, formatPercent, formatUsd } from '../../format/number'
import { useActiveDraft, useActiveResult } from '../../store/hooks'
import { stageTitle } from '../ui/names'
import { useMoney } from '../currency/useMoney'

/** The formula with the active scenario's numbers, worked out while "How this is computed" is open. */
export function Workings() {
  const money = useMoney()
  const draft = useActiveDraft()
  const result = useActiveResult()
  const n = (v: number) => formatCount(v)
  const rate = (v: number) => `${formatUsd(v)}/1M`

  return (
    <>
      <p>
        For each stage: jobs × share reaching it × images per job × retry multiplier × outputs per
        request = billed images. Each billed image pays its output tokens (plus 100 per partial
        image) at the image output rate, and its prompt and reference-image tokens at the input
        rates, the cached share at the cached rates.
        {draft.batch && ' The Batch API halves every rate.'}
      </p>
      {!result.ok ? (
        <p>Fix the fields marked in the worksheet to see the numbers here.</p>
      ) : (
        <ol className="how-stages">
          {draft.stages.map((stage, i) => {
            const r = result.stages[i]
            if (!r) return null
            const p = result.prices
            const b = draft.batch ? ` × ${n(BATCH_FACTOR)}` : ''
            return (
              <li key={stage.id}>
                <strong>{stageTitle(stage.name, i)}</strong>
                <p>
                  {n(draft.jobsPerMonth)} jobs × {formatPercent(stage.reachShare)} ×{' '}
                  {n(stage.imagesPerJob)} images × {n(stage.retryMultiplier)} retries ×{' '}
                  {n(stage.outputsPerRequest)} per request ={' '}
                  <b>{n(r.billableImages)} billed images</b>
                </p>
                <p>
                  Output: {n(r.billableImages)} × ({n(r.outputTokensPerImage)} tokens at{' '}
                  {r.billedQuality} {stage.width}x{stage.height}
                  {stage.partialImages > 0 &&
                    ` + ${n(stage.partialImages * PARTIAL_IMAGE_TOKENS)} partial`}
                  ) = {n(r.tokensByMeter.imageOutput)} tokens × {rate(p.imageOutput)}
                  {b} = {money.format(r.costByMeter.imageOutput)}
                </p>
                <p>
                  Prompt: {n(r.billableImages)} × {n(stage.promptTokens)} tokens ={' '}
                  {n(r.tokensByMeter.textInput + r.tokensByMeter.cachedTextInput)} tokens at{' '}
                  {rate(p.textInput)} ({formatPercent(stage.cachedInputShare)} cached at{' '}
                  {rate(p.cachedTextInput)}){b} ={' '}
                  {money.format(r.costByMeter.textInput + r.costByMeter.cachedTextInput)}
                </p>
                {stage.referenceImages > 0 && (
                  <p>
                    References: {n(r.billableImages)} × {n(stage.referenceImages)} ×{' '}
                    {n(stage.referenceImageTokens)} tokens ={' '}
                    {n(r.tokensByMeter.imageInput + r.tokensByMeter.cachedImageInput)} tokens at{' '}
                    {rate(p.imageInput)} ({formatPercent(stage.cachedInputShare)} cached at{' '}
                    {rate(p.cachedImageInput)}){b} ={' '}
                    {money.format(r.costByMeter.imageInput + r.costByMeter.cachedImageInput)}
                  </p>
                )}
                <p>
                  Stage total: <b>{money.format(r.costUsd)}</b>
                </p>
              </li>
            )
          })}
        </ol>
      )}
      {result.ok && (
        <p>
          Monthly cost = sum of stages = <b>{money.format(result.monthlyCostUsd)}</b>. Cost per
          delivered image divides it by the {n(result.deliveredImages)} images kept at the stages
          that deliver final images (jobs reaching the stage × images per job); drafts and retries
          are paid for but not delivered.
        </p>
      )}
    </>
  )
}
