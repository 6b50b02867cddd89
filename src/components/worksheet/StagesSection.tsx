import { useActiveDraft, useActiveResult, useErrorsByPath } from '../../store/hooks'
import { findModel } from '../../domain/priceBook'
import { useWorksheet } from '../../store/worksheet'
import { StageCard } from './StageCard'
import './worksheet.css'
import { usePriceBook } from '../../store/priceBook'

export function StagesSection() {
  const draft = useActiveDraft()
  const book = usePriceBook()
  const result = useActiveResult()
  const errors = useErrorsByPath()
  const addStage = useWorksheet((s) => s.addStage)
  const model = findModel(book, draft.modelId)

  return (
    <section className="stages" aria-labelledby="stages-h">
      <div className="card section-head">
        <h2 id="stages-h">
          <span className="step">2</span> Workflow stages
        </h2>
        <p className="lede">
          One stage per step that generates images. Draft cheaply at low quality, then regenerate
          only the approved share at high quality: set the final stage&apos;s share of jobs to the
          share a person approves.
        </p>
      </div>
      {draft.stages.map((stage, i) => (
        <StageCard
          key={stage.id}
          stage={stage}
          index={i}
          count={draft.stages.length}
          model={model}
          errors={errors}
          notices={result.notices
            .filter((n) => n.path === `stages.${i}.size`)
            .map((n) => n.message)
            .join(' ')}
        />
      ))}
      {draft.stages.length === 0 && (
        <p className="card empty">This scenario has no stages yet, so it costs nothing.</p>
      )}
      <button type="button" className="add" onClick={addStage}>
        + Add stage
      </button>
    </section>
  )
}
