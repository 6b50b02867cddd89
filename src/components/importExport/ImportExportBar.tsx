import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react'
import { toScenario } from '../../domain/draft'
import type { Scenario } from '../../domain/model'
import type { CsvImportResult } from '../../io/csv/format'
import { importCsvFile } from '../../io/csv/importFile'
import type { ImportPhase, ImportProgress } from '../../io/csv/importFile'
import { usePriceBook } from '../../store/priceBook'
import { comparedDrafts } from '../../store/comparedDrafts'
import { useWorksheet } from '../../store/worksheet'
import { fileNameFor } from './download'
import { downloadText } from '../ui/download'
import { FileButton } from '../ui/FileButton'
import { ShareButton } from '../share/ShareButton'
import { formatCountOf, formatPercent } from '../../format/number'
import './importExport.css'
import { useCurrency } from '../../store/useCurrency'

// Only an import opens the preview: it loads then, not with the first paint.
const ImportPreview = lazy(() =>
  import('./ImportPreview').then((m) => ({ default: m.ImportPreview })),
)

interface Pending {
  source: string
  result: CsvImportResult
}

const PHASE_TEXT: Record<ImportPhase, string> = {
  reading: 'Reading the file…',
  checking: 'Checking every row…',
}

/**
 * Opens a preview for a share link in the address bar, then clears it from the
 * address: at load, and whenever a link is pasted into this open tab (the
 * fragment changes without a reload, so only `hashchange` tells).
 */
function useShareLinkPreview(open: (p: Pending) => void) {
  useEffect(() => {
    let live = true
    const check = () => {
      // Checked here rather than with readShareHash: importing src/io/shareLink would pull
      // papaparse into the first paint of every visit.
      if (new URLSearchParams(window.location.hash.slice(1)).get('s') === null) return
      const hash = window.location.hash
      void import('../../io/shareLink').then(async ({ decodeShareLink }) => {
        const decoded = await decodeShareLink(hash)
        if (!live) return
        // replaceState fires no hashchange, so clearing the address reopens nothing.
        if (window.location.hash === hash) {
          history.replaceState(null, '', window.location.pathname + window.location.search)
        }
        open({
          source: 'a share link',
          result: decoded.ok
            ? decoded.import
            : {
                scenarios: [],
                problems: [
                  { row: null, column: null, message: decoded.message, severity: 'error' },
                ],
                delimiter: ',',
                decimalComma: false,
              },
        })
      })
    }
    check()
    window.addEventListener('hashchange', check)
    return () => {
      live = false
      window.removeEventListener('hashchange', check)
    }
  }, [open])
}

export function ImportExportBar() {
  const importScenarios = useWorksheet((s) => s.importScenarios)
  // What the exports and the share link carry is read when they are pressed: following the
  // scenarios here redrew the bar on every keystroke.
  const anyCompared = useWorksheet((s) => {
    const out = new Set(s.compareExcluded)
    return s.scenarios.some((d) => !out.has(d.id))
  })
  const book = usePriceBook()
  const shownIn = useCurrency().code
  const compared = useCallback(() => {
    const { scenarios, compareExcluded } = useWorksheet.getState()
    return comparedDrafts(scenarios, compareExcluded).map(toScenario)
  }, [])
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [status, setStatus] = useState('')
  const [dragging, setDragging] = useState(false)

  useShareLinkPreview(setPending)

  // The latest file chosen wins: choosing another cancels the one being read,
  // so an earlier, slower file can never replace the later one's preview.
  const running = useRef<AbortController | null>(null)
  const readFile = useCallback(async (file: File) => {
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setStatus('')
    setProgress({ phase: 'reading', share: null })
    const result = await importCsvFile(
      file,
      (p) => {
        if (!controller.signal.aborted) setProgress(p)
      },
      controller.signal,
    )
    if (result === null || controller.signal.aborted) return
    running.current = null
    setProgress(null)
    setPending({ source: file.name, result })
  }, [])

  // The whole window accepts a dropped file, as a spreadsheet does, except a
  // zone that reads its own kind of file (the usage log).
  useEffect(() => {
    const ownZone = (e: DragEvent) =>
      e.target instanceof Element && e.target.closest('[data-drop-zone]') !== null
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return
      if (ownZone(e)) {
        setDragging(false)
        return
      }
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0]
      if (!file || ownZone(e)) return
      e.preventDefault()
      setDragging(false)
      void readFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [readFile])

  const exportCsv = async (list: Scenario[]) => {
    const { exportScenariosCsv } = await import('../../io/csv/export')
    downloadText({
      fileName: fileNameFor(list.map((s) => s.name)),
      text: exportScenariosCsv(list, book),
    })
    setStatus(
      shownIn === 'USD'
        ? `Exported ${formatCountOf(list.length, 'scenario')}.`
        : `Exported ${formatCountOf(list.length, 'scenario')}, in USD: CSV files keep prices in US dollars, whatever currency the worksheet shows (${shownIn} here).`,
    )
  }

  return (
    <div className="io-bar">
      <FileButton
        accept=".csv,text/csv"
        inputLabel="Import scenarios from a CSV file"
        onFile={(file) => void readFile(file)}
      >
        Import CSV…
      </FileButton>
      <button
        type="button"
        onClick={() => {
          void exportCsv(useWorksheet.getState().scenarios.map(toScenario))
        }}
      >
        Export all (CSV)
      </button>
      <button
        type="button"
        disabled={!anyCompared}
        onClick={() => {
          void exportCsv(compared())
        }}
      >
        Export compared (CSV)
      </button>
      <ShareButton scenarios={compared} disabled={!anyCompared} />
      <p role="status" className="io-status">
        {progress && (
          <>
            {/* Determinate once the worker reports how much of a large file it has checked. */}
            {progress.share === null ? (
              <progress aria-label="Import progress" />
            ) : (
              <progress
                aria-label="Import progress"
                max={100}
                value={Math.round(progress.share * 100)}
              />
            )}{' '}
            {PHASE_TEXT[progress.phase]}
            {progress.share !== null && ` ${formatPercent(Math.floor(progress.share * 100) / 100)}`}
          </>
        )}
        {!progress && status}
      </p>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a CSV file to preview its scenarios
        </div>
      )}
      {pending && (
        <Suspense fallback={null}>
          <ImportPreview
            source={pending.source}
            result={pending.result}
            onCancel={() => {
              setPending(null)
              setStatus('Import cancelled: nothing changed.')
            }}
            onImport={(list, mode) => {
              const models = pending.result.models?.filter((m) =>
                list.some((s) => s.modelId === m.id),
              )
              importScenarios(list, mode, models)
              setPending(null)
              setStatus(
                `${mode === 'add' ? 'Added' : 'Replaced your scenarios with'} ${formatCountOf(list.length, 'scenario')} from ${pending.source}. Undo reverts it.`,
              )
            }}
          />
        </Suspense>
      )}
    </div>
  )
}
