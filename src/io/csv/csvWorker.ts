/// <reference lib="webworker" />
// Parses and validates a CSV file off the main thread, so a 10 MB file never
// freezes typing. The page sends the File; reading it happens here too.
import { PRICE_BOOK } from '../../presets/priceBook'
import type { CsvImportResult } from './format'
import { importScenariosCsv } from './import'

export type CsvWorkerMessage =
  | { kind: 'phase'; phase: 'reading' | 'checking' }
  /** The share (0 to 1) of the file's text read and checked so far. */
  | { kind: 'progress'; share: number }
  | { kind: 'done'; result: CsvImportResult }
  /** The check threw: a bug, reported so the page never waits on "Checking every row…". */
  | { kind: 'failed'; message: string }

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (e: MessageEvent<File>) => {
  try {
    self.postMessage({ kind: 'phase', phase: 'reading' } satisfies CsvWorkerMessage)
    const text = await e.data.text()
    self.postMessage({ kind: 'phase', phase: 'checking' } satisfies CsvWorkerMessage)
    self.postMessage({
      kind: 'done',
      result: importScenariosCsv(text, PRICE_BOOK, (share) => {
        self.postMessage({ kind: 'progress', share } satisfies CsvWorkerMessage)
      }),
    } satisfies CsvWorkerMessage)
  } catch (error) {
    self.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies CsvWorkerMessage)
  }
}
