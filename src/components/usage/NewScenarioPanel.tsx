import { useMemo, useState } from 'react'
import { plural } from '../../domain/usage/plural'
import type { UsageSummary } from '../../domain/usage/summary'
import { scenarioFromLog } from '../../domain/usage/scenarioFromLog'
import { blankStage } from '../../domain/model'
import { DEFAULT_MODEL_ID } from '../../presets/priceBook'
import { formatCount } from '../../format/number'
import { computeScenario } from '../../domain/engine'
import { useWorksheet } from '../../store/worksheet'
import { fullTitle, shortText } from './labels'
import { NotesList } from '../ui/NotesList'
import { Panel } from '../ui/Panel'
import { usePriceBook } from '../../store/priceBook'
import { useMoney } from '../currency/useMoney'

const MAX_PICKABLE = 200

/** A scenario built from one template's log: every stage measured, sized to the log's volume. */
export function NewScenarioPanel({ summary }: { summary: UsageSummary }) {
  const money = useMoney()
  // Only templates whose every stage the worker sent: a scenario needs all of them.
  const templates = summary.templates
  const [template, setTemplate] = useState(templates[0] ?? '')
  const [status, setStatus] = useState('')
  const addScenario = useWorksheet((s) => s.addScenario)
  const book = usePriceBook()
  const made = useMemo(
    () => scenarioFromLog(summary.groups, template, book, DEFAULT_MODEL_ID, blankStage),
    [summary, template, book],
  )
  const result = made.ok ? computeScenario(made.scenario, book) : null

  return (
    <Panel
      title="New scenario from the log"
      lede="One stage per logged stage of a template, with its measured retry multiplier, quality, size and tokens."
    >
      <div className="usage-pick">
        <label>
          <span>Template</span>
          <select
            value={template}
            onChange={(e) => {
              setTemplate(e.target.value)
              setStatus('')
            }}
          >
            {/* A select of 50,000 templates freezes the page: the first few hundred, and the one picked. */}
            {(templates.slice(0, MAX_PICKABLE).includes(template)
              ? templates.slice(0, MAX_PICKABLE)
              : [template, ...templates.slice(0, MAX_PICKABLE)]
            ).map((t) => (
              <option key={t} value={t} title={fullTitle(t)}>
                {t === '' ? '(no template)' : shortText(t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!made.ok ? (
        <p className="muted">{made.reason}</p>
      ) : (
        <>
          <p>
            {plural(made.scenario.stages.length, 'stage')},{' '}
            {formatCount(made.scenario.jobsPerMonth)} jobs a month
            {result?.ok && <>: {money.format(result.monthlyCostUsd)} a month at list prices</>}.
          </p>
          <NotesList notes={made.notes} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                addScenario(made.scenario)
                setStatus(
                  `Added "${shortText(made.scenario.name)}" and opened it in the worksheet. Undo removes it.`,
                )
              }}
            >
              {/* A 10,000-character template name laid out in a button took a long task. */}
              Create scenario “{shortText(made.scenario.name)}”
            </button>
          </div>
        </>
      )}
      <p role="status" className="status">
        {status}
      </p>
    </Panel>
  )
}
