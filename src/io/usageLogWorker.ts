/// <reference lib="webworker" />
// Reads, parses and summarises a usage log off the main thread; only the
// summary (not 200,000 rows) comes back to the page.
import { readUsageLog } from './usageLogImport'
import type { UsageLogWorkerMessage, UsageLogWorkerRequest } from './usageLogImport'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async (e: MessageEvent<UsageLogWorkerRequest>) => {
  const report = await readUsageLog(
    e.data.file,
    e.data.mapping,
    (phase, fraction) => {
      self.postMessage({ kind: 'progress', phase, fraction } satisfies UsageLogWorkerMessage)
    },
    () => performance.now(),
  )
  self.postMessage({ kind: 'done', report } satisfies UsageLogWorkerMessage)
}
