import { PRICE_BOOK } from '../../presets/priceBook'
import { checkCsvSize } from './format'
import type { CsvImportResult } from './format'
import type { CsvWorkerMessage } from './csvWorker'

export type ImportPhase = 'reading' | 'checking'

/** How far an import is: its phase, and while checking the share (0 to 1) of the file checked. */
export interface ImportProgress {
  phase: ImportPhase
  share: number | null
}

/** A file refused before reading, shaped like any other import so one preview shows it. */
function refused(message: string): CsvImportResult {
  return {
    scenarios: [],
    problems: [{ row: null, column: null, message, severity: 'error' }],
    delimiter: ',',
    decimalComma: false,
  }
}

/** What to tell the person when the check itself failed: what happened, and what to do. */
export function checkFailed(reason: string): CsvImportResult {
  return refused(
    `The file could not be checked (${reason || 'the browser gave no reason'}). Nothing was imported; reload the page and try again, or import the rows in smaller files.`,
  )
}

/** Reads and checks on the calling thread: tests, and browsers that refuse the worker. */
async function importHere(
  file: File,
  onProgress: (progress: ImportProgress) => void,
): Promise<CsvImportResult> {
  try {
    onProgress({ phase: 'reading', share: null })
    const text = await file.text()
    onProgress({ phase: 'checking', share: null })
    const { importScenariosCsv } = await import('./import')
    return importScenariosCsv(text, PRICE_BOOK)
  } catch (error) {
    return checkFailed(error instanceof Error ? error.message : String(error))
  }
}

/**
 * Reads and validates a scenario CSV file. Never throws and always settles:
 * every failure (a worker that cannot start or crashes, a check that throws)
 * comes back as a file-level problem. Runs in a worker where the browser has
 * them; elsewhere (tests) on the calling thread. An aborted import stops its
 * worker and settles with no result (null).
 */
export async function importCsvFile(
  file: File,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<CsvImportResult | null> {
  const tooBig = checkCsvSize(file.size)
  if (tooBig) return { ...refused(tooBig.message), problems: [tooBig] }
  if (typeof Worker === 'undefined') {
    const result = await importHere(file, onProgress)
    return signal?.aborted ? null : result
  }
  let worker: Worker
  try {
    worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' })
  } catch {
    // A worker refused (a content policy, an old browser): check here instead.
    const result = await importHere(file, onProgress)
    return signal?.aborted ? null : result
  }
  return new Promise((resolve) => {
    const settle = (result: CsvImportResult | null) => {
      worker.terminate()
      resolve(result)
    }
    signal?.addEventListener('abort', () => {
      settle(null)
    })
    worker.onmessage = (e: MessageEvent<CsvWorkerMessage>) => {
      if (e.data.kind === 'phase') {
        onProgress({ phase: e.data.phase, share: null })
        return
      }
      if (e.data.kind === 'progress') {
        onProgress({ phase: 'checking', share: e.data.share })
        return
      }
      settle(e.data.kind === 'done' ? e.data.result : checkFailed(e.data.message))
    }
    worker.onmessageerror = () => {
      settle(checkFailed('its result could not be passed back'))
    }
    worker.onerror = (e) => {
      settle(checkFailed(e.message))
    }
    worker.postMessage(file)
  })
}
