import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../src/domain/engine'
import { calibratedStage } from '../../src/domain/usage/calibration'
import { Pricer } from '../../src/domain/usage/pricer'
import { exportScenariosCsv } from '../../src/io/csv/export'
import { importScenariosCsv } from '../../src/io/csv/import'
import { importCsvFile } from '../../src/io/csv/importFile'
import { readPersisted } from '../../src/io/persisted'
import { decodeShareLink, encodeShareLink } from '../../src/io/shareLink'
import { emptyMapping } from '../../src/io/usageLog/columns'
import { parseUsageLog } from '../../src/io/usageLog/parse'
import { defaultScenario } from '../../src/presets/defaultScenario'
import { PRICE_BOOK } from '../../src/presets/priceBook'
import { createWorksheetStore } from '../../src/store/worksheet'
import { FINAL, summarise } from './usage/logFixtures'

/** Names every plain object answers to: a lookup that is not own-keys-only finds them. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']

/** Two scenarios as a CSV: "Good" on the book's model, "Hostile" on `model`. */
function csvWith(model: string): string {
  const good = { ...defaultScenario(), name: 'Good' }
  const hostile = { ...defaultScenario(), name: 'Hostile' }
  const csv = exportScenariosCsv([good, hostile], PRICE_BOOK)
  const lines = csv.split(/\r?\n/)
  return lines
    .map((line) => (line.includes('Hostile') ? line.replace(good.modelId, model) : line))
    .join('\n')
}

describe.each(PROTOTYPE_NAMES)('a model named %s', (name) => {
  it('is an unknown model in its own CSV rows, and the other scenarios still import', () => {
    const result = importScenariosCsv(csvWith(name), PRICE_BOOK)
    const [good, hostile] = result.scenarios
    expect(good?.scenario.name).toBe('Good')
    expect(good?.errors).toEqual([])
    expect(hostile?.errors.length).toBeGreaterThan(0)
    expect(hostile?.errors.map((e) => e.message).join(' ')).toMatch(/model/i)
    expect(hostile?.errors.every((e) => e.row !== null)).toBe(true)
  })

  it('is an unknown model in a share link, beside a scenario that opens', async () => {
    const good = { ...defaultScenario(), name: 'Good' }
    const hostile = { ...defaultScenario(), name: 'Hostile', modelId: name }
    const link = await encodeShareLink([good, hostile], 'http://127.0.0.1/')
    const decoded = await decodeShareLink(link.slice(link.indexOf('#')))
    if (!decoded.ok) throw new Error(decoded.message)
    const [g, h] = decoded.import.scenarios
    expect(g?.errors).toEqual([])
    expect(h?.errors.map((e) => e.message).join(' ')).toMatch(/model/i)
  })

  it('restores from storage as a scenario whose model is unknown, without throwing', () => {
    const draft = { ...createWorksheetStore(null).getState().scenarios[0]!, modelId: name }
    const raw = JSON.stringify({
      state: { scenarios: [draft], activeId: draft.id, staleAfterDays: 90 },
      version: 1,
    })
    const read = readPersisted(raw)
    if (!read.ok) throw new Error(read.reason)
    const restored = read.state.scenarios[0]
    expect(restored?.modelId).toBe(name)
    const result = computeScenario(restored!, PRICE_BOOK)
    expect(result.errors.some((e) => e.path === 'modelId')).toBe(true)
  })

  it('is a model the usage log cannot price, also as the default model', () => {
    expect(new Pricer(PRICE_BOOK, 'gpt-image-2').spec(name)).toBeNull()
    // A scenario on that model prices blank log rows: still unknown, not Object's member.
    expect(new Pricer(PRICE_BOOK, name).spec('')).toBeNull()
  })

  it('calibrates a stage without throwing when the scenario is on that model', () => {
    const parsed = parseUsageLog(
      'template,stage,model,status,size,output_tokens\nt,final,gpt-image-2,accepted,1024x1024,196\n',
    )
    const g = summarise(parsed.rows).groups[0]!
    const c = calibratedStage(FINAL, g, name, PRICE_BOOK)
    // No model to check the size against: the log's size is taken, and nothing threw.
    expect(c.stage.width).toBe(1024)
  })
})

describe('a JSON log mapped to a key named like an object member', () => {
  it('reads the key from records that have it, and nothing from records that lack it', () => {
    const mapping = { ...emptyMapping(), model: 'constructor', status: 'status' }
    const parsed = parseUsageLog(
      '{"constructor":"gpt-image-2","status":"accepted"}\n{"status":"accepted"}\n',
      mapping,
    )
    expect(parsed.rows.map((r) => r.model)).toEqual(['gpt-image-2', ''])
  })
})

describe('importing a CSV file that cannot be checked', () => {
  it('ends with a message saying what to do, never waiting', async () => {
    const file = new File(['x'], 'broken.csv')
    Object.defineProperty(file, 'text', { value: () => Promise.reject(new Error('disk gone')) })
    const result = await importCsvFile(file)
    expect(result?.scenarios).toEqual([])
    expect(result?.problems[0]?.message).toBe(
      'The file could not be checked (disk gone). Nothing was imported; reload the page and try again, or import the rows in smaller files.',
    )
  })

  it('settles with no result once a later choice cancels it', async () => {
    const controller = new AbortController()
    const pending = importCsvFile(
      new File([csvWith('gpt-image-2')], 'a.csv'),
      undefined,
      controller.signal,
    )
    controller.abort()
    expect(await pending).toBeNull()
  })
})
