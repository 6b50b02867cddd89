import { memo, useId, useState } from 'react'
import { findModel } from '../../domain/priceBook'
import { scenarioNameProblem } from '../../domain/scenarioNames'
import { useActiveDraft, useErrorsByPath, useScenarioNames } from '../../store/hooks'
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

/**
 * Step 1. Only "Jobs per month" follows every keystroke typed into it; the name, model and
 * Batch fields are drawn again only when what they show changes (issue 15): React rewrites an
 * input's name and type and a select's every option each time it renders one.
 */
export function ScenarioSection() {
  const draft = useActiveDraft()
  const errors = useErrorsByPath()
  const typeNumber = useWorksheet((s) => s.typeScenarioNumber)
  const headingId = useId()

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className="step">1</span> What triggers generation?
      </h2>
      <p className="lede">
        Name the event (a signup, a new listing, a campaign) and how often it happens in a month.
      </p>
      <div className="grid">
        <NameField scenarioId={draft.id} name={draft.name} />
        <ModelField modelId={draft.modelId} error={errors.get('modelId')} />
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
        <BatchField batch={draft.batch} />
      </div>
    </section>
  )
}

const NameField = memo(function NameField({
  scenarioId,
  name,
}: {
  scenarioId: string
  name: string
}) {
  const editScenario = useWorksheet((s) => s.editScenario)
  const names = useScenarioNames()
  const nameId = useId()
  const longName = name.length > NAME_FIELD_MAX
  // A name that is blank or taken stays in the field with its reason, and
  // reaches the scenario only once it is unique (docs/csv-format.md).
  const [typedName, setTypedName] = useState<{ id: string; text: string } | null>(null)
  const others = () => new Set(names.filter((d) => d.id !== scenarioId).map((d) => d.name))
  const pending = typedName?.id === scenarioId ? typedName.text : null
  const nameProblem = pending === null ? null : scenarioNameProblem(pending, others())
  // Once nothing stands in its way (the other scenario renamed, say), the field shows the name again.
  const typed = nameProblem === null ? null : pending

  return (
    <div className={nameProblem ? 'field wide invalid' : 'field wide'}>
      <label htmlFor={nameId}>Scenario name</label>
      <input
        id={nameId}
        type="text"
        value={typed ?? (longName ? shortName(name, NAME_FIELD_MAX) : name)}
        aria-invalid={nameProblem ? true : undefined}
        aria-describedby={nameProblem ? `${nameId}-error` : longName ? `${nameId}-long` : undefined}
        onChange={(e) => {
          const text = e.target.value
          if (scenarioNameProblem(text, others()) === null) {
            setTypedName(null)
            editScenario({ name: text }, 'name')
          } else {
            setTypedName({ id: scenarioId, text })
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
          This name is {formatCount(name.length)} characters long: the field shows its first{' '}
          {formatCount(NAME_FIELD_MAX)}, and the scenario keeps it whole. Typing here replaces it
          with what the field shows (Undo brings it back).
        </p>
      )}
    </div>
  )
})

const ModelField = memo(function ModelField({
  modelId,
  error,
}: {
  modelId: string
  error: string | undefined
}) {
  const editScenario = useWorksheet((s) => s.editScenario)
  const book = usePriceBook()
  const id = useId()
  const model = findModel(book, modelId)
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>Model</label>
      <select
        id={id}
        value={modelId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          editScenario({ modelId: e.target.value })
        }}
      >
        {!model && (
          <option value={modelId}>
            {modelId} ({isCustomModelId(modelId) ? 'removed' : 'unknown'})
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
      {error && (
        <p id={`${id}-error`} className="error-text">
          {error}
        </p>
      )}
      {model?.statusNote && <p className="hint">{model.statusNote}</p>}
      <CustomModels />
    </div>
  )
})

const BatchField = memo(function BatchField({ batch }: { batch: boolean }) {
  const editScenario = useWorksheet((s) => s.editScenario)
  const id = useId()
  return (
    <div className="field checkbox">
      <input
        id={id}
        type="checkbox"
        checked={batch}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          editScenario({ batch: e.target.checked })
        }}
      />
      <label htmlFor={id}>Batch API (50% off)</label>
      <p id={`${id}-hint`} className="hint">
        Every meter at half price, for jobs that can wait up to 24 hours.
      </p>
    </div>
  )
})
