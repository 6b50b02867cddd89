import { PRICE_BOOK } from '../../presets/priceBook'
import { checkCsvSize } from './format'
import type { CsvImportResult } from './format'
import type { CsvWorkerMessage } from './csvWorker'

export type ImportPhase = 'reading' | 'checking'

/** A file refused before reading, shaped like any other import so one preview shows it. */
function refused(message: string): CsvImportResult {
  return {
    scenarios: [],
    problems: [{ row: null, column: null, message, severity: 'error' }],
    delimiter: ',',
    decimalComma: false,
  }
}

/**
 * Reads and validates a scenario CSV file. Never throws: every failure comes
 * back as a file-level problem. Runs in a worker where the browser has them;
 * elsewhere (tests) on the calling thread.
 */
export async function importCsvFile(
  file: File,
  onPhase: (phase: ImportPhase) => void = () => undefined,
): Promise<CsvImportResult> {
  const tooBig = checkCsvSize(file.size)
  if (tooBig) return { ...refused(tooBig.message), problems: [tooBig] }
  if (typeof Worker === 'undefined') {
    onPhase('reading')
    const text = await file.text()
    onPhase('checking')
    const { importScenariosCsv } = await import('./import')
    return importScenariosCsv(text, PRICE_BOOK)
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
      if (e.data.kind === 'phase') {
        onPhase(e.data.phase)
        return
      }
      worker.terminate()
      resolve(e.data.result)
    }
    worker.onerror = (e) => {
      worker.terminate()
      resolve(refused(`The file could not be read (${e.message || 'the browser gave no reason'}).`))
    }
    worker.postMessage(file)
  })
}
