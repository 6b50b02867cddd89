import { describe, expect, it } from 'vitest'
import { decodeLog, NOT_UTF8, readUsageLog } from '../../../src/io/usageLog/import'
import { DEFAULT_MODEL_ID, PRICE_BOOK } from '../../../src/presets/priceBook'

const header = 'template,stage,status,cost_usd\n'
// "café" once in UTF-8 (c3 a9) and once as Windows-1252 saves it (e9).
const mixed = Buffer.concat([
  Buffer.from(`${header}café,final,accepted,0.2\n`, 'utf8'),
  Buffer.from('caf\xe9,final,accepted,0.2\n', 'latin1'),
])

const read = (bytes: Uint8Array<ArrayBuffer>, name = 'log.csv') =>
  readUsageLog(
    new File([bytes], name),
    undefined,
    undefined,
    PRICE_BOOK,
    DEFAULT_MODEL_ID,
    () => undefined,
    () => 0,
  )

describe('readUsageLog: bytes that are not UTF-8', () => {
  it('decodes valid UTF-8 as it is', () => {
    expect(decodeLog(new TextEncoder().encode('café').buffer)).toEqual({
      text: 'café',
      utf8: true,
    })
  })

  it('says a mixed Windows-1252 and UTF-8 log is not UTF-8 and what to do', async () => {
    const r = await read(mixed)
    expect(r.notices[0]).toEqual({ row: null, message: NOT_UTF8 })
    expect(NOT_UTF8).toMatch(/not valid UTF-8.*Windows-1252.*save it again as CSV UTF-8/)
    // Both rows still count; the notice explains why the names differ.
    expect(r.rowCount).toBe(2)
    expect(r.summary?.groups.map((g) => g.template)).toEqual(['café', 'caf\uFFFD'])
  })

  it('gives no such notice for a UTF-8 log', async () => {
    const r = await read(Buffer.from(`${header}café,final,accepted,0.2\n`, 'utf8'))
    expect(r.notices.map((n) => n.message)).not.toContain(NOT_UTF8)
  })
})

describe('readUsageLog: values past the per-row limits', () => {
  it('rejects 1e308 tokens and costs per row, so every figure stays finite', async () => {
    const text = [
      'template,stage,status,output_tokens,cost_usd',
      't,s,accepted,1e308,',
      't,s,accepted,,1e308',
      't,s,accepted,1000000001,',
      't,s,accepted,,1000000.01',
      't,s,accepted,1000000000,',
      't,s,accepted,,1000000',
    ].join('\n')
    const r = await read(Buffer.from(text, 'utf8'))
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, 'output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "1e308".'],
      [3, 'cost_usd must be an amount in USD from 0 to 1,000,000, like 0.21; it is "1e308".'],
      [4, 'output_tokens must be a number of tokens from 0 to 1,000,000,000; it is "1000000001".'],
      [5, 'cost_usd must be an amount in USD from 0 to 1,000,000, like 0.21; it is "1000000.01".'],
    ])
    // At the limits: 1e9 tokens x $30 per 1M = $30,000, plus the $1,000,000 cost column.
    expect(r.summary?.total.costUsd).toBeCloseTo(1_030_000, 6)
  })
})
