/// <reference lib="webworker" />
// Reads, parses and summarises a usage log off the main thread; only the
// summary (not 200,000 rows) comes back to the page.
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../presets/priceBook'
import { readUsageLog } from './import'
import type { UsageLogWorkerMessage, UsageLogWorkerRequest } from './import'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (e: MessageEvent<UsageLogWorkerRequest>) => {
  const report = await readUsageLog(
    e.data.file,
    e.data.mapping,
    e.data.statusMapping,
    // A worker shares nothing with the page: it prices with the book it imports.
    PRICE_BOOK,
    DEFAULT_MODEL_ID,
    (phase, fraction) => {
      self.postMessage({ kind: 'progress', phase, fraction } satisfies UsageLogWorkerMessage)
    },
    () => performance.now(),
  )
  self.postMessage({ kind: 'done', report } satisfies UsageLogWorkerMessage)
}
