import { useId, useState } from 'react'
import { findModel } from '../../domain/priceBook'
import { scenarioNameProblem } from '../../domain/scenarioNames'
import { useActiveDraft, useErrorsByPath } from '../../store/hooks'
import { useWorksheet } from '../../store/worksheet'
import { NumberField } from '../ui/NumberField'
import { usePriceBook } from '../../store/priceBook'
import { formatCount } from '../../format/number'
import { shortName } from '../ui/names'
import { isCustomModelId } from '../../domain/customModels'
import { CustomModels } from '../models/CustomModels'

/**
 * Longest name the name field holds. A text field lays out its whole value: a name of
 * 10 MB from a file froze the page for seconds each time the field was drawn.
 */
const NAME_FIELD_MAX = 10_000

export function ScenarioSection() {
  const draft = useActiveDraft()
  const book = usePriceBook()
  const errors = useErrorsByPath()
  const editScenario = useWorksheet((s) => s.editScenario)
  const typeNumber = useWorksheet((s) => s.typeScenarioNumber)
  const nameId = useId()
  const modelId = useId()
  const batchId = useId()
  const model = findModel(book, draft.modelId)
  const longName = draft.name.length > NAME_FIELD_MAX
  const otherNames = useWorksheet((s) => s.scenarios)
  // A name that is blank or taken stays in the field with its reason, and
  // reaches the scenario only once it is unique (docs/csv-format.md).
  const [typedName, setTypedName] = useState<{ id: string; text: string } | null>(null)
  const others = () => new Set(otherNames.filter((d) => d.id !== draft.id).map((d) => d.name))
  const pending = typedName?.id === draft.id ? typedName.text : null
  const nameProblem = pending === null ? null : scenarioNameProblem(pending, others())
  // Once nothing stands in its way (the other scenario renamed, say), the field shows the name again.
  const typed = nameProblem === null ? null : pending

  return (
    <section className="card" aria-labelledby={`${nameId}-h`}>
      <h2 id={`${nameId}-h`}>
        <span className="step">1</span> What triggers generation?
      </h2>
      <p className="lede">
        Name the event (a signup, a new listing, a campaign) and how often it happens in a month.
      </p>
      <div className="grid">
        <div className={nameProblem ? 'field wide invalid' : 'field wide'}>
          <label htmlFor={nameId}>Scenario name</label>
          <input
            id={nameId}
            type="text"
            value={typed ?? (longName ? shortName(draft.name, NAME_FIELD_MAX) : draft.name)}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={
              nameProblem ? `${nameId}-error` : longName ? `${nameId}-long` : undefined
            }
            onChange={(e) => {
              const text = e.target.value
              if (scenarioNameProblem(text, others()) === null) {
                setTypedName(null)
                editScenario({ name: text }, 'name')
              } else {
                setTypedName({ id: draft.id, text })
              }
            }}
          />
          {nameProblem && (
            <p id={`${nameId}-error`} className="error-text">
              {nameProblem}
            </p>
          )}
          {longName && !nameProblem && (
            <p id={`${nameId}-long`} className="hint">
              This name is {formatCount(draft.name.length)} characters long: the field shows its
              first {formatCount(NAME_FIELD_MAX)}, and the scenario keeps it whole. Typing here
              replaces it with what the field shows (Undo brings it back).
            </p>
          )}
        </div>
        <div className={errors.has('modelId') ? 'field invalid' : 'field'}>
          <label htmlFor={modelId}>Model</label>
          <select
            id={modelId}
            value={draft.modelId}
            aria-invalid={errors.has('modelId') || undefined}
            aria-describedby={errors.has('modelId') ? `${modelId}-error` : undefined}
            onChange={(e) => {
              editScenario({ modelId: e.target.value })
            }}
          >
            {!model && (
              <option value={draft.modelId}>
                {draft.modelId} ({isCustomModelId(draft.modelId) ? 'removed' : 'unknown'})
              </option>
            )}
            {Object.values(book).map((m) => (
              <option key={m.id} value={m.id}>
                {/* A custom model's id is made up; its name, marked "(custom)", is what people know. */}
                {m.custom ? m.label : m.id}
                {m.status === 'available' ? '' : ` (${m.status})`}
              </option>
            ))}
          </select>
          {errors.has('modelId') && (
            <p id={`${modelId}-error`} className="error-text">
              {errors.get('modelId')}
            </p>
          )}
          {model?.statusNote && <p className="hint">{model.statusNote}</p>}
          <CustomModels />
        </div>
        <NumberField
          label="Jobs per month"
          value={draft.jobsPerMonth}
          text={draft.text?.jobsPerMonth}
          error={errors.get('jobsPerMonth')}
          hint="Users, listings or campaigns that trigger generation each month."
          onType={(t) => {
            typeNumber('jobsPerMonth', t)
          }}
        />
        <div className="field checkbox">
          <input
            id={batchId}
            type="checkbox"
            checked={draft.batch}
            aria-describedby={`${batchId}-hint`}
            onChange={(e) => {
              editScenario({ batch: e.target.checked })
            }}
          />
          <label htmlFor={batchId}>Batch API (50% off)</label>
          <p id={`${batchId}-hint`} className="hint">
            Every meter at half price, for jobs that can wait up to 24 hours.
          </p>
        </div>
      </div>
    </section>
  )
}
