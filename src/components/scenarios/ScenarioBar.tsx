import { useId } from 'react'
import { defaultScenario } from '../../presets/defaultScenario'
import { USE_CASE_PRESETS, isUseCasePresetId, presetScenario } from '../../presets/useCases'
import { useScenarioNames } from '../../store/hooks'
import type { ScenarioName } from '../../store/hooks'
import { useWorksheet } from '../../store/worksheet'
import { LongName } from '../ui/LongName'
import { scenarioFullTitle, scenarioTitle } from '../ui/names'
import { ScenarioFinder } from './ScenarioFinder'
import { useScenarioPage } from './useScenarioPage'
import './scenarios.css'

// The worksheet never lets its last scenario go; this only stands in for the type's sake.
const NONE: ScenarioName = { id: '', name: '' }

/**
 * The scenarios kept in this browser: pick one to edit, add, copy, reorder or
 * delete. A long list is searched and paged rather than drawn whole.
 */
export function ScenarioBar() {
  // Names and ids only: the bar is not redrawn for each number typed into the worksheet.
  const scenarios = useScenarioNames()
  const activeId = useWorksheet((s) => s.activeId)
  const active = scenarios.find((d) => d.id === activeId) ?? scenarios[0] ?? NONE
  const select = useWorksheet((s) => s.selectScenario)
  const add = useWorksheet((s) => s.addScenario)
  const duplicate = useWorksheet((s) => s.duplicateScenario)
  const remove = useWorksheet((s) => s.deleteScenario)
  const move = useWorksheet((s) => s.moveScenario)
  const addId = useId()
  const index = scenarios.indexOf(active)
  const label = active.name.trim() === '' ? 'this scenario' : scenarioTitle(active.name)
  const pager = useScenarioPage(scenarios, active.id)

  return (
    <nav className="scenario-bar" aria-label="Scenarios">
      <ScenarioFinder pager={pager} label="Find a scenario" noun="scenarios" onPick={select} />
      <ul className="scenario-list">
        {pager.items.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="scenario-tab"
              aria-current={d.id === active.id ? 'true' : undefined}
              onClick={() => {
                select(d.id)
              }}
            >
              <LongName text={scenarioFullTitle(d.name)} />
            </button>
          </li>
        ))}
      </ul>
      <div className="scenario-actions">
        <label htmlFor={addId} className="visually-hidden">
          New scenario
        </label>
        <select
          id={addId}
          value=""
          onChange={(e) => {
            const v = e.target.value
            if (isUseCasePresetId(v)) add(presetScenario(v), v)
            else if (v === 'example') add(defaultScenario())
          }}
        >
          <option value="" disabled>
            + New scenario…
          </option>
          <optgroup label="From a use case">
            {USE_CASE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </optgroup>
          <option value="example">Draft + final example</option>
        </select>
        <button
          type="button"
          onClick={() => {
            duplicate(active.id)
          }}
        >
          Duplicate
        </button>
        <button
          type="button"
          aria-label={`Move ${label} left`}
          disabled={index <= 0}
          onClick={() => {
            move(active.id, -1)
          }}
        >
          ←
        </button>
        <button
          type="button"
          aria-label={`Move ${label} right`}
          disabled={index >= scenarios.length - 1}
          onClick={() => {
            move(active.id, 1)
          }}
        >
          →
        </button>
        <button
          type="button"
          className="danger"
          disabled={scenarios.length === 1}
          title={scenarios.length === 1 ? 'The last scenario cannot be deleted' : undefined}
          onClick={() => {
            remove(active.id)
          }}
        >
          Delete
        </button>
      </div>
    </nav>
  )
}
