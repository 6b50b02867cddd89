import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importScenariosCsv } from '../../../src/io/csv/import'
import { PRICE_BOOK } from '../../../src/presets/priceBook'

const example = readFileSync(
  new URL('../../../public/example-scenarios.csv', import.meta.url),
  'utf8',
)

const [header, ...rows] = example.trimEnd().split(/\r?\n/)
const scenarioColumn = (header as string).split(',').indexOf('scenario')
// The example holds no quoted cells, so splitting on commas reads it.
const perCopy = new Set(rows.map((r) => r.split(',')[scenarioColumn])).size

/** The example file's scenarios, numbered `count` times over, as one CSV text. */
function copies(count: number): string {
  const out = [header as string]
  for (let i = 1; i <= count; i++) {
    for (const row of rows) {
      const cells = row.split(',')
      cells[scenarioColumn] = `${cells[scenarioColumn] as string} ${String(i)}`
      out.push(cells.join(','))
    }
  }
  return `${out.join('\n')}\n`
}

describe('progress of a large scenario import', () => {
  it('reports the share of the file checked, rising, a few dozen times, before the result', () => {
    const text = copies(1_500)
    const shares: number[] = []
    const result = importScenariosCsv(text, PRICE_BOOK, (share) => shares.push(share))
    expect(result.scenarios).toHaveLength(1_500 * perCopy)
    expect(result.scenarios.every((s) => s.errors.length === 0)).toBe(true)
    // One report per 64 KB read: about text.length / 65,536 of them.
    expect(shares.length).toBeGreaterThanOrEqual(Math.floor(text.length / 65_536) - 1)
    expect(shares.length).toBeLessThanOrEqual(Math.ceil(text.length / 65_536))
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]!)
    expect(shares[0]).toBeGreaterThan(0)
    expect(shares.at(-1)).toBeLessThanOrEqual(1)
  })

  it('says nothing for a small file, which is checked before a bar could be read', () => {
    const shares: number[] = []
    importScenariosCsv(example, PRICE_BOOK, (share) => shares.push(share))
    expect(shares).toEqual([])
  })
})
