import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import type { DragEvent } from 'react'
import { formatCountOf, formatDuration, formatWholePercent } from '../../format/number'
import type { ColumnMapping } from '../../io/usageLog/columns'
import type { StatusMapping } from '../../io/usageLog/status'
import { importUsageLog } from '../../io/usageLog/import'
import type { UsageLogPhase, UsageLogReport } from '../../io/usageLog/import'
import { Panel } from '../ui/Panel'
import { FileButton } from '../ui/FileButton'
import { BillPanel } from './BillPanel'
import { ColumnMappingEditor } from './ColumnMappingEditor'
import { LogGroupsTable } from './LogGroupsTable'
import { NewScenarioPanel } from './NewScenarioPanel'
import { ReconcilePanel } from './ReconcilePanel'
import { ResponsesPanel } from './ResponsesPanel'
import { SkippedRows } from './SkippedRows'
import './usage.css'

const SAMPLE = `${import.meta.env.BASE_URL}sample-usage-log.csv`

const PHASE_TEXT: Readonly<Record<UsageLogPhase, string>> = {
  reading: 'Reading the file',
  parsing: 'Reading rows',
  summarising: 'Measuring each template and stage',
}

interface Progress {
  phase: UsageLogPhase
  fraction: number
}

/** Reading takes the first tenth of the bar, rows most of it, the summary the rest. */
function barValue({ phase, fraction }: Progress): number {
  if (phase === 'reading') return 0.05
  if (phase === 'parsing') return 0.1 + 0.8 * fraction
  return 0.95
}

const BILL_FORMATS: Readonly<Partial<Record<NonNullable<UsageLogReport['format']>, string>>> = {
  'cost export': 'OpenAI cost export',
  'costs api': 'Costs API pages',
  'usage api': 'Usage API pages for images',
  'saved responses': 'saved Images API responses',
}

function readSummary(r: UsageLogReport): string {
  const groups = r.summary?.groupCount ?? 0
  const billed = r.format === null ? undefined : BILL_FORMATS[r.format]
  const parts = [
    `${billed === undefined ? '' : `${billed}, `}${formatCountOf(r.rowCount, r.format === 'saved responses' ? 'response' : 'row')} read in ${formatDuration(r.elapsedMs)}`,
    r.bill
      ? formatCountOf(Math.max(r.bill.months.length, r.bill.images.length), 'month')
      : r.responses
        ? formatCountOf(r.responses.images, 'image')
        : formatCountOf(groups, 'template stage'),
  ]
  if (r.skippedCount > 0) parts.push(`${formatCountOf(r.skippedCount, 'row')} skipped`)
  return `${r.fileName}: ${parts.join(', ')}.`
}

export default function UsageLogPanels() {
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [report, setReport] = useState<UsageLogReport | null>(null)
  // Each log read starts the panels below afresh: a group picked in the last log may not exist.
  const [generation, setGeneration] = useState(0)
  const [dragging, setDragging] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const cancel = useRef<(() => void) | null>(null)
  /** Counts requests (files and the sample), so a late sample download cannot replace a newer file. */
  const requests = useRef(0)

  const read = useCallback((next: File, mapping?: ColumnMapping, statuses?: StatusMapping) => {
    // A newer file wins: the older read is stopped, not raced.
    requests.current++
    cancel.current?.()
    setFile(next)
    setProgress({ phase: 'reading', fraction: 0 })
    const job = importUsageLog(
      next,
      mapping,
      (phase, fraction) => {
        setProgress({ phase, fraction })
      },
      statuses,
    )
    cancel.current = job.cancel
    void job.done.then((r) => {
      if (cancel.current !== job.cancel) return
      cancel.current = null
      // A transition renders the result's tables in slices that yield to input, instead
      // of one task that drew them all (150-190 ms on a busy machine).
      startTransition(() => {
        setProgress(null)
        setReport(r)
        setGeneration((g) => g + 1)
      })
    })
  }, [])

  useEffect(
    () => () => {
      cancel.current?.()
    },
    [],
  )

  const trySample = async () => {
    // A file chosen while the sample downloads wins over the sample.
    const asked = ++requests.current
    try {
      const response = await fetch(SAMPLE)
      if (!response.ok) throw new Error(`HTTP ${String(response.status)}`)
      const blob = await response.blob()
      if (asked !== requests.current) return
      read(new File([blob], 'sample-usage-log.csv', { type: 'text/csv' }))
    } catch (error) {
      if (asked !== requests.current) return
      setLoadError(`The sample log could not be loaded (${String(error)}).`)
    }
  }
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const dropped = e.dataTransfer.files[0]
    setDragging(false)
    if (!dropped) return
    e.preventDefault()
    setLoadError(null)
    read(dropped)
  }

  return (
    <div className="usage-body">
      <div
        className={`card usage-drop${dragging ? ' dragging' : ''}`}
        // The page takes dropped files as scenario CSVs; this zone keeps its own.
        data-drop-zone="usage-log"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => {
          setDragging(false)
        }}
        onDrop={onDrop}
      >
        <div className="actions">
          <FileButton
            className="primary"
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv,application/json"
            inputLabel="Usage log file"
            onFile={(chosen) => {
              setLoadError(null)
              read(chosen)
            }}
          >
            Choose a usage log…
          </FileButton>
          <button type="button" onClick={() => void trySample()}>
            Try the sample log
          </button>
          <span className="muted">
            or drop a generation log (CSV or JSON Lines), an OpenAI cost export, Costs or Usage API
            pages, or saved Images API responses here.
          </span>
        </div>
        <p className="hint">
          One row per generated image or API call: template, stage, model, quality, size, n, status,
          and the API&apos;s usage tokens or a cost column when you have them. Column names are
          matched loosely and can be corrected after reading.
        </p>
        {progress && (
          <div className="usage-progress">
            <label>
              <span>
                {PHASE_TEXT[progress.phase]}
                {progress.phase === 'parsing' && ` (${formatWholePercent(progress.fraction)})`}…
              </span>
              <progress max={1} value={barValue(progress)} aria-label="Reading the usage log" />
            </label>
          </div>
        )}
        <p role="status" className="status">
          {progress ? '' : (loadError ?? (report && !report.error ? readSummary(report) : ''))}
        </p>
        {!progress && report?.error && (
          <p role="alert" className="error-text">
            {report.fileName}: {report.error}
          </p>
        )}
      </div>

      {report && (
        <>
          {report.headers.length > 0 && file && (
            <ColumnMappingEditor
              headers={report.headers}
              mapping={report.mapping}
              unusedHeaders={report.unusedHeaders}
              statusValues={report.statusValues}
              busy={progress !== null}
              onApply={(mapping, statuses) => {
                read(file, mapping, statuses)
              }}
            />
          )}
          <SkippedRows
            skippedCount={report.skippedCount}
            skipped={report.skipped}
            notices={report.notices}
          />
          {report.bill && <BillPanel bill={report.bill} />}
          {report.responses && <ResponsesPanel responses={report.responses} />}
          {report.summary && (
            <>
              <Panel title="What the log measured" className="wide">
                <LogGroupsTable summary={report.summary} />
              </Panel>
              <div className="panel-grid" key={generation}>
                <ReconcilePanel summary={report.summary} />
                <NewScenarioPanel summary={report.summary} />
              </div>
            </>
          )}
        </>
      )}
    </div>
  )
}
