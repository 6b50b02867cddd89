import { createRequire } from 'node:module'
import type Papa from 'papaparse'
import { bench, describe } from 'vitest'
import type { Scenario } from '../src/domain/model'
import { exportScenariosCsv } from '../src/io/csv/export'
import { importScenariosCsv } from '../src/io/csv/import'
import { blankStage } from '../src/domain/model'
import { PRICE_BOOK } from '../src/presets/priceBook'

// 2,500 four-stage scenarios: 10,000 stage rows, about 1.8 MB, with quoted
// names (commas) so papaparse takes its full quote-aware path in both runs.
function scenarios(): Scenario[] {
  const out: Scenario[] = []
  for (let i = 0; i < 2500; i++) {
    out.push({
      name: `Client ${String(i)}, catalogue`,
      modelId: 'gpt-image-2',
      jobsPerMonth: 1000 + i,
      batch: i % 2 === 0,
      ...(i % 3 === 0 ? { prices: { imageOutput: 28.5 }, pricesCheckedOn: '2026-04-28' } : {}),
      stages: [
        { ...blankStage('Draft'), quality: 'low', imagesPerJob: 4, retryMultiplier: 1.5 },
        { ...blankStage('Review'), width: 1024, height: 1536, reachShare: 0.4 },
        { ...blankStage('Edit'), referenceImages: 2, cachedInputShare: 0.35, reachShare: 0.3 },
        {
          ...blankStage('Final'),
          quality: 'high',
          width: 2048,
          height: 1152,
          reachShare: 0.1,
          retryMultiplier: 1.2,
          partialImages: 2,
        },
      ],
    })
  }
  return out
}

const text = exportScenariosCsv(scenarios(), PRICE_BOOK)
let sink = 0

/**
 * A second instance of papaparse for the bare parse. With one shared
 * instance, V8 optimises papaparse for whichever task runs first and the
 * other runs about 30% slower (measured: import 30 ms when run first, 40 ms
 * right after the bare parse). In the app, import is papaparse's only caller.
 */
function freshPapaparse(): typeof Papa {
  const require = createRequire(import.meta.url)
  const path = require.resolve('papaparse')
  const cached = require.cache[path]
  Reflect.deleteProperty(require.cache, path)
  const copy = require(path) as typeof Papa
  if (cached) require.cache[path] = cached
  return copy
}
const bare = freshPapaparse()

// Enough warm-up for optimised code, and enough runs that one garbage
// collection does not decide the mean.
const options = { warmupIterations: 10, iterations: 60, time: 0 }

describe('CSV import, 10,000 rows', () => {
  bench(
    'papaparse bare parse (Papa.parse(text), no options)',
    () => {
      sink += bare.parse<string[]>(text).data.length
    },
    options,
  )

  // Goal: at most 2x the bare parse above.
  bench(
    'importScenariosCsv (parse + validate + engine check)',
    () => {
      sink += importScenariosCsv(text, PRICE_BOOK).scenarios.length
    },
    options,
  )
})

export { sink }
