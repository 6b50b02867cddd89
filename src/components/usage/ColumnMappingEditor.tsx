import { useId, useState } from 'react'
import type { ColumnMapping, UsageField } from '../../io/usageLog/columns'
import { USAGE_FIELDS } from '../../io/usageLog/columns'
import { FIELD_LABELS } from './labels'
import { formatCount } from '../../format/number'

const NONE = ''

/**
 * The columns each field was read from, as guessed from the header names.
 * A person can point a field at another column (or none) and read the file
 * again; nothing changes until they do.
 */
export function ColumnMappingEditor({
  headers,
  mapping,
  unusedHeaders,
  busy,
  onApply,
}: {
  headers: readonly string[]
  mapping: ColumnMapping
  unusedHeaders: readonly string[]
  busy: boolean
  onApply: (mapping: ColumnMapping) => void
}) {
  const [edited, setEdited] = useState<ColumnMapping>(mapping)
  const [from, setFrom] = useState(mapping)
  // A new file (or a re-read) brings a new guess: start again from it.
  if (from !== mapping) {
    setFrom(mapping)
    setEdited(mapping)
  }
  const id = useId()
  const changed = USAGE_FIELDS.some((f) => edited[f] !== mapping[f])
  const recognised = USAGE_FIELDS.filter((f) => mapping[f] !== null).length
  const set = (field: UsageField, column: string) => {
    setEdited({ ...edited, [field]: column === NONE ? null : column })
  }

  return (
    <details className="usage-columns">
      <summary>
        Columns: {formatCount(recognised)} of {formatCount(USAGE_FIELDS.length)} fields recognised
        {unusedHeaders.length > 0 && `, ${formatCount(unusedHeaders.length)} column(s) not used`}
      </summary>
      <p className="hint">
        Point a field at the column that holds it, then read the file again. Fields without a column
        are treated as not logged.
      </p>
      <div className="mapping-grid">
        {USAGE_FIELDS.map((field) => (
          <label key={field} htmlFor={`${id}-${field}`}>
            <span>{FIELD_LABELS[field]}</span>
            <select
              id={`${id}-${field}`}
              value={edited[field] ?? NONE}
              onChange={(e) => {
                set(field, e.target.value)
              }}
            >
              <option value={NONE}>(none)</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {unusedHeaders.length > 0 && <p className="hint">Not used: {unusedHeaders.join(', ')}</p>}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!changed || busy}
          onClick={() => {
            onApply(edited)
          }}
        >
          Read the log again with these columns
        </button>
        <button
          type="button"
          disabled={!changed || busy}
          onClick={() => {
            setEdited(mapping)
          }}
        >
          Undo column changes
        </button>
      </div>
    </details>
  )
}
