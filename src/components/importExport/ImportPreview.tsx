import { useEffect, useId, useMemo, useRef } from 'react'
import type { CsvImportResult } from '../../io/csv/format'
import type { Scenario } from '../../domain/model'
import { formatCount, formatCountOf } from '../../format/number'
import { computeScenario } from '../../domain/engine'
import './importExport.css'
import { withCustomModels } from '../../domain/customModels'
import { PRICE_BOOK } from '../../presets/priceBook'
import { LongName } from '../ui/LongName'
import { useMoney } from '../currency/useMoney'
import { shortName } from '../ui/names'
import { uniqueScenarioNames } from '../../domain/scenarioNames'
import { useWorksheet } from '../../store/worksheet'

/**
 * Scenarios listed in the preview. A file of thousands drew and priced every one before
 * the dialog could open; the count above the table and the buttons cover the rest.
 */
export const PREVIEW_ROWS = 100

interface Props {
  /** Where the scenarios came from, e.g. 'budget.csv' or 'a share link'. */
  source: string
  result: CsvImportResult
  onImport: (scenarios: Scenario[], mode: 'add' | 'replace') => void
  onCancel: () => void
}

/** Renamed scenarios named in the preview; the rest are counted. */
const RENAMES_LISTED = 5

/**
 * The numbers names will get, said before the person chooses: names are unique within a
 * worksheet, so a scenario whose name is in use (or repeats in the file) is added as
 * "Name (2)". Replacing keeps every name the file does not repeat.
 */
function RenameNote({ scenarios }: { scenarios: readonly Scenario[] }) {
  const drafts = useWorksheet((s) => s.scenarios)
  const names = scenarios.map((s) => s.name)
  const renames = (taken: ReadonlySet<string>) => {
    const given = uniqueScenarioNames(names, taken)
    return names.flatMap((from, i) => (given[i] === from ? [] : [{ from, to: given[i] ?? from }]))
  }
  const note = { add: renames(new Set(drafts.map((d) => d.name))), replace: renames(new Set()) }
  if (note.add.length === 0) return null
  const list = note.add
    .slice(0, RENAMES_LISTED)
    .map(({ from, to }) => `“${shortName(from, 60)}” as “${shortName(to, 60)}”`)
    .join(', ')
  const more = note.add.length - RENAMES_LISTED
  return (
    <p className="hint">
      Names are unique within a worksheet. Add gives {formatCountOf(note.add.length, 'scenario')} a
      number: {list}
      {more > 0 ? `, and ${formatCount(more)} more` : ''}.
      {note.replace.length === 0
        ? ' Replace keeps every name.'
        : ` Replace numbers ${formatCountOf(note.replace.length, 'scenario')} the file names twice.`}
    </p>
  )
}

/**
 * What a file or link holds, before anything changes: its scenarios with
 * their totals and every problem with its row and column. Nothing is imported
 * until the person chooses; a file with errors imports only its valid scenarios.
 */
export function ImportPreview({ source, result, onImport, onCancel }: Props) {
  const money = useMoney()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Priced as the import checked them: the price book and the file's own custom models
  // (a model of this worksheet with the same id may differ; importing adds it renamed).
  const book = useMemo(() => withCustomModels(PRICE_BOOK, result.models ?? []), [result.models])
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const valid = result.scenarios.filter((s) => s.errors.length === 0)
  const invalidCount = result.scenarios.length - valid.length
  const errors = result.problems.filter((p) => p.severity === 'error')
  const notices = result.problems.filter((p) => p.severity === 'notice')
  const scenarios = valid.map((s) => s.scenario)
  const count = formatCountOf(valid.length, invalidCount > 0 ? 'valid scenario' : 'scenario')

  return (
    <dialog
      ref={ref}
      className="import-preview"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id={titleId}>Import preview: {source}</h2>
      <p>
        {result.scenarios.length === 0
          ? 'No scenario could be read. Nothing has changed.'
          : `Found ${formatCountOf(result.scenarios.length, 'scenario')}` +
            (invalidCount > 0
              ? `, ${formatCount(invalidCount)} with errors that cannot be imported`
              : '') +
            '. Nothing changes until you choose below.'}
      </p>
      {result.scenarios.length > 0 && (
        <table className="breakdown">
          <caption>Scenarios in the file</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Rows</th>
              <th scope="col">Stages</th>
              <th scope="col">Monthly cost</th>
            </tr>
          </thead>
          <tbody>
            {result.scenarios.slice(0, PREVIEW_ROWS).map((s) => {
              const r = s.errors.length === 0 ? computeScenario(s.scenario, book) : null
              return (
                // A scenario's first row is unique in its file; a name may be megabytes.
                <tr key={s.firstRow}>
                  <th scope="row">
                    <LongName text={s.name} />
                  </th>
                  <td>
                    {s.firstRow === s.lastRow
                      ? formatCount(s.firstRow)
                      : `${formatCount(s.firstRow)}–${formatCount(s.lastRow)}`}
                  </td>
                  <td>{formatCount(s.scenario.stages.length)}</td>
                  <td>
                    {r?.ok
                      ? money.format(r.monthlyCostUsd)
                      : formatCountOf(s.errors.length, 'error')}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {result.scenarios.length > PREVIEW_ROWS && (
        <p className="hint">
          The first {formatCount(PREVIEW_ROWS)} scenarios are listed; all{' '}
          {formatCount(result.scenarios.length)} are checked, and the buttons below act on every
          valid one.
        </p>
      )}
      {(errors.length > 0 || notices.length > 0) && (
        <div className="problems">
          <table className="breakdown">
            <caption>
              Problems ({formatCountOf(errors.length, 'error')},{' '}
              {formatCountOf(notices.length, 'notice')})
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {[...errors, ...notices].slice(0, 500).map((p, i) => (
                <tr key={i} className={p.severity}>
                  <td>{p.row === null ? 'file' : formatCount(p.row)}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>
                    {p.severity === 'notice' && <span className="tag">notice</span>} {p.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors.length + notices.length > 500 && (
            <p className="hint">The first 500 problems are listed; fix these and import again.</p>
          )}
        </div>
      )}
      {valid.length > 0 && <RenameNote scenarios={scenarios} />}
      <div className="dialog-actions">
        {valid.length > 0 && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => {
                onImport(scenarios, 'add')
              }}
            >
              Add {count}
            </button>
            <button
              type="button"
              onClick={() => {
                onImport(scenarios, 'replace')
              }}
            >
              Replace my scenarios with {count}
            </button>
          </>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
