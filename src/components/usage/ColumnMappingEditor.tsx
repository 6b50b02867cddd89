import { useId, useMemo, useState } from 'react'
import type { UsageStatus } from '../../domain/usage/rows'
import { USAGE_STATUSES } from '../../domain/usage/rows'
import type { ColumnMapping, UsageField } from '../../io/usageLog/columns'
import { USAGE_FIELDS } from '../../io/usageLog/columns'
import type { StatusValue } from '../../io/usageLog/rowReader'
import type { StatusMapping } from '../../io/usageLog/status'
import { FIELD_LABELS, fullTitle, PAGE, shortText, STATUS_LABELS } from './labels'
import { formatCount } from '../../format/number'

const NONE = ''

/** The select's value for "not known: leave the rows out". */
const LEAVE_OUT = ''

const SOURCE_TEXT: Readonly<Record<StatusValue['source'], string>> = {
  synonym: 'usual synonym',
  yours: 'mapped by you',
  none: 'not known: rows left out',
}

const asMapping = (values: readonly StatusValue[]): StatusMapping =>
  values.map((v) => ({ value: v.value, status: v.status }))

/**
 * The columns each field was read from, as guessed from the header names,
 * and what each status value the app does not know by itself counts as.
 * A person can point a field at another column (or none), map a status
 * value, and read the file again; nothing changes until they do.
 */
export function ColumnMappingEditor({
  headers,
  mapping,
  unusedHeaders,
  statusValues,
  busy,
  onApply,
}: {
  headers: readonly string[]
  mapping: ColumnMapping
  unusedHeaders: readonly string[]
  statusValues: readonly StatusValue[]
  busy: boolean
  onApply: (mapping: ColumnMapping, statusMapping: StatusMapping) => void
}) {
  const [edited, setEdited] = useState<ColumnMapping>(mapping)
  const [statuses, setStatuses] = useState<StatusMapping>(() => asMapping(statusValues))
  const [from, setFrom] = useState(mapping)
  const [fromValues, setFromValues] = useState(statusValues)
  // A new file (or a re-read) brings a new guess: start again from it.
  if (from !== mapping || fromValues !== statusValues) {
    setFrom(mapping)
    setFromValues(statusValues)
    setEdited(mapping)
    setStatuses(asMapping(statusValues))
  }
  const id = useId()
  const statusesChanged = statuses.some((m, i) => m.status !== statusValues[i]?.status)
  const changed = statusesChanged || USAGE_FIELDS.some((f) => edited[f] !== mapping[f])
  const unmapped = statusValues.filter((v) => v.status === null).length
  // 16 selects of 100,000 headers each are 1.6 million nodes: past a page of
  // headers, each select lists the matches of a filter, at most a page of them.
  const [filter, setFilter] = useState('')
  const many = headers.length > PAGE
  const listed = useMemo(() => {
    if (!many) return headers
    const wanted = filter.trim().toLowerCase()
    const out: string[] = []
    for (const h of headers) {
      if (out.length === PAGE) break
      if (h.toLowerCase().includes(wanted)) out.push(h)
    }
    return out
  }, [headers, filter, many])
  const optionsFor = (field: UsageField): readonly string[] => {
    const current = edited[field]
    return current === null || listed.includes(current) ? listed : [current, ...listed]
  }
  const recognised = USAGE_FIELDS.filter((f) => mapping[f] !== null).length
  const set = (field: UsageField, column: string) => {
    setEdited({ ...edited, [field]: column === NONE ? null : column })
  }

  return (
    // Opened when a status is not known: its rows are out of every figure until mapped.
    <details className="usage-columns" open={unmapped > 0 || undefined}>
      <summary>
        Columns: {formatCount(recognised)} of {formatCount(USAGE_FIELDS.length)} fields recognised
        {unusedHeaders.length > 0 && `, ${formatCount(unusedHeaders.length)} column(s) not used`}
        {unmapped > 0 && `, ${formatCount(unmapped)} status value(s) not known`}
      </summary>
      <p className="hint">
        Point a field at the column that holds it, then read the file again. Fields without a column
        are treated as not logged.
      </p>
      {many && (
        <label className="usage-filter">
          <span>Filter columns</span>
          <input
            type="search"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value)
            }}
          />
          <span className="hint">
            The file has {headers.length.toLocaleString('en-US')} columns: each list shows the first{' '}
            {PAGE} whose name contains the filter.
          </span>
        </label>
      )}
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
              {optionsFor(field).map((h) => (
                <option key={h} value={h} title={fullTitle(h)}>
                  {shortText(h)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {unusedHeaders.length > 0 && (
        <p className="hint">
          Not used:{' '}
          {unusedHeaders
            .slice(0, PAGE)
            .map((h) => shortText(h))
            .join(', ')}
          {unusedHeaders.length > PAGE &&
            ` and ${(unusedHeaders.length - PAGE).toLocaleString('en-US')} more`}
        </p>
      )}
      {statusValues.length > 0 && (
        <fieldset className="status-values">
          <legend>Status values</legend>
          <p className="hint">
            What each logged status counts as. Rows whose status is not known are left out of every
            figure until you map it.
          </p>
          <div className="mapping-grid">
            {statusValues.map((v, i) => (
              <label key={v.value} htmlFor={`${id}-status-${String(i)}`}>
                <span title={fullTitle(v.value)}>
                  {shortText(v.value)} ({v.rows} row{v.rows === 1 ? '' : 's'},{' '}
                  {SOURCE_TEXT[v.source]})
                </span>
                <select
                  id={`${id}-status-${String(i)}`}
                  value={statuses[i]?.status ?? LEAVE_OUT}
                  onChange={(e) => {
                    const status =
                      e.target.value === LEAVE_OUT ? null : (e.target.value as UsageStatus)
                    setStatuses(statuses.map((m, j) => (j === i ? { ...m, status } : m)))
                  }}
                >
                  <option value={LEAVE_OUT}>(not known: leave out)</option>
                  {USAGE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!changed || busy}
          onClick={() => {
            onApply(edited, statuses)
          }}
        >
          Read the log again with these columns
        </button>
        <button
          type="button"
          disabled={!changed || busy}
          onClick={() => {
            setEdited(mapping)
            setStatuses(asMapping(statusValues))
          }}
        >
          Undo column changes
        </button>
      </div>
    </details>
  )
}
