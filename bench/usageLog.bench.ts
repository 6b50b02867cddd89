import Papa from 'papaparse'
import { bench, describe } from 'vitest'
import { summariseUsage } from '../src/domain/usage/summary'
import { parseUsageLog } from '../src/io/usageLog/parse'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../src/presets/priceBook'

// 200,000 rows of a draft + final workflow over a month: six templates, four
// sizes, mixed statuses, usage tokens on 9 rows in 10 (the rest carry a cost
// or nothing), n = 1 or 4. A fixed seed, so every run reads the same log.
const ROWS = 200_000
const TEMPLATES = ['hero', 'product-card', 'avatar', 'listing-bg', 'blog-header', 'ad-variant']
const SIZES = ['1024x1024', '1536x1024', '1024x1536', '2048x1152']
const STATUSES = ['accepted', 'rejected', 'rejected', 'regenerated', 'edited', 'deleted', 'failed']
const LOW_TOKENS: Record<string, number> = {
  '1024x1024': 196,
  '1536x1024': 158,
  '1024x1536': 158,
  '2048x1152': 157,
}
const HIGH_TOKENS: Record<string, number> = {
  '1024x1024': 7024,
  '1536x1024': 5488,
  '1024x1536': 5488,
  '2048x1152': 5650,
}

function generate(): { csv: string; jsonl: string } {
  let seed = 42
  const rand = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const start = Date.UTC(2026, 4, 1)
  const csv: string[] = [
    'timestamp,template,stage,model,quality,size,n,status,input_tokens,input_text_tokens,input_image_tokens,output_tokens,cost_usd',
  ]
  const jsonl: string[] = []
  for (let i = 0; i < ROWS; i++) {
    const timestamp = new Date(start + Math.floor((i / ROWS) * 31 * 86_400_000)).toISOString()
    const template = pick(TEMPLATES)
    const draft = rand() < 0.75
    const stage = draft ? 'draft' : 'final'
    const quality = draft ? 'low' : rand() < 0.8 ? 'high' : 'medium'
    const size = pick(SIZES)
    const n = draft && rand() < 0.3 ? 4 : 1
    const status = pick(STATUSES)
    const text = 40 + Math.floor(rand() * 200)
    const image = draft ? 0 : 1024
    const perImage = quality === 'low' ? LOW_TOKENS[size]! : HIGH_TOKENS[size]!
    const out = perImage * n
    const r = rand()
    const usage = r < 0.9
    const cost = !usage && r < 0.95 ? ((out * 30) / 1e6).toFixed(6) : ''
    const tokens = usage
      ? [String((text + image) * n), String(text * n), String(image * n), String(out)]
      : ['', '', '', '']
    csv.push(
      [timestamp, template, stage, 'gpt-image-2', quality, size, n, status, ...tokens, cost].join(
        ',',
      ),
    )
    jsonl.push(
      JSON.stringify({
        created_at: timestamp,
        template,
        stage,
        model: 'gpt-image-2-2026-04-21',
        quality,
        size,
        n,
        status,
        ...(usage
          ? {
              usage: {
                input_tokens: (text + image) * n,
                output_tokens: out,
                input_tokens_details: { text_tokens: text * n, image_tokens: image * n },
              },
            }
          : {}),
        ...(cost ? { cost_usd: Number(cost) } : {}),
      }),
    )
  }
  return { csv: csv.join('\n') + '\n', jsonl: jsonl.join('\n') + '\n' }
}

const { csv, jsonl } = generate()
let sink = 0

// Few iterations: each run is hundreds of milliseconds, and the goal (under
// 2 s for parse + summarise, in the browser on a 2-core machine) is about
// one run, not a warmed-up average.
const options = { warmupIterations: 2, iterations: 10, time: 0 }

describe(`Usage log, ${ROWS.toLocaleString('en-US')} rows`, () => {
  // Goal: under 2,000 ms.
  bench(
    `CSV (${(csv.length / 1e6).toFixed(1)} MB): parseUsageLog + summariseUsage`,
    () => {
      const parsed = parseUsageLog(csv)
      sink += summariseUsage(parsed.rows, PRICE_BOOK, DEFAULT_MODEL_ID).groups.length
    },
    options,
  )

  bench(
    `JSON Lines (${(jsonl.length / 1e6).toFixed(1)} MB): parseUsageLog + summariseUsage`,
    () => {
      const parsed = parseUsageLog(jsonl)
      sink += summariseUsage(parsed.rows, PRICE_BOOK, DEFAULT_MODEL_ID).groups.length
    },
    options,
  )

  // For scale: papaparse alone on the same CSV. Run last: V8 tunes papaparse
  // for whichever caller runs first (bench/csv.bench.ts measured ~30%).
  bench(
    'papaparse bare parse of the CSV (reference)',
    () => {
      sink += Papa.parse<string[]>(csv).data.length
    },
    options,
  )

  const rows = parseUsageLog(csv).rows
  bench(
    'summariseUsage alone (rows already parsed)',
    () => {
      sink += summariseUsage(rows, PRICE_BOOK, DEFAULT_MODEL_ID).groups.length
    },
    options,
  )
})

export { sink }
