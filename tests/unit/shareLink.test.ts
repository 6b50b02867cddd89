import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/model'
import { exportScenariosCsv } from '../../src/io/csv/export'
import { PRICE_BOOK } from '../../src/presets/priceBook'
import type { ShareLinkResult } from '../../src/io/shareLink'
import { decodeShareLink, encodeShareLink, readShareHash } from '../../src/io/shareLink'
import { presetScenario } from '../../src/presets/useCases'
import { repeatingStageNames, validScenario, validStage } from './arbitraries'

const BASE = 'https://budget.example/'
const SEED_PRESETS = [
  'saas-onboarding-thumbnails',
  'marketplace-listing-images',
  'growth-campaign-creative',
] as const

const payloadOf = (link: string) => link.slice(link.indexOf('#s=') + 3)

/** What a hand-made link would carry: any bytes, zlib-compressed like the app's own. */
async function pack(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'))
  const packed = new Uint8Array(await new Response(stream).arrayBuffer())
  let binary = ''
  for (const b of packed) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function expectRefused(result: ShareLinkResult, reason: RegExp) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.message).toMatch(reason)
  expect(result.message).toMatch(/Nothing was changed\.$/)
}

describe('share links', () => {
  it('round-trips the three seed presets, in a link short enough to paste anywhere', async () => {
    const scenarios = SEED_PRESETS.map(presetScenario)
    const link = await encodeShareLink(scenarios, BASE)
    expect(link).toMatch(/^https:\/\/budget\.example\/#s=[A-Za-z0-9_-]+$/)

    const decoded = await decodeShareLink(new URL(link).hash)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    // The file's text, less the byte-order mark a spreadsheet needs and a link does not.
    expect(`\ufeff${decoded.csv}`).toBe(exportScenariosCsv(scenarios, PRICE_BOOK))
    expect(decoded.import.problems).toEqual([])
    expect(decoded.import.scenarios.map((s) => s.scenario)).toEqual(scenarios)

    // Measured: 824 characters with this base URL in format version 1, 893 in
    // version 2 (explicit prices and finals compress well); well under 2,000,
    // the length some old tools still cut links at.
    console.info(`share link for the 3 seed presets: ${String(link.length)} characters`)
    expect(link.length).toBeLessThan(2000)
  })

  it('gives back any valid scenarios: encode, decode, import is identity', async () => {
    // The CSV format requires stage and scenario names, and same-named scenarios merge.
    const named = fc
      .record({
        scenario: validScenario,
        name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        stages: fc.array(
          fc
            .tuple(validStage, fc.string({ minLength: 1, maxLength: 12 }))
            .filter(([, name]) => name.trim() !== '')
            .map(([stage, name]) => ({ ...stage, name })),
          { minLength: 1, maxLength: 4 },
        ),
      })
      .map(({ scenario, name, stages }): Scenario => ({ ...scenario, name, stages }))
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(named, { selector: (s) => s.name, minLength: 1, maxLength: 5 }),
        async (scenarios) => {
          const decoded = await decodeShareLink(await encodeShareLink(scenarios, BASE))
          expect(decoded.ok).toBe(true)
          if (!decoded.ok) return
          // Only a scenario repeating a stage name is said to (two same-named scenarios merged
          // into one look like that).
          const said = decoded.import.problems
          expect(said.filter((p) => p.column !== 'stage' || p.severity !== 'notice')).toEqual([])
          expect(said).toHaveLength(repeatingStageNames(scenarios).length)
          expect(decoded.import.scenarios.map((s) => s.scenario)).toEqual(scenarios)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('replaces a hash already on the base URL', async () => {
    const link = await encodeShareLink([presetScenario('blog-headers')], `${BASE}#compare`)
    expect(link.startsWith(`${BASE}#s=`)).toBe(true)
  })

  it('keeps every scenario apart: blank and repeated names get names of their own', async () => {
    const draft = presetScenario('blog-headers')
    const blankStage = { ...draft, stages: draft.stages.map((st) => ({ ...st, name: ' ' })) }
    const decoded = await decodeShareLink(
      await encodeShareLink([draft, draft, { ...blankStage, name: '' }], BASE),
    )
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.import.problems).toEqual([])
    expect(decoded.import.scenarios.map((s) => s.name)).toEqual([
      draft.name,
      `${draft.name} (2)`,
      'Untitled scenario',
    ])
    expect(decoded.import.scenarios[2]?.scenario.stages.map((st) => st.name)).toEqual(
      draft.stages.map((_, i) => `Stage ${String(i + 1)}`),
    )
  })

  it('accepts the whole link, the hash, or the hash with other parameters', async () => {
    const link = await encodeShareLink([presetScenario('blog-headers')], BASE)
    const hash = new URL(link).hash
    for (const form of [link, hash, `${hash}&view=compare`]) {
      expect((await decodeShareLink(form)).ok).toBe(true)
    }
  })
})

describe('readShareHash', () => {
  it.each([
    ['#s=eJyrVg', 'eJyrVg'],
    ['s=eJyrVg', 'eJyrVg'],
    ['#s=', ''],
    ['#compare', null],
    ['#', null],
    ['', null],
  ])('%j gives %j', (hash, payload) => {
    expect(readShareHash(hash)).toBe(payload)
  })
})

describe('damaged links are refused with a reason, never thrown', () => {
  const seedLink = () => encodeShareLink(SEED_PRESETS.map(presetScenario), BASE)

  it('refuses a link with any one character changed', async () => {
    const link = await seedLink()
    const payload = payloadOf(link)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const original = (await decodeShareLink(link)) as { csv: string }
    for (let i = 0; i < payload.length; i++) {
      const was = alphabet.indexOf(payload.charAt(i))
      const flipped = `${payload.slice(0, i)}${alphabet.charAt((was + 1 + i) % 64)}${payload.slice(i + 1)}`
      const decoded = await decodeShareLink(`#s=${flipped}`)
      // The last character carries bits no byte uses; changing only those changes nothing.
      if (decoded.ok) expect(decoded.csv).toBe(original.csv)
      else expect(decoded.message).toMatch(/damaged.*Nothing was changed\.$/)
    }
    const middle = Math.floor(payload.length / 2)
    const one = payload.charAt(middle) === 'A' ? 'B' : 'A'
    expectRefused(
      await decodeShareLink(`#s=${payload.slice(0, middle)}${one}${payload.slice(middle + 1)}`),
      /^The share link is damaged or cut short: its scenarios could not be unpacked\./,
    )
  })

  it.each([1, 2, 3, 10, 400])('refuses a link cut %i characters short', async (cut) => {
    const payload = payloadOf(await seedLink())
    expectRefused(
      await decodeShareLink(`#s=${payload.slice(0, -cut)}`),
      /damaged or cut short|cut short/,
    )
  })

  it.each([
    ['no payload', '#s=', /^The share link is empty: nothing follows #s=/],
    ['not a share link', '#compare', /no shared scenarios: it has no #s= part/],
    ['spaces and symbols', '#s=hello world!', /characters a share link never contains/],
    ['percent-encoded text', '#s=%3Dcmd', /characters a share link never contains/],
    ['a length no encoder writes', '#s=eJyrV', /never contains, or is cut short/],
    ['base64url that is not compressed', '#s=SGVsbG8gd29ybGQ', /could not be unpacked/],
  ])('refuses %s', async (_, hash, reason) => {
    expectRefused(await decodeShareLink(hash), reason)
  })

  it('refuses a link that unpacks past 5 MB without unpacking all of it', async () => {
    const bomb = await pack(new Uint8Array(64 * 1024 * 1024).fill(0x41))
    expect(bomb.length).toBeLessThan(100_000)
    expectRefused(await decodeShareLink(`#s=${bomb}`), /unpacks to more than 5 MB/)
  })

  it('refuses compressed bytes that are not text', async () => {
    const payload = await pack(new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]))
    expectRefused(await decodeShareLink(`#s=${payload}`), /not text/)
  })

  it('refuses text that is not a scenarios CSV, with the import reason', async () => {
    const encode = (text: string) => pack(new TextEncoder().encode(text))
    expectRefused(
      await decodeShareLink(`#s=${await encode('hello, world\r\n')}`),
      /holds no scenarios this app can read\. Row 1 is not a header this app recognises/,
    )
    const headerOnly = exportScenariosCsv([], PRICE_BOOK)
    expectRefused(
      await decodeShareLink(`#s=${await encode(headerOnly)}`),
      /has a header but no scenario rows/,
    )
  })

  it('passes scenarios with their own errors on to the preview, as a file import does', async () => {
    const broken = presetScenario('blog-headers')
    const link = await encodeShareLink([{ ...broken, jobsPerMonth: -5 }], BASE)
    const decoded = await decodeShareLink(link)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.import.scenarios[0]?.errors).toMatchObject([
      { row: 2, column: 'jobs_per_month', severity: 'error' },
    ])
  })

  it('never throws on any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const decoded = await decodeShareLink(`#s=${text}`)
        expect(decoded.ok).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})
